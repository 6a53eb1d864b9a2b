package com.memberpoints.functions.events;

import static com.memberpoints.functions.events.OrderHandlersSpecExamplesTest.str;
import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.domain.ledger.EntryKind;
import com.memberpoints.domain.ledger.JournalEntry;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.domain.settings.AssignmentPolicy;
import com.memberpoints.functions.platform.json.JsonObject;
import com.memberpoints.functions.platform.json.JsonString;
import org.junit.jupiter.api.Test;

/** Issue 12.3 through the order-events and scheduled-assignment handlers, as the platform sends the events. */
class OrderReturnsHandlerTest {

    @Test
    void aReturnBeforeTheDueDateLowersWhatTheScheduleAssigns() {
        HandlerHarness h = new HandlerHarness();
        h.settings("10.00", 1, AssignmentPolicy.afterDelivery(3), null);
        h.placed("o1", "100.00");
        h.now = HandlerHarness.local(2021, 12, 1, 10, 0);
        h.delivery("o1", "COLLECTED");
        assertThat(str(h.returned("o1", "ret-1", "30.00"), "transition")).isEqualTo("returned");
        h.now = HandlerHarness.local(2021, 12, 4, 0, 0);
        assertThat(h.fireDueSchedules()).hasSize(1);
        assertThat(h.points()).isEqualTo(7);
    }

    @Test
    void aReturnAfterAssignmentDeductsTheDifferenceOnce_evenDeliveredTwice() {
        HandlerHarness h = new HandlerHarness();
        h.settings("10.00", 1, AssignmentPolicy.afterDelivery(0), null);
        h.placed("o1", "100.00");
        h.delivery("o1", "ARRIVED");
        assertThat(str(h.returned("o1", "ret-1", "30.00"), "transition")).isEqualTo("returned-after-assignment");
        assertThat(str(h.returned("o1", "ret-1", "30.00"), "transition")).isEqualTo("duplicate");
        assertThat(h.points()).isEqualTo(7);
        assertThat(h.entries("o1")).extracting(JournalEntry::kind)
                .containsExactly(EntryKind.EARN, EntryKind.EARN_ADJUST_DEDUCT);
    }

    @Test
    void aFullReturnRemovesThePendingScheduleAndAssignsNothing() {
        HandlerHarness h = new HandlerHarness();
        h.settings("10.00", 1, AssignmentPolicy.afterDelivery(3), null);
        h.placed("o1", "100.00");
        h.delivery("o1", "COLLECTED");
        assertThat(h.scheduler.pending()).containsKey(OrderId.of("o1"));
        assertThat(str(h.returnedInFull("o1", "ret-all"), "transition")).isEqualTo("returned-in-full");
        assertThat(h.scheduler.pending()).doesNotContainKey(OrderId.of("o1"));
        h.now = h.now.plusSeconds(5 * 86_400);
        h.fireDueSchedules();
        assertThat(h.points()).isZero();
        assertThat(h.entries("o1")).isEmpty();
    }

    @Test
    void aReturnWithoutAnAmountItemsOrFullIsRejectedNamingTheFieldWithoutWriting() {
        HandlerHarness h = new HandlerHarness();
        h.settings("10.00", 1, AssignmentPolicy.afterDelivery(0), null);
        h.placed("o1", "100.00");
        JsonObject out = h.send("OrderReturned", "{\"merchantId\":\"shop-1\",\"orderId\":\"o1\",\"returnId\":\"r1\","
                + "\"currency\":\"TWD\",\"returnedAt\":\"2021-12-01T02:00:00Z\"}");
        assertThat(str(out, "result")).isEqualTo("rejected");
        assertThat(h.log.lines().getLast()).contains("detail.returnedAmount");
        assertThat(h.orders.find(h.shop, OrderId.of("o1")).orElseThrow().returns().isEmpty()).isTrue();
    }

    @Test
    void aReturnInAnotherCurrencyIsRejectedNamingTheField() {
        HandlerHarness h = new HandlerHarness();
        h.settings("10.00", 1, AssignmentPolicy.afterDelivery(0), null);
        h.placed("o1", "100.00");
        JsonObject out = h.send("OrderReturned", "{\"merchantId\":\"shop-1\",\"orderId\":\"o1\",\"returnId\":\"r1\","
                + "\"currency\":\"USD\",\"returnedAmount\":\"1.00\",\"returnedAt\":\"2021-12-01T02:00:00Z\"}");
        assertThat(str(out, "result")).isEqualTo("rejected");
        assertThat(h.log.lines().getLast()).contains("amount.currency");
        assertThat(out.get("result").orElseThrow()).isEqualTo(new JsonString("rejected"));
    }
}
