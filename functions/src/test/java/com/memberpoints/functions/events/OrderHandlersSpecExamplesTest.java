package com.memberpoints.functions.events;

import static com.memberpoints.functions.events.HandlerHarness.local;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.memberpoints.domain.ledger.EntryKind;
import com.memberpoints.domain.ledger.JournalEntry;
import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.domain.settings.AssignmentPolicy;
import com.memberpoints.functions.platform.json.JsonObject;
import com.memberpoints.functions.platform.json.JsonString;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** SPEC §8 examples 3, 4, 10, 12, 13 and 15 end to end through the order handlers, with a controlled clock. */
class OrderHandlersSpecExamplesTest {

    static String str(JsonObject o, String name) {
        return ((JsonString) o.get(name).orElseThrow()).value();
    }

    @Test
    void example3_collectedOnTheFirstWithThreeDaysIsAssignedOnTheFourth() {
        HandlerHarness h = new HandlerHarness();
        h.settings("10.00", 1, AssignmentPolicy.afterDelivery(3), null);
        h.placed("o1", "100.00"); // 29 Nov 2021
        h.at(2021, 12, 1, 15, 0);
        assertThat(str(h.delivery("o1", "COLLECTED"), "transition")).isEqualTo("scheduled");
        assertThat(h.scheduler.pending()).containsEntry(OrderId.of("o1"), local(2021, 12, 4, 0, 0));

        h.at(2021, 12, 3, 23, 59);
        assertThat(h.fireDueSchedules()).isEmpty();
        assertThat(h.points()).isZero();
        h.at(2021, 12, 4, 0, 0);
        assertThat(h.fireDueSchedules()).hasSize(1);
        assertThat(h.points()).isEqualTo(10);
        JournalEntry earn = h.entries("o1").getFirst();
        assertThat(earn.lots().getFirst().expiresAt()).contains(local(2022, 12, 31, 23, 59).plusSeconds(59));
    }

    @Test
    void example4_completionModeSwitchedOnAfterDeliveryAssignsAtCompletionAndNothingOnTheDueDate() {
        HandlerHarness h = new HandlerHarness();
        h.settings("10.00", 1, AssignmentPolicy.afterDelivery(10), null);
        h.at(2021, 9, 1, 10, 0);
        h.placed("o1", "100.00");
        h.at(2021, 9, 10, 10, 0);
        h.delivery("o1", "ARRIVED");
        assertThat(h.scheduler.pending()).containsEntry(OrderId.of("o1"), local(2021, 9, 20, 0, 0));
        h.at(2021, 9, 12, 10, 0);
        h.settings("10.00", 1, AssignmentPolicy.ON_COMPLETION, null);
        h.at(2021, 9, 15, 10, 0);
        assertThat(str(h.completed("o1"), "transition")).isEqualTo("assigned");
        assertThat(h.points()).isEqualTo(10);
        assertThat(h.entries("o1").getFirst().at()).isEqualTo(local(2021, 9, 15, 10, 0));
        assertThat(h.scheduler.pending()).isEmpty();

        h.at(2021, 9, 20, 0, 0);
        // Even a schedule whose deletion failed fires without assigning again.
        assertThat(str(h.assignments.handle("{\"merchantId\":\"shop-1\",\"orderId\":\"o1\"}"), "transition"))
                .isEqualTo("points already assigned");
        assertThat(h.entries("o1")).hasSize(1);
    }

    @Test
    void example10_anEditAfterARuleChangeFollowsTheLatestAmountUnderThePlacementRule() {
        HandlerHarness h = new HandlerHarness();
        h.at(2022, 3, 1, 10, 0);
        h.settings("10.00", 10, AssignmentPolicy.afterDelivery(0), null);
        h.at(2022, 3, 2, 10, 0);
        h.placed("o1", "100.00");
        h.at(2022, 3, 3, 10, 0);
        h.settings("10.00", 1, AssignmentPolicy.afterDelivery(0), null);
        h.edited("o1", 1, "80.00");
        h.at(2022, 3, 4, 10, 0);
        h.delivery("o1", "ARRIVED");
        assertThat(h.points()).isEqualTo(80);
    }

    @Test
    void example12_creditsUseTheRuleInForceAtPlacement() {
        HandlerHarness h = new HandlerHarness();
        h.settings("10.00", 1, AssignmentPolicy.afterDelivery(3), HandlerHarness.credits("500.00", "100.00", false));
        h.placed("o1", "1500.00");
        h.settings("10.00", 1, AssignmentPolicy.afterDelivery(3), HandlerHarness.credits("1000.00", "200.00", false));
        h.at(2021, 11, 30, 10, 0);
        h.paid("o1");
        assertThat(h.credits()).isEqualTo(10_000); // 100.00 TWD in minor units
    }

    @Test
    void example13_aGuestBecomingAMemberAtCheckoutEarnsNoPointsAndNoCredits() {
        HandlerHarness h = new HandlerHarness();
        h.settings("10.00", 1, AssignmentPolicy.afterDelivery(0), HandlerHarness.credits("100.00", "10.00", true));
        h.placed("g1", "500.00", "GUEST_BECOMING_MEMBER");
        h.paid("g1");
        h.delivery("g1", "ARRIVED");
        h.completed("g1");
        assertThat(h.orders.find(h.shop, OrderId.of("g1")).orElseThrow().earned().pointsAssigned()).isZero();
        assertThat(h.orders.find(h.shop, OrderId.of("g1")).orElseThrow().earned().creditsAwarded().isZero()).isTrue();
        assertThat(h.points()).isZero();
        assertThat(h.credits()).isZero();
    }

    @Test
    void example15_theSameOrderEventDeliveredThreeTimesGivesOneLedgerEntry() {
        HandlerHarness h = new HandlerHarness();
        h.settings("10.00", 1, AssignmentPolicy.afterDelivery(0), HandlerHarness.credits("100.00", "10.00", true));
        for (int i = 0; i < 3; i++) {
            h.placed("o1", "200.00");
        }
        for (int i = 0; i < 3; i++) {
            h.paid("o1");
        }
        for (int i = 0; i < 3; i++) {
            h.delivery("o1", "ARRIVED");
        }
        assertThat(h.entries("o1")).extracting(JournalEntry::kind)
                .containsExactlyInAnyOrder(EntryKind.REWARD_CREDIT, EntryKind.EARN);
        assertThat(h.points()).isEqualTo(20);
        assertThat(h.credits()).isEqualTo(2_000);
    }

    /** Issue 11.3 (SPEC §2 amended): a manual order placed by an admin for a member earns points, no credits. */
    @Test
    void adminManualOrderEarnsPointsButNoRewardCreditsThroughTheHandlers() {
        HandlerHarness h = new HandlerHarness();
        h.settings("10.00", 1, AssignmentPolicy.afterDelivery(0), HandlerHarness.credits("100.00", "10.00", true));
        placedAs(h, "admin-1", "ADMIN_MANUAL");
        h.paid("admin-1");
        h.delivery("admin-1", "ARRIVED");
        assertThat(h.entries("admin-1")).extracting(JournalEntry::kind).containsExactly(EntryKind.EARN);
        assertThat(h.points()).isEqualTo(20);
        assertThat(h.credits()).isZero();
    }

    @Test
    void socialManualOrderEarnsPointsAndRewardCreditsThroughTheHandlers() {
        HandlerHarness h = new HandlerHarness();
        h.settings("10.00", 1, AssignmentPolicy.afterDelivery(0), HandlerHarness.credits("100.00", "10.00", true));
        placedAs(h, "social-1", "SOCIAL_MANUAL");
        h.paid("social-1");
        h.delivery("social-1", "ARRIVED");
        assertThat(h.entries("social-1")).extracting(JournalEntry::kind)
                .containsExactlyInAnyOrder(EntryKind.REWARD_CREDIT, EntryKind.EARN);
        assertThat(h.points()).isEqualTo(20);
        assertThat(h.credits()).isEqualTo(2_000);
    }

    private static void placedAs(HandlerHarness h, String order, String kind) {
        JsonObject r = h.send("OrderPlaced", "{\"merchantId\":\"shop-1\",\"orderId\":\"" + order + "\",\"memberId\":\""
                + h.alice.value() + "\",\"checkout\":\"MEMBER_LOGGED_IN\",\"channel\":\"ONLINE\",\"kind\":\"" + kind
                + "\",\"amounts\":{\"currency\":\"TWD\",\"itemSubtotal\":\"200.00\"},\"placedAt\":\"" + h.now + "\"}");
        assertThat(str(r, "result")).as(r.toString()).isEqualTo("applied");
        assertThat(str(r, "transition")).isEqualTo("placed");
    }

    @Test
    void outOfOrder_cancelledBeforeDeliveredNeverAssigns() {
        HandlerHarness h = new HandlerHarness();
        h.settings("10.00", 1, AssignmentPolicy.afterDelivery(3), null);
        h.placed("o1", "100.00");
        h.cancelled("o1");
        h.delivery("o1", "ARRIVED");
        assertThat(h.scheduler.pending()).isEmpty();
        h.at(2021, 12, 10, 0, 0);
        h.sweep.sweep();
        assertThat(h.points()).isZero();
    }

    @Test
    void outOfOrder_deliveredTwiceSchedulesOnceAndAssignsOnce() {
        HandlerHarness h = new HandlerHarness();
        h.settings("10.00", 1, AssignmentPolicy.afterDelivery(3), null);
        h.placed("o1", "100.00");
        h.delivery("o1", "ARRIVED");
        h.at(2021, 11, 30, 10, 0);
        assertThat(str(h.delivery("o1", "COLLECTED"), "transition")).isEqualTo("duplicate");
        h.at(2021, 12, 2, 0, 0);
        h.fireDueSchedules();
        h.fireDueSchedules();
        assertThat(h.entries("o1")).hasSize(1);
    }

    @Test
    void outOfOrder_completedAfterAssignmentAssignsNothingMore() {
        HandlerHarness h = new HandlerHarness();
        h.settings("10.00", 1, AssignmentPolicy.afterDelivery(0), null);
        h.placed("o1", "100.00");
        h.delivery("o1", "ARRIVED");
        h.settings("10.00", 1, AssignmentPolicy.ON_COMPLETION, null);
        h.completed("o1");
        assertThat(h.entries("o1")).hasSize(1);
        assertThat(h.points()).isEqualTo(10);
    }

    @Test
    void outOfOrder_editedAfterAssignmentAdjustsByTheDifference() {
        HandlerHarness h = new HandlerHarness();
        h.settings("10.00", 1, AssignmentPolicy.afterDelivery(0), null);
        h.placed("o1", "100.00");
        h.delivery("o1", "ARRIVED");
        h.edited("o1", 1, "80.00");
        h.edited("o1", 1, "80.00");
        assertThat(h.points()).isEqualTo(8);
        assertThat(h.entries("o1")).extracting(JournalEntry::kind)
                .containsExactly(EntryKind.EARN, EntryKind.EARN_ADJUST_DEDUCT);
        assertThat(h.entries("o1").get(1).delta()).isEqualTo(-2);
    }

    @Test
    void anEventAheadOfItsOrderFailsTheInvocationSoThatEventBridgeRetries() {
        HandlerHarness h = new HandlerHarness();
        h.settings("10.00", 1, AssignmentPolicy.afterDelivery(0), null);
        assertThatThrownBy(() -> h.paid("o1")).isInstanceOf(RetryLaterException.class);
        h.placed("o1", "100.00");
        assertThat(str(h.paid("o1"), "result")).isEqualTo("applied"); // the retry succeeds
    }

    @Test
    void aMalformedEventIsRejectedAndLoggedNamingTheFieldWithoutWriting() {
        HandlerHarness h = new HandlerHarness();
        h.settings("10.00", 1, AssignmentPolicy.afterDelivery(0), null);
        JsonObject out = h.send("OrderPlaced", "{\"merchantId\":\"shop-1\",\"orderId\":\"o1\",\"memberId\":\"m-42\","
                + "\"checkout\":\"MEMBER_LOGGED_IN\",\"channel\":\"ONLINE\",\"amounts\":{\"currency\":\"TWD\","
                + "\"itemSubtotal\":\"abc\"},\"placedAt\":\"2021-11-29T02:00:00Z\"}");
        assertThat(str(out, "result")).isEqualTo("rejected");
        assertThat(h.log.single().get("message").orElseThrow()).isEqualTo(new JsonString("order event rejected"));
        assertThat(h.log.lines().getFirst()).contains("detail.amounts.itemSubtotal");
        assertThat(h.orders.find(h.shop, OrderId.of("o1"))).isEmpty();
    }

    @Test
    void notJsonAtAllIsRejectedNotThrown() {
        HandlerHarness h = new HandlerHarness();
        assertThat(str(h.events.handle("{not json"), "result")).isEqualTo("rejected");
        assertThat(str(h.assignments.handle("[]"), "result")).isEqualTo("rejected");
    }

    @Test
    void cancellationGivesRedeemedPointsBackWithTheirOriginalExpiry() {
        HandlerHarness h = new HandlerHarness();
        h.settings("10.00", 1, AssignmentPolicy.afterDelivery(3), null);
        var expiry = local(2022, 12, 31, 23, 59).plusSeconds(59);
        WalletRef wallet = WalletRef.points(h.shop, h.alice);
        h.ledger.apply(LedgerCommand.manualAdd(wallet, "seed", 500, Optional.of(expiry), "seed", Actor.SYSTEM, h.now));
        h.ledger.apply(LedgerCommand.redeem(wallet, OrderId.of("o1"), 200, true, h.now)); // storefront hold
        h.placed("o1", "100.00");
        assertThat(h.points()).isEqualTo(300);
        h.cancelled("o1");
        h.cancelled("o1");
        assertThat(h.points()).isEqualTo(500);
        assertThat(h.ledger.wallet(wallet).lots().amountAt(Optional.of(expiry))).isEqualTo(500);
    }

    @Test
    void memberUpsertedStoresTheProfileAndTheTierIsBoundAtPlacement() {
        HandlerHarness h = new HandlerHarness();
        h.settings("10.00", 1, AssignmentPolicy.afterDelivery(0), null);
        JsonObject out = h.send("MemberUpserted", "{\"merchantId\":\"shop-1\",\"memberId\":\"m-42\","
                + "\"email\":\"mei@example.com\",\"locale\":\"zh-TW\",\"tier\":\"gold\","
                + "\"updatedAt\":\"2021-11-01T00:00:00Z\"}");
        assertThat(str(out, "transition")).isEqualTo("STORED");
        h.placed("o1", "100.00");
        assertThat(h.orders.find(h.shop, OrderId.of("o1")).orElseThrow().rule().memberTier())
                .hasValueSatisfying(t -> assertThat(t.value()).isEqualTo("gold"));
    }
}
