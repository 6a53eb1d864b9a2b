package com.memberpoints.domain.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.domain.settings.AssignmentPolicy;
import com.memberpoints.domain.testing.Fixtures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** SPEC §4a as properties: only the final status of the order's own option starts the countdown. */
class DeliveryOptionProperties {

    /** A delivery status event and the hours that pass before it. */
    record Step(DeliveryStatus status, int hoursLater) {}

    @Provide
    Arbitrary<List<Step>> pickupStatusesWithoutCollected() {
        Arbitrary<Step> step = net.jqwik.api.Combinators.combine(
                Arbitraries.of(DeliveryStatus.PENDING, DeliveryStatus.SHIPPED, DeliveryStatus.ARRIVED,
                        DeliveryStatus.RETURNED),
                Arbitraries.integers().between(0, 24 * 20)).as(Step::new);
        return step.list().ofMinSize(0).ofMaxSize(12);
    }

    @Provide
    Arbitrary<String> pickupOptions() {
        return Arbitraries.of("pickup_in_store", "seven_eleven_c2c", "seven_eleven_b2c", "family_mart_c2c",
                "family_mart_b2c_refrigerated", "alfred_smart_locker", "hop", "sf_express_pickup");
    }

    @Property(tries = 200)
    void aPickupOptionWithoutCollectedNeverEarnsPoints(@ForAll("pickupStatusesWithoutCollected") List<Step> steps,
                                                       @ForAll("pickupOptions") String option,
                                                       @ForAll @IntRange(min = 0, max = 5) int days) {
        LifecycleHarness h = new LifecycleHarness(Fixtures.settings().assignment(AssignmentPolicy.afterDelivery(days)));
        h.placeWithOption("o1", "100.00", option);
        for (Step s : steps) {
            h.now = h.now.plus(Duration.ofHours(s.hoursLater()));
            h.delivered("o1", s.status());
            h.fireDue();
        }
        h.now = h.now.plus(Duration.ofDays(400));
        h.fireDue();
        h.lifecycle.reconcileOverdue(h.shop, Duration.ZERO, 100);
        assertThat(h.scheduler.pending()).isEmpty();
        assertThat(h.points()).isZero();
        assertThat(h.entries("o1")).isEmpty();
    }

    @Property(tries = 200)
    void anyOptionReturnedBeforeItsAssignmentEarnsNothingWhateverTheArrivalOrderAndDuplicates(
            @ForAll("anyOption") String option, @ForAll("permutedWithDuplicates") List<DeliveryStatus> statuses) {
        LifecycleHarness h = new LifecycleHarness(Fixtures.settings().assignment(AssignmentPolicy.afterDelivery(3)));
        h.placeWithOption("o1", "100.00", option);
        for (DeliveryStatus s : statuses) { // all within one hour: every event arrives before the due date
            h.now = h.now.plusSeconds(60);
            h.delivered("o1", s);
        }
        h.now = h.now.plus(Duration.ofDays(30));
        h.fireDue();
        h.lifecycle.reconcileOverdue(h.shop, Duration.ZERO, 100);
        assertThat(h.points()).isZero();
        assertThat(h.order("o1").pendingPoints()).isEmpty();
        assertThat(h.scheduler.pending()).isEmpty();
    }

    @Provide
    Arbitrary<String> anyOption() {
        return Arbitraries.of("tcat_delivery", "pickup_in_store", "seven_eleven_c2c", "ninja_van", "acme_courier");
    }

    /** Arrived, Collected and Returned in any order, each possibly repeated (redelivered events). */
    @Provide
    Arbitrary<List<DeliveryStatus>> permutedWithDuplicates() {
        return Arbitraries.of(DeliveryStatus.ARRIVED, DeliveryStatus.COLLECTED, DeliveryStatus.RETURNED)
                .list().ofMinSize(1).ofMaxSize(8)
                .filter(l -> l.contains(DeliveryStatus.RETURNED))
                .map(ArrayList::new);
    }
}
