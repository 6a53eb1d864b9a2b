package com.memberpoints.domain.order;

import static com.memberpoints.domain.order.LifecycleHarness.local;
import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.domain.ledger.EntryKind;
import com.memberpoints.domain.model.DeliveryOptionCode;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.domain.model.PageRequest;
import com.memberpoints.domain.settings.AssignmentPolicy;
import com.memberpoints.domain.settings.DeliveryOptionMapping;
import com.memberpoints.domain.settings.FinalDeliveryStatus;
import com.memberpoints.domain.testing.Fixtures;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** SPEC §4a: the final delivery status depends on the order's delivery option (examples 16 and 17). */
class DeliveryOptionTest {

    static LifecycleHarness harness(AssignmentPolicy policy) {
        return new LifecycleHarness(Fixtures.settings().assignment(policy));
    }

    static LifecycleHarness threeDays() {
        return harness(AssignmentPolicy.afterDelivery(3));
    }

    private static boolean pendingForAlice(LifecycleHarness h, String order) {
        return h.orders.pendingForMember(h.shop, h.alice, 100).stream().anyMatch(o -> o.id().value().equals(order));
    }

    @Nested
    class SpecExamples {
        @Test
        void example16_pickupInStore_arrivedStartsNothing_collectedAssignsThreeDaysLater() {
            LifecycleHarness h = threeDays();
            h.placeWithOption("o16", "100.00", "pickup_in_store");
            h.at(2021, 12, 1, 15, 0);
            assertThat(h.delivered("o16", DeliveryStatus.ARRIVED).transition()).isEqualTo("not-final-for-option");
            assertThat(h.scheduler.pending()).isEmpty();
            assertThat(h.order("o16").delivery().isFinal()).isFalse();
            assertThat(h.order("o16").pendingPoints().orElseThrow().waiting())
                    .isEqualTo(Order.PendingPoints.Waiting.DELIVERY);

            h.at(2021, 12, 4, 12, 0); // the day an Arrived countdown would have ended: nothing
            assertThat(h.fireDue()).isEmpty();
            assertThat(h.points()).isZero();

            h.at(2021, 12, 5, 15, 0);
            assertThat(h.delivered("o16", DeliveryStatus.COLLECTED).transition()).isEqualTo("scheduled");
            assertThat(h.scheduler.pending()).containsEntry(OrderId.of("o16"), local(2021, 12, 8, 0, 0));
            h.at(2021, 12, 8, 0, 0);
            h.fireDue();
            assertThat(h.points()).isEqualTo(10);
            assertThat(h.entries("o16").getFirst().at()).isEqualTo(local(2021, 12, 8, 0, 0));
        }

        @Test
        void example16_tcatDelivery_arrivedAssignsThreeDaysLater() {
            LifecycleHarness h = threeDays();
            h.placeWithOption("t16", "100.00", "tcat_delivery");
            h.at(2021, 12, 1, 15, 0);
            assertThat(h.delivered("t16", DeliveryStatus.ARRIVED).transition()).isEqualTo("scheduled");
            assertThat(h.scheduler.pending()).containsEntry(OrderId.of("t16"), local(2021, 12, 4, 0, 0));
            h.at(2021, 12, 4, 0, 0);
            h.fireDue();
            assertThat(h.points()).isEqualTo(10);
            assertThat(h.kinds("t16")).containsExactly(EntryKind.EARN);
        }

        @Test
        void example17_sevenElevenC2c_arrivedThenReturned_noPointsNoPendingEntry() {
            LifecycleHarness h = threeDays();
            h.placeWithOption("o17", "100.00", "seven_eleven_c2c");
            assertThat(pendingForAlice(h, "o17")).isTrue();
            h.at(2021, 12, 1, 15, 0);
            assertThat(h.delivered("o17", DeliveryStatus.ARRIVED).transition()).isEqualTo("not-final-for-option");
            assertThat(h.scheduler.pending()).isEmpty();

            h.at(2021, 12, 9, 15, 0);
            assertThat(h.delivered("o17", DeliveryStatus.RETURNED).transition()).isEqualTo("returned");
            assertThat(h.order("o17").pendingPoints()).isEmpty();
            assertThat(pendingForAlice(h, "o17")).isFalse();
            assertThat(h.scheduler.pending()).isEmpty();

            h.at(2022, 1, 31, 0, 0);
            h.fireDue();
            h.lifecycle.reconcileOverdue(h.shop, java.time.Duration.ZERO, 100);
            assertThat(h.points()).isZero();
            assertThat(h.entries("o17")).isEmpty();
        }
    }

    @Nested
    class ReturnedBeforeAssignment {
        @Test
        void aReturnWhileTheAssignmentIsScheduledRemovesTheScheduleAndThePendingEntry() {
            LifecycleHarness h = threeDays();
            h.placeWithOption("o1", "100.00", "tcat_delivery");
            h.at(2021, 12, 1, 15, 0);
            h.delivered("o1", DeliveryStatus.ARRIVED);
            assertThat(h.scheduler.pending()).containsKey(OrderId.of("o1"));

            h.at(2021, 12, 2, 15, 0);
            assertThat(h.delivered("o1", DeliveryStatus.RETURNED).transition()).isEqualTo("returned-schedule-removed");
            assertThat(h.scheduler.pending()).isEmpty();
            assertThat(h.scheduler.calls()).containsOnlyOnce("cancel o1");
            assertThat(h.order("o1").assignmentDueAt()).isEmpty();
            assertThat(h.orders.awaitingAssignment(h.shop, local(2022, 1, 1, 0, 0), PageRequest.first(10)).items())
                    .isEmpty();
            assertThat(pendingForAlice(h, "o1")).isFalse();

            // a schedule that fires anyway (the cancel lost) finds nothing to assign
            h.at(2021, 12, 4, 0, 0);
            assertThat(h.fire("o1").transition()).isEqualTo("not-scheduled");
            assertThat(h.points()).isZero();
        }

        @Test
        void duplicatesAndLateStatusesAfterAReturnChangeNothing() {
            LifecycleHarness h = threeDays();
            h.placeWithOption("o1", "100.00", "seven_eleven_c2c");
            h.at(2021, 12, 9, 15, 0);
            assertThat(h.delivered("o1", DeliveryStatus.RETURNED).transition()).isEqualTo("returned");
            assertThat(h.delivered("o1", DeliveryStatus.RETURNED).transition()).isEqualTo("duplicate");
            // the Arrived of 12/1 and a Collected arrive late, after the return: ignored
            assertThat(h.delivered("o1", DeliveryStatus.ARRIVED).transition()).isEqualTo("ignored-returned");
            assertThat(h.delivered("o1", DeliveryStatus.COLLECTED).transition()).isEqualTo("ignored-returned");
            assertThat(h.scheduler.pending()).isEmpty();
            assertThat(h.scheduler.calls()).noneMatch(c -> c.startsWith("cancel"));
            h.at(2021, 12, 31, 0, 0);
            h.completed("o1");
            assertThat(h.points()).isZero();
        }

        @Test
        void inCompletionModeAReturnedOrderEarnsNoPointsWhenCompleted() {
            LifecycleHarness h = harness(AssignmentPolicy.ON_COMPLETION);
            h.placeWithOption("o1", "100.00", "pickup_in_store");
            h.delivered("o1", DeliveryStatus.RETURNED);
            assertThat(h.completed("o1").transition()).isEqualTo("completed-returned");
            assertThat(h.points()).isZero();
            assertThat(h.order("o1").pendingPoints()).isEmpty();
        }

        @Test
        void aReturnAfterTheAssignmentTakesNothingBack() {
            LifecycleHarness h = harness(AssignmentPolicy.afterDelivery(0));
            h.placeWithOption("o1", "100.00", "tcat_delivery");
            assertThat(h.delivered("o1", DeliveryStatus.ARRIVED).transition()).isEqualTo("assigned");
            h.delivered("o1", DeliveryStatus.RETURNED);
            assertThat(h.points()).isEqualTo(10);
        }
    }

    @Nested
    class OptionsOutsideTheBuiltInList {
        @Test
        void theMerchantsMappingDecidesForItsOwnOptionsAndOverridesADefault() {
            LifecycleHarness h = threeDays();
            h.saveSettings(Fixtures.settings().assignment(AssignmentPolicy.afterDelivery(3)).build()
                    .withDeliveryOptions(DeliveryOptionMapping.of(Map.of(
                            "my_locker", FinalDeliveryStatus.COLLECTED,
                            "custom_shipping", FinalDeliveryStatus.ARRIVED))));
            h.placeWithOption("locker", "100.00", "my_locker");
            h.placeWithOption("custom", "100.00", "custom_shipping");
            h.at(2021, 12, 1, 15, 0);
            LifecycleOutcome locker = h.delivered("locker", DeliveryStatus.ARRIVED);
            assertThat(locker.transition()).isEqualTo("not-final-for-option");
            assertThat(locker.finalStatusRule()).contains(new FinalStatusRule.Mapped(
                    DeliveryOptionCode.of("my_locker"), FinalDeliveryStatus.COLLECTED, true));
            // custom shipping is Collected in the article's list; this merchant delivers it to the door
            assertThat(h.delivered("custom", DeliveryStatus.ARRIVED).transition()).isEqualTo("scheduled");
        }

        @Test
        void anUnmappedOptionStartsTheCountdownOnArrivedOrCollectedAndSaysSo() {
            LifecycleHarness h = threeDays();
            h.placeWithOption("o1", "100.00", "acme_courier");
            h.at(2021, 12, 1, 15, 0);
            LifecycleOutcome out = h.delivered("o1", DeliveryStatus.ARRIVED);
            assertThat(out.transition()).isEqualTo("scheduled");
            assertThat(out.finalStatusRule()).contains(new FinalStatusRule.Unmapped(DeliveryOptionCode.of("acme_courier")));
            assertThat(out.finalStatusRule().orElseThrow().source()).isEqualTo("unmapped");
            // it was a pick-up point after all: returned before the due date → nothing
            h.at(2021, 12, 3, 15, 0);
            h.delivered("o1", DeliveryStatus.RETURNED);
            h.at(2021, 12, 4, 0, 0);
            h.fireDue();
            assertThat(h.points()).isZero();
        }

        @Test
        void eventsWithoutAnOptionKeepTheRuleOfBeforeArrivedOrCollectedIsFinal() {
            LifecycleHarness h = threeDays();
            h.place("o1", "100.00");
            h.at(2021, 12, 1, 15, 0);
            LifecycleOutcome out = h.delivered("o1", DeliveryStatus.ARRIVED);
            assertThat(out.transition()).isEqualTo("scheduled");
            assertThat(out.finalStatusRule()).contains(new FinalStatusRule.NoOption());
        }

        @Test
        void aDeliveryEventNamingTheOptionAppliesToAnOrderPlacedWithoutOne() {
            LifecycleHarness h = threeDays();
            h.place("o1", "100.00");
            h.at(2021, 12, 1, 15, 0);
            assertThat(h.delivered("o1", DeliveryStatus.ARRIVED, "family_mart_c2c").transition())
                    .isEqualTo("not-final-for-option");
            assertThat(h.order("o1").delivery().option()).contains(DeliveryOptionCode.of("family_mart_c2c"));
            // the next event without an option keeps the one recorded
            assertThat(h.delivered("o1", DeliveryStatus.COLLECTED).transition()).isEqualTo("scheduled");
        }

        @Test
        void aSplitChildKeepsItsParentsOption() {
            LifecycleHarness h = threeDays();
            h.placeWithOption("p1", "100.00", "pickup_in_store");
            Order child = h.order("p1").splitChild(OrderId.of("c1"), OrderAmounts.ofSubtotal(LifecycleHarness.twd("40.00")),
                    h.merchant.currency());
            assertThat(child.delivery().option()).contains(DeliveryOptionCode.of("pickup_in_store"));
            assertThat(child.delivery().isFinal()).isFalse();
        }
    }

    @Nested
    class TheBuiltInList {
        @Test
        void everyEntryOfTheArticlesTwoListsHasAUniqueCodeAndItsFinalStatus() {
            assertThat(Arrays.stream(StandardDeliveryOption.values()).map(StandardDeliveryOption::code).distinct())
                    .hasSize(StandardDeliveryOption.values().length);
            assertThat(Arrays.stream(StandardDeliveryOption.values())
                    .filter(o -> o.finalStatus() == FinalDeliveryStatus.ARRIVED)).hasSize(13);
            assertThat(StandardDeliveryOption.byCode(DeliveryOptionCode.of("pickup_in_store")).orElseThrow()
                    .finalStatus()).isEqualTo(FinalDeliveryStatus.COLLECTED);
            assertThat(StandardDeliveryOption.byCode(DeliveryOptionCode.of("hop")).orElseThrow().displayName())
                    .isEqualTo("HOP!");
            assertThat(StandardDeliveryOption.byCode(DeliveryOptionCode.of("acme"))).isEmpty();
        }

        @Test
        void theRuleOfAnOptionComesFromTheMerchantThenTheListThenTheConservativeDefault() {
            DeliveryOptionMapping mapping = DeliveryOptionMapping.of(Map.of("pickup_in_store", FinalDeliveryStatus.ARRIVED));
            assertThat(FinalStatusRule.of(Optional.of(DeliveryOptionCode.of("pickup_in_store")), mapping)
                    .isFinal(DeliveryStatus.ARRIVED)).isTrue();
            FinalStatusRule c2c = FinalStatusRule.of(Optional.of(DeliveryOptionCode.of("seven_eleven_c2c")), mapping);
            assertThat(c2c.isFinal(DeliveryStatus.ARRIVED)).isFalse();
            assertThat(c2c.isFinal(DeliveryStatus.COLLECTED)).isTrue();
            assertThat(c2c.source()).isEqualTo("default");
            FinalStatusRule none = FinalStatusRule.of(Optional.empty(), mapping);
            assertThat(none.isFinal(DeliveryStatus.ARRIVED) && none.isFinal(DeliveryStatus.COLLECTED)).isTrue();
            assertThat(none.isFinal(DeliveryStatus.RETURNED) || none.isFinal(DeliveryStatus.SHIPPED)).isFalse();
        }
    }
}
