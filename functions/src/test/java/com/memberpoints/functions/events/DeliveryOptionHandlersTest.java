package com.memberpoints.functions.events;

import static com.memberpoints.functions.events.HandlerHarness.local;
import static com.memberpoints.functions.events.OrderHandlersSpecExamplesTest.str;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.memberpoints.domain.model.OrderId;
import com.memberpoints.domain.order.Order;
import com.memberpoints.domain.settings.AssignmentPolicy;
import com.memberpoints.functions.platform.log.Emf;
import org.junit.jupiter.api.Test;

/**
 * SPEC §4a and §8 examples 16 and 17 end to end through OrderEventsHandler and ScheduledAssignmentHandler (in-memory
 * ports, a controlled clock): the events carry the delivery option and only its final status starts the countdown.
 */
class DeliveryOptionHandlersTest {

    private static boolean pending(HandlerHarness h, String order) {
        return h.orders.pendingForMember(h.shop, h.alice, 100).stream().map(Order::id).anyMatch(OrderId.of(order)::equals);
    }

    @Test
    void example16_pickupInStore_arrivedStartsNothing_collectedAssignsThreeDaysLater() {
        HandlerHarness h = new HandlerHarness();
        h.settings("10.00", 1, AssignmentPolicy.afterDelivery(3), null);
        h.placedWithOption("o16", "100.00", "pickup_in_store");
        h.at(2021, 12, 1, 15, 0);
        assertThat(str(h.delivery("o16", "ARRIVED"), "transition")).isEqualTo("not-final-for-option");
        assertThat(h.scheduler.pending()).isEmpty();
        h.at(2021, 12, 4, 0, 0);
        assertThat(h.fireDueSchedules()).isEmpty();

        h.at(2021, 12, 5, 15, 0);
        assertThat(str(h.delivery("o16", "COLLECTED"), "transition")).isEqualTo("scheduled");
        assertThat(h.scheduler.pending()).containsEntry(OrderId.of("o16"), local(2021, 12, 8, 0, 0));
        h.at(2021, 12, 7, 23, 59);
        assertThat(h.fireDueSchedules()).isEmpty();
        h.at(2021, 12, 8, 0, 0);
        assertThat(h.fireDueSchedules()).singleElement().satisfies(r -> assertThat(str(r, "transition"))
                .isEqualTo("assigned"));
        assertThat(h.points()).isEqualTo(10);
        assertThat(h.entries("o16").getFirst().at()).isEqualTo(local(2021, 12, 8, 0, 0));
    }

    @Test
    void example16_tcatDelivery_arrivedAssignsThreeDaysLater() {
        HandlerHarness h = new HandlerHarness();
        h.settings("10.00", 1, AssignmentPolicy.afterDelivery(3), null);
        h.placedWithOption("t16", "100.00", "tcat_delivery");
        h.at(2021, 12, 1, 15, 0);
        assertThat(str(h.delivery("t16", "ARRIVED"), "transition")).isEqualTo("scheduled");
        h.at(2021, 12, 4, 0, 0);
        h.fireDueSchedules();
        assertThat(h.points()).isEqualTo(10);
    }

    @Test
    void example17_sevenElevenC2c_arrivedThenReturned_noPointsNoPendingEntry() {
        HandlerHarness h = new HandlerHarness();
        h.settings("10.00", 1, AssignmentPolicy.afterDelivery(3), null);
        h.placedWithOption("o17", "100.00", "seven_eleven_c2c");
        h.at(2021, 12, 1, 15, 0);
        assertThat(str(h.delivery("o17", "ARRIVED"), "transition")).isEqualTo("not-final-for-option");
        assertThat(pending(h, "o17")).isTrue();
        h.at(2021, 12, 9, 15, 0);
        assertThat(str(h.delivery("o17", "RETURNED"), "transition")).isEqualTo("returned");
        // redelivered, and a late Collected: nothing changes
        assertThat(str(h.delivery("o17", "RETURNED"), "transition")).isEqualTo("duplicate");
        assertThat(str(h.delivery("o17", "COLLECTED"), "transition")).isEqualTo("ignored-returned");
        assertThat(pending(h, "o17")).isFalse();
        h.at(2022, 1, 9, 0, 0);
        assertThat(h.fireDueSchedules()).isEmpty();
        assertThat(h.points()).isZero();
        assertThat(h.entries("o17")).isEmpty();
    }

    @Test
    void aReturnBeforeTheDueDateRemovesTheScheduleAndAFiringThatRacesItAssignsNothing() {
        HandlerHarness h = new HandlerHarness();
        h.settings("10.00", 1, AssignmentPolicy.afterDelivery(3), null);
        h.placedWithOption("o1", "100.00", "tcat_delivery");
        h.at(2021, 12, 1, 15, 0);
        h.delivery("o1", "ARRIVED");
        h.at(2021, 12, 2, 15, 0);
        assertThat(str(h.delivery("o1", "RETURNED", "tcat_delivery"), "transition"))
                .isEqualTo("returned-schedule-removed");
        assertThat(h.scheduler.pending()).isEmpty();
        assertThat(h.scheduler.calls()).contains("cancel o1");
        h.at(2021, 12, 4, 0, 0);
        assertThat(str(h.assignments.handle("{\"merchantId\":\"shop-1\",\"orderId\":\"o1\"}"), "transition"))
                .isEqualTo("not-scheduled");
        assertThat(h.points()).isZero();
    }

    @Test
    void anUnmappedOptionIsLoggedAndCountedSoTheMerchantCanMapIt() {
        HandlerHarness h = new HandlerHarness();
        h.settings("10.00", 1, AssignmentPolicy.afterDelivery(3), null);
        h.placedWithOption("o1", "100.00", "acme_courier");
        h.log.lines().clear();
        h.at(2021, 12, 1, 15, 0);
        assertThat(str(h.delivery("o1", "ARRIVED"), "transition")).isEqualTo("scheduled");
        assertThat(Emf.totals(h.log.lines())).contains(entry("DeliveryOptionUnmapped", 1L));
        assertThat(h.log.lines()).anySatisfy(l -> assertThat(l).contains("delivery option not mapped")
                .contains("\"deliveryOption\":\"acme_courier\""));
        assertThat(h.log.lines()).anySatisfy(l -> assertThat(l).contains("order event applied")
                .contains("\"finalStatusRule\":\"unmapped\""));

        h.log.lines().clear();
        h.placed("o2", "100.00");
        h.delivery("o2", "ARRIVED"); // a platform that sends no option: counted, not warned
        assertThat(Emf.totals(h.log.lines())).contains(entry("DeliveryOptionMissing", 1L))
                .doesNotContainKey("DeliveryOptionUnmapped");
    }

    @Test
    void aBadDeliveryOptionIsRejectedNamingTheField() {
        HandlerHarness h = new HandlerHarness();
        h.settings("10.00", 1, AssignmentPolicy.afterDelivery(3), null);
        var r = h.placedWithOption("o1", "100.00", "Pick Up!");
        assertThat(str(r, "result")).isEqualTo("rejected");
        assertThat(r.toString()).contains("detail.deliveryOption").contains("lowercase letters");
        assertThat(h.orders.find(h.shop, OrderId.of("o1"))).isEmpty();
    }

    @Test
    void theEventSchemasAndTheOpenApiListEveryBuiltInOptionCode() throws java.io.IOException {
        java.nio.file.Path root = EventSamplesTest.ROOT;
        for (String doc : java.util.List.of("docs/events/OrderPlaced.schema.json",
                "docs/events/OrderDeliveryStatusChanged.schema.json", "docs/openapi.yaml")) {
            String text = java.nio.file.Files.readString(root.resolve(doc));
            for (com.memberpoints.domain.order.StandardDeliveryOption o
                    : com.memberpoints.domain.order.StandardDeliveryOption.values()) {
                assertThat(text).as(doc).containsPattern("[ :]" + o.code().value() + "[,.;]");
            }
        }
    }
}
