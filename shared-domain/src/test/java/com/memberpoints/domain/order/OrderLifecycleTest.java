package com.memberpoints.domain.order;

import static com.memberpoints.domain.order.LifecycleHarness.local;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.memberpoints.domain.ledger.EntryKind;
import com.memberpoints.domain.ledger.JournalEntry;
import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.model.InvalidInputException;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.domain.model.CheckoutIdentity;
import com.memberpoints.domain.model.OrderKind;
import com.memberpoints.domain.settings.AssignmentPolicy;
import com.memberpoints.domain.settings.CreditType;
import com.memberpoints.domain.settings.EarnRate;
import com.memberpoints.domain.settings.TierRule;
import com.memberpoints.domain.testing.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** SPEC §4 (order lifecycle) and §2 (order reward credits), one rule per test, over the in-memory stores. */
class OrderLifecycleTest {

    static LifecycleHarness harness(AssignmentPolicy policy) {
        return new LifecycleHarness(Fixtures.settings().assignment(policy));
    }

    @Nested
    class Placement {
        @Test
        void bindsTheSettingsVersionAndTheMembersTierInForceAtPlacement() {
            LifecycleHarness h = harness(AssignmentPolicy.afterDelivery(0));
            h.member(h.alice, Optional.of(Fixtures.GOLD));
            h.saveSettings(Fixtures.settings().tier(new TierRule(Fixtures.GOLD, Optional.of(EarnRate.of("10.00", 3)),
                    Optional.empty())).assignment(AssignmentPolicy.afterDelivery(0)).build());
            h.place("o1", "100.00");
            h.saveSettings(Fixtures.settings().earnRate("10.00", 1).assignment(AssignmentPolicy.afterDelivery(0)).build());

            assertThat(h.order("o1").rule().settingsVersion()).isEqualTo(2);
            assertThat(h.order("o1").rule().memberTier()).contains(Fixtures.GOLD);
            h.delivered("o1", DeliveryStatus.ARRIVED);
            assertThat(h.points()).isEqualTo(30); // the gold rate bound at placement, not the later store rate
        }

        @Test
        void aPlacementEventDelayedAcrossASettingsChangeBindsTheVersionInForceWhenTheOrderWasPlaced() {
            LifecycleHarness h = new LifecycleHarness(Fixtures.settings().earnRate("10.00", 10)
                    .assignment(AssignmentPolicy.afterDelivery(0)));
            Instant placedAt = h.now;
            h.at(2021, 11, 29, 12, 0);
            h.saveSettings(Fixtures.settings().earnRate("10.00", 1).assignment(AssignmentPolicy.afterDelivery(0)).build());
            h.at(2021, 11, 29, 13, 0); // the OrderPlaced of 10:00 arrives at 13:00
            h.lifecycle.handle(new OrderEvent.OrderPlaced(h.shop, OrderId.of("o1"), Optional.of(h.alice),
                    CheckoutIdentity.MEMBER_LOGGED_IN, com.memberpoints.domain.model.SalesChannel.ONLINE,
                    OrderKind.NORMAL, OrderAmounts.ofSubtotal(LifecycleHarness.twd("100.00")), placedAt));
            assertThat(h.order("o1").rule().settingsVersion()).isEqualTo(1);
            h.delivered("o1", DeliveryStatus.ARRIVED);
            assertThat(h.points()).isEqualTo(100);
        }

        @Test
        void placementConfirmsTheRedemptionHold() {
            LifecycleHarness h = harness(AssignmentPolicy.afterDelivery(3));
            h.grant(500, Optional.empty(), "seed-1");
            h.ledger.apply(LedgerCommand.redeem(WalletRef.points(h.shop, h.alice), OrderId.of("o1"), 200, true, h.now));
            assertThat(h.ledger.staleHolds(h.shop, h.now.plusSeconds(60), com.memberpoints.domain.model.PageRequest.first(10))
                    .items()).hasSize(1);
            h.place("o1", "100.00");
            assertThat(h.ledger.staleHolds(h.shop, h.now.plusSeconds(60), com.memberpoints.domain.model.PageRequest.first(10))
                    .items()).isEmpty();
        }

        @Test
        void anEventForAnOrderNotPlacedYetIsRetryable() {
            LifecycleHarness h = harness(AssignmentPolicy.afterDelivery(3));
            assertThatThrownBy(() -> h.paid("nope")).isInstanceOf(OrderNotKnownException.class);
            assertThat(h.orders.find(h.shop, OrderId.of("nope"))).isEmpty();
        }

        @Test
        void amountsInAnotherCurrencyAreRefusedNamingTheField() {
            LifecycleHarness h = harness(AssignmentPolicy.afterDelivery(3));
            assertThatThrownBy(() -> h.place("o1", OrderAmounts.ofSubtotal(com.memberpoints.domain.model.Money.of("1.00", "USD")),
                    CheckoutIdentity.MEMBER_LOGGED_IN, OrderKind.NORMAL))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.errors().get(0).field()).isEqualTo("amounts.currency"));
            assertThat(h.orders.find(h.shop, OrderId.of("o1"))).isEmpty();
        }
    }

    @Nested
    class AfterDelivery {
        @Test
        void collectedWithThreeDaysIsScheduledForTheDueDateAndAssignedThenWithThePlacementExpiry() {
            // SPEC §4 / §8 example 3: expiry 31 Dec, X = 3, placed 29 Nov 2021, Collected 1 Dec → 4 Dec.
            LifecycleHarness h = harness(AssignmentPolicy.afterDelivery(3));
            h.place("o1", "100.00");
            h.at(2021, 12, 1, 15, 0);
            assertThat(h.delivered("o1", DeliveryStatus.COLLECTED).transition()).isEqualTo("scheduled");
            assertThat(h.scheduler.pending()).containsEntry(OrderId.of("o1"), local(2021, 12, 4, 0, 0));
            assertThat(h.points()).isZero();

            h.at(2021, 12, 4, 0, 0);
            h.fire("o1");
            assertThat(h.points()).isEqualTo(10);
            JournalEntry earn = h.entries("o1").get(0);
            assertThat(earn.kind()).isEqualTo(EntryKind.EARN);
            assertThat(earn.lots().get(0).expiresAt()).contains(local(2022, 12, 31, 23, 59).plusSeconds(59));
        }

        @Test
        void withTheDefaultWindowTheScheduleFiresAtTheOrdersOffsetOnTheDueDateAndAssignsThen() {
            LifecycleHarness h = new LifecycleHarness(
                    Fixtures.settings().assignment(AssignmentPolicy.afterDelivery(3)), AssignmentWindow.DEFAULT);
            h.place("o1", "100.00");
            h.at(2021, 12, 1, 15, 0);
            assertThat(h.delivered("o1", DeliveryStatus.COLLECTED).transition()).isEqualTo("scheduled");
            Instant firesAt = AssignmentWindow.DEFAULT.firesAt(java.time.LocalDate.of(2021, 12, 4),
                    h.merchant.zone(), h.shop, OrderId.of("o1"));
            assertThat(firesAt).isAfter(local(2021, 12, 4, 0, 0)).isBefore(local(2021, 12, 4, 6, 0));
            assertThat(h.scheduler.pending()).containsEntry(OrderId.of("o1"), firesAt);
            assertThat(h.order("o1").earned().scheduledFor()).contains(firesAt);

            h.now = firesAt;
            h.fire("o1");
            assertThat(h.points()).isEqualTo(10);
            assertThat(h.entries("o1").get(0).lots().get(0).expiresAt())
                    .contains(local(2022, 12, 31, 23, 59).plusSeconds(59));
        }

        @Test
        void zeroDaysAssignsAtOnce() {
            LifecycleHarness h = harness(AssignmentPolicy.afterDelivery(0));
            h.place("o1", "100.00");
            assertThat(h.delivered("o1", DeliveryStatus.ARRIVED).transition()).isEqualTo("assigned");
            assertThat(h.points()).isEqualTo(10);
            assertThat(h.scheduler.calls()).isEmpty();
        }

        @Test
        void shippedIsNotAFinalStatusAndSchedulesNothing() {
            LifecycleHarness h = harness(AssignmentPolicy.afterDelivery(0));
            h.place("o1", "100.00");
            h.delivered("o1", DeliveryStatus.SHIPPED);
            assertThat(h.points()).isZero();
            assertThat(h.order("o1").delivery().status()).isEqualTo(DeliveryStatus.SHIPPED);
        }

        @Test
        void aDeliveryEventArrivingAfterItsDueDateAssignsAtOnceDatedOnTheDueDate() {
            LifecycleHarness h = harness(AssignmentPolicy.afterDelivery(3));
            h.place("o1", "100.00");
            h.at(2021, 12, 10, 9, 0); // the Collected-on-1-Dec event arrives nine days late
            h.lifecycle.handle(new OrderEvent.OrderDeliveryStatusChanged(h.shop, OrderId.of("o1"),
                    DeliveryStatus.COLLECTED, local(2021, 12, 1, 15, 0)));
            assertThat(h.points()).isEqualTo(10);
            assertThat(h.order("o1").earned().pointsAssignedAt()).contains(local(2021, 12, 4, 0, 0));
            assertThat(h.scheduler.pending()).isEmpty();
        }

        @Test
        void completionInDeliveryModeAssignsNothing() {
            LifecycleHarness h = harness(AssignmentPolicy.afterDelivery(3));
            h.place("o1", "100.00");
            h.completed("o1");
            assertThat(h.points()).isZero();
            assertThat(h.order("o1").status()).isEqualTo(OrderStatus.COMPLETED);
        }
    }

    @Nested
    class Completion {
        @Test
        void completionModeAssignsAtOnce() {
            LifecycleHarness h = harness(AssignmentPolicy.ON_COMPLETION);
            h.place("o1", "100.00");
            assertThat(h.delivered("o1", DeliveryStatus.ARRIVED).transition()).isEqualTo("delivered");
            assertThat(h.points()).isZero();
            h.completed("o1");
            assertThat(h.points()).isEqualTo(10);
        }

        @Test
        void switchedOnAfterDeliveryCompletionAssignsAtOnceAndTheScheduleDoesNotAssignAgain() {
            // SPEC §8 example 4.
            LifecycleHarness h = harness(AssignmentPolicy.afterDelivery(10));
            h.place("o1", "100.00");
            h.at(2021, 9, 10, 12, 0);
            h.delivered("o1", DeliveryStatus.ARRIVED);
            assertThat(h.scheduler.pending()).containsEntry(OrderId.of("o1"), local(2021, 9, 20, 0, 0));
            h.at(2021, 9, 12, 12, 0);
            h.saveSettings(Fixtures.settings().assignment(AssignmentPolicy.ON_COMPLETION).build());
            h.at(2021, 9, 15, 12, 0);
            h.completed("o1");
            assertThat(h.points()).isEqualTo(10);
            assertThat(h.order("o1").earned().pointsAssignedAt()).contains(local(2021, 9, 15, 12, 0));
            assertThat(h.scheduler.pending()).isEmpty();

            h.at(2021, 9, 20, 0, 0); // a schedule that could not be deleted fires anyway
            assertThat(h.fire("o1").transition()).isEqualTo("points already assigned");
            assertThat(h.kinds("o1")).containsExactly(EntryKind.EARN);
        }
    }

    @Nested
    class Cancellation {
        @Test
        void cancelledBeforeDeliveryNeverAssignsAndRemovesNothingThatDoesNotExist() {
            LifecycleHarness h = harness(AssignmentPolicy.afterDelivery(3));
            h.place("o1", "100.00");
            h.cancelled("o1");
            h.delivered("o1", DeliveryStatus.ARRIVED); // late delivery after cancellation
            assertThat(h.scheduler.pending()).isEmpty();
            h.at(2021, 12, 20, 0, 0);
            h.fire("o1");
            assertThat(h.points()).isZero();
        }

        @Test
        void cancellingRemovesThePendingSchedule() {
            LifecycleHarness h = harness(AssignmentPolicy.afterDelivery(3));
            h.place("o1", "100.00");
            h.delivered("o1", DeliveryStatus.ARRIVED);
            assertThat(h.scheduler.pending()).containsKey(OrderId.of("o1"));
            h.cancelled("o1");
            assertThat(h.scheduler.pending()).isEmpty();
            h.at(2021, 12, 20, 0, 0);
            assertThat(h.fire("o1").transition()).isEqualTo("order cancelled");
            assertThat(h.points()).isZero();
        }

        @Test
        void redeemedPointsComeBackWithTheirOriginalExpiry() {
            LifecycleHarness h = harness(AssignmentPolicy.afterDelivery(3));
            Instant expiry = local(2022, 12, 31, 23, 59).plusSeconds(59);
            h.grant(300, Optional.of(expiry), "seed-1");
            h.ledger.apply(LedgerCommand.redeem(WalletRef.points(h.shop, h.alice), OrderId.of("o1"), 200, true, h.now));
            h.place("o1", "100.00");
            assertThat(h.points()).isEqualTo(100);
            h.cancelled("o1");
            assertThat(h.points()).isEqualTo(300);
            assertThat(h.ledger.wallet(WalletRef.points(h.shop, h.alice)).lots().amountAt(Optional.of(expiry)))
                    .isEqualTo(300);
        }

        @Test
        void cancellingAfterAssignmentTakesThePointsBack() {
            LifecycleHarness h = harness(AssignmentPolicy.afterDelivery(0));
            h.place("o1", "100.00");
            h.delivered("o1", DeliveryStatus.ARRIVED);
            h.cancelled("o1");
            assertThat(h.points()).isZero();
            assertThat(h.kinds("o1")).containsExactly(EntryKind.EARN, EntryKind.EARN_ADJUST_DEDUCT);
        }
    }

    @Nested
    class Edits {
        @Test
        void pointsFollowTheLatestAmountUnderThePlacementRule() {
            // SPEC §4 / §8 example 10: 10 per 10.00 on 1 March, order 100.00 on 2 March, rule 1 per 10.00 on
            // 3 March and order edited to 80.00, delivered 4 March → 80 points.
            LifecycleHarness h = new LifecycleHarness(Fixtures.settings().earnRate("10.00", 10)
                    .assignment(AssignmentPolicy.afterDelivery(0)));
            h.at(2022, 3, 2, 10, 0);
            h.place("o1", "100.00");
            h.at(2022, 3, 3, 10, 0);
            h.saveSettings(Fixtures.settings().earnRate("10.00", 1).assignment(AssignmentPolicy.afterDelivery(0)).build());
            h.edited("o1", 1, "80.00");
            h.at(2022, 3, 4, 10, 0);
            h.delivered("o1", DeliveryStatus.ARRIVED);
            assertThat(h.points()).isEqualTo(80);
            assertThat(h.kinds("o1")).containsExactly(EntryKind.EARN);
        }

        @Test
        void anEditAfterAssignmentAdjustsByTheDifference() {
            LifecycleHarness h = harness(AssignmentPolicy.afterDelivery(0));
            h.place("o1", "100.00");
            h.delivered("o1", DeliveryStatus.ARRIVED);
            assertThat(h.points()).isEqualTo(10);
            h.edited("o1", 1, "80.00");
            assertThat(h.points()).isEqualTo(8);
            h.edited("o1", 2, "150.00");
            assertThat(h.points()).isEqualTo(15);
            assertThat(h.kinds("o1")).containsExactly(EntryKind.EARN, EntryKind.EARN_ADJUST_DEDUCT,
                    EntryKind.EARN_ADJUST_ADD);
            h.edited("o1", 2, "150.00"); // duplicate
            assertThat(h.entries("o1")).hasSize(3);
        }

        @Test
        void anOlderRevisionArrivingLateIsIgnored_beforeAssignment() {
            LifecycleHarness h = harness(AssignmentPolicy.afterDelivery(0));
            h.place("o1", "100.00");
            assertThat(h.edited("o1", 2, "150.00").transition()).isEqualTo("edited");
            assertThat(h.edited("o1", 1, "80.00").transition()).isEqualTo("stale-edit");
            assertThat(h.order("o1").amounts().itemSubtotal()).isEqualTo(LifecycleHarness.twd("150.00"));
            assertThat(h.order("o1").lastEditRevision()).isEqualTo(2);
            h.delivered("o1", DeliveryStatus.ARRIVED);
            assertThat(h.points()).as("assigned on the amount of revision 2").isEqualTo(15);
        }

        @Test
        void anOlderRevisionArrivingLateIsIgnored_afterAssignmentTheAdjustmentFollowsTheNewest() {
            LifecycleHarness h = harness(AssignmentPolicy.afterDelivery(0));
            h.place("o1", "100.00");
            h.delivered("o1", DeliveryStatus.ARRIVED);
            assertThat(h.points()).isEqualTo(10);
            h.edited("o1", 2, "150.00");
            assertThat(h.points()).isEqualTo(15);
            assertThat(h.edited("o1", 1, "80.00").transition()).isEqualTo("stale-edit");
            assertThat(h.points()).isEqualTo(15);
            assertThat(h.order("o1").earned().pointsAssigned()).isEqualTo(15);
            assertThat(h.kinds("o1")).containsExactly(EntryKind.EARN, EntryKind.EARN_ADJUST_ADD);
        }

        @Test
        void aNewerRevisionWithTheSameAmountsStillRaisesTheRevision() {
            LifecycleHarness h = harness(AssignmentPolicy.afterDelivery(0));
            h.place("o1", "100.00");
            assertThat(h.edited("o1", 3, "100.00").transition()).isEqualTo("edited-same-amounts");
            assertThat(h.edited("o1", 2, "80.00").transition()).isEqualTo("stale-edit");
            assertThat(h.order("o1").amounts().itemSubtotal()).isEqualTo(LifecycleHarness.twd("100.00"));
        }

        @Test
        void editsWithoutARevisionApplyInArrivalOrderAndKeepTheLastRevision() {
            LifecycleHarness h = harness(AssignmentPolicy.afterDelivery(0));
            h.place("o1", "100.00");
            h.edited("o1", 2, "150.00");
            assertThat(h.editedWithoutRevision("o1", "80.00").transition()).isEqualTo("edited");
            assertThat(h.order("o1").amounts().itemSubtotal()).isEqualTo(LifecycleHarness.twd("80.00"));
            assertThat(h.order("o1").lastEditRevision()).isEqualTo(2);
            assertThat(h.edited("o1", 1, "90.00").transition()).as("still older than revision 2").isEqualTo("stale-edit");
            assertThat(h.edited("o1", 3, "90.00").transition()).isEqualTo("edited");
            h.delivered("o1", DeliveryStatus.ARRIVED);
            assertThat(h.points()).isEqualTo(9);
        }
    }

    @Nested
    class PendingForMember {
        List<String> pending(LifecycleHarness h) {
            return h.orders.pendingForMember(h.shop, h.alice, 10).stream().map(o -> o.id().value()).toList();
        }

        @Test
        void anOrderIsPendingFromPlacementUntilAssigned_datedOnceScheduled() {
            LifecycleHarness h = harness(AssignmentPolicy.afterDelivery(3));
            h.place("o1", "100.00");
            assertThat(pending(h)).containsExactly("o1");
            assertThat(h.order("o1").pendingPoints().orElseThrow().waiting())
                    .isEqualTo(Order.PendingPoints.Waiting.DELIVERY);
            h.at(2021, 12, 1, 10, 0);
            h.delivered("o1", DeliveryStatus.COLLECTED);
            Order.PendingPoints p = h.order("o1").pendingPoints().orElseThrow();
            assertThat(p.waiting()).isEqualTo(Order.PendingPoints.Waiting.SCHEDULED);
            assertThat(p.points()).isEqualTo(10);
            assertThat(p.dueAt()).contains(LifecycleHarness.local(2021, 12, 4, 0, 0));
            h.at(2021, 12, 4, 0, 1);
            h.fire("o1");
            assertThat(h.points()).isEqualTo(10);
            assertThat(pending(h)).isEmpty();
        }

        @Test
        void aCancelledOrderIsNotPending_andGuestOrdersNeverAre() {
            LifecycleHarness h = harness(AssignmentPolicy.afterDelivery(3));
            h.place("o1", "100.00");
            h.place("o2", "50.00");
            h.place("g1", OrderAmounts.ofSubtotal(LifecycleHarness.twd("100.00")), CheckoutIdentity.GUEST,
                    OrderKind.NORMAL);
            h.cancelled("o1");
            assertThat(pending(h)).containsExactly("o2");
            assertThat(h.order("g1").pendingPoints()).isEmpty();
        }

        @Test
        void completionModeWaitsForCompletionAfterDelivery() {
            LifecycleHarness h = harness(AssignmentPolicy.ON_COMPLETION);
            h.place("o1", "100.00");
            h.delivered("o1", DeliveryStatus.ARRIVED);
            assertThat(h.order("o1").pendingPoints().orElseThrow().waiting())
                    .isEqualTo(Order.PendingPoints.Waiting.COMPLETION);
            h.completed("o1");
            assertThat(pending(h)).isEmpty();
        }
    }

    @Nested
    class RewardCredits {
        LifecycleHarness credits(AssignmentPolicy policy, String minimum, CreditType type) {
            return new LifecycleHarness(Fixtures.settings().assignment(policy)
                    .credits(true, Fixtures.creditRule(minimum, type)));
        }

        @Test
        void paidModeAwardsOnPayment() {
            LifecycleHarness h = credits(AssignmentPolicy.afterDelivery(3), "100.00", CreditType.fixed("10.00", true));
            h.place("o1", "200.00");
            h.paid("o1");
            assertThat(h.credits()).isEqualTo(2000); // 20.00 in minor units
        }

        @Test
        void completionModeAwardsOnCompletionNotOnPayment() {
            LifecycleHarness h = credits(AssignmentPolicy.ON_COMPLETION, "100.00", CreditType.fixed("10.00", true));
            h.place("o1", "200.00");
            h.paid("o1");
            assertThat(h.credits()).isZero();
            h.completed("o1");
            assertThat(h.credits()).isEqualTo(2000);
        }

        @Test
        void theRuleAtPlacementApplies() {
            // SPEC §8 example 12: "500 → 100" changed to "1000 → 200" after placement, 1500.00 paid later → 100.00.
            LifecycleHarness h = credits(AssignmentPolicy.afterDelivery(3), "500.00", CreditType.fixed("100.00", false));
            h.place("o1", "1500.00");
            h.saveSettings(Fixtures.settings().credits(true, Fixtures.creditRule("1000.00",
                    CreditType.fixed("200.00", false))).build());
            h.paid("o1");
            assertThat(h.credits()).isEqualTo(10000);
        }

        @Test
        void storeClosedAtPaymentAwardsNone() {
            LifecycleHarness h = credits(AssignmentPolicy.afterDelivery(3), "100.00", CreditType.fixed("10.00", true));
            h.place("o1", "200.00");
            h.paid("o1", false);
            assertThat(h.credits()).isZero();
            assertThat(h.order("o1").earned().hasAwardedCredits()).isTrue();
        }

        @Test
        void storeClosedFlagOfTheMerchantIsUsedWhenTheEventDoesNotSay() {
            LifecycleHarness h = credits(AssignmentPolicy.afterDelivery(3), "100.00", CreditType.fixed("10.00", true));
            h.merchants.save(h.merchant.withOpen(false));
            h.place("o1", "200.00");
            h.paid("o1");
            assertThat(h.credits()).isZero();
        }

        @Test
        void adminManualOrderEarnsPointsButNoRewardCredits() {
            // SPEC §2 amended (issue 11.3): 200.00 at 10.00 = 1 point → 20 points, no REWARD_CREDIT.
            LifecycleHarness h = credits(AssignmentPolicy.afterDelivery(0), "100.00", CreditType.fixed("10.00", true));
            h.place("admin", OrderAmounts.ofSubtotal(LifecycleHarness.twd("200.00")), CheckoutIdentity.MEMBER_LOGGED_IN,
                    OrderKind.ADMIN_MANUAL);
            h.paid("admin");
            h.delivered("admin", DeliveryStatus.ARRIVED);
            assertThat(h.kinds("admin")).containsExactly(EntryKind.EARN);
            assertThat(h.order("admin").earned().pointsAssigned()).isEqualTo(20);
            assertThat(h.order("admin").earned().creditsAwarded().isZero()).isTrue();
            assertThat(h.points()).isEqualTo(20);
            assertThat(h.credits()).isZero();
        }

        @Test
        void socialManualOrderEarnsPointsAndRewardCredits() {
            LifecycleHarness h = credits(AssignmentPolicy.afterDelivery(0), "100.00", CreditType.fixed("10.00", true));
            h.place("social", OrderAmounts.ofSubtotal(LifecycleHarness.twd("200.00")), CheckoutIdentity.MEMBER_LOGGED_IN,
                    OrderKind.SOCIAL_MANUAL);
            h.paid("social");
            h.delivered("social", DeliveryStatus.ARRIVED);
            assertThat(h.kinds("social")).containsExactlyInAnyOrder(EntryKind.REWARD_CREDIT, EntryKind.EARN);
            assertThat(h.points()).isEqualTo(20);
            assertThat(h.credits()).isEqualTo(2000);
        }

        @Test
        void guestsAndGuestsBecomingMembersEarnNoPointsAndNoCredits() {
            // SPEC §8 example 13.
            LifecycleHarness h = credits(AssignmentPolicy.afterDelivery(0), "100.00", CreditType.fixed("10.00", true));
            h.place("g1", OrderAmounts.ofSubtotal(LifecycleHarness.twd("200.00")),
                    CheckoutIdentity.GUEST_BECOMING_MEMBER, OrderKind.NORMAL);
            h.paid("g1");
            h.delivered("g1", DeliveryStatus.ARRIVED);
            assertThat(h.order("g1").earned().pointsAssigned()).isZero();
            assertThat(h.order("g1").earned().creditsAwarded().isZero()).isTrue();
            assertThat(h.points()).isZero();
            assertThat(h.credits()).isZero();
        }

        @Test
        void splitChildrenEarnNoCreditsButEarnPoints() {
            LifecycleHarness h = credits(AssignmentPolicy.afterDelivery(0), "100.00", CreditType.fixed("10.00", true));
            h.place("p1", "300.00");
            h.lifecycle.handle(new OrderEvent.OrderSplit(h.shop, OrderId.of("p1"),
                    OrderAmounts.ofSubtotal(LifecycleHarness.twd("100.00")),
                    List.of(new OrderEvent.SplitChild(OrderId.of("c1"), OrderAmounts.ofSubtotal(LifecycleHarness.twd("200.00")))),
                    h.now));
            h.paid("c1");
            h.delivered("c1", DeliveryStatus.ARRIVED);
            assertThat(h.kinds("c1")).containsExactly(EntryKind.EARN);
            assertThat(h.points()).isEqualTo(20);
        }

        @Test
        void cancellingAfterCreditsLeavesThem() {
            LifecycleHarness h = credits(AssignmentPolicy.afterDelivery(3), "100.00", CreditType.fixed("10.00", true));
            h.place("o1", "200.00");
            h.paid("o1");
            h.cancelled("o1");
            assertThat(h.credits()).isEqualTo(2000);
        }
    }

    @Nested
    class Split {
        @Test
        void theParentsRedemptionIsRevertedAndReallocatedToParentAndChildren() {
            LifecycleHarness h = harness(AssignmentPolicy.afterDelivery(3));
            Instant expiry = local(2022, 12, 31, 23, 59).plusSeconds(59);
            h.grant(1000, Optional.of(expiry), "seed-1");
            h.ledger.apply(LedgerCommand.redeem(WalletRef.points(h.shop, h.alice), OrderId.of("p1"), 300, true, h.now));
            h.place("p1", new OrderAmounts(LifecycleHarness.twd("300.00"), LifecycleHarness.twd("0"),
                    LifecycleHarness.twd("0"), 300, LifecycleHarness.twd("30.00"), LifecycleHarness.twd("0"),
                    LifecycleHarness.twd("0")), CheckoutIdentity.MEMBER_LOGGED_IN, OrderKind.NORMAL);
            OrderEvent.OrderSplit split = new OrderEvent.OrderSplit(h.shop, OrderId.of("p1"),
                    withPoints("100.00", 100), List.of(new OrderEvent.SplitChild(OrderId.of("c1"), withPoints("200.00", 200))),
                    h.now);
            h.lifecycle.handle(split);
            h.lifecycle.handle(split);
            assertThat(h.points()).isEqualTo(700);
            assertThat(h.kinds("c1")).containsExactly(EntryKind.REDEEM);
            assertThat(h.order("c1").parentOrder()).contains(OrderId.of("p1"));
            assertThat(h.entries(OrderSplit.remainderId(OrderId.of("p1")).value()).get(0).delta()).isEqualTo(-100);

            h.cancelled("p1");
            assertThat(h.points()).isEqualTo(800);
            h.cancelled("c1");
            assertThat(h.points()).isEqualTo(1000);
        }

        @Test
        void aSplitReallocatingMoreThanWasRedeemedIsRefusedBeforeAnyWrite() {
            LifecycleHarness h = harness(AssignmentPolicy.afterDelivery(3));
            h.grant(1000, Optional.empty(), "seed-1");
            h.ledger.apply(LedgerCommand.redeem(WalletRef.points(h.shop, h.alice), OrderId.of("p1"), 100, false, h.now));
            h.place("p1", "300.00");
            assertThatThrownBy(() -> h.lifecycle.handle(new OrderEvent.OrderSplit(h.shop, OrderId.of("p1"),
                    withPoints("100.00", 100), List.of(new OrderEvent.SplitChild(OrderId.of("c1"), withPoints("200.00", 200))),
                    h.now))).isInstanceOf(InvalidInputException.class);
            assertThat(h.orders.find(h.shop, OrderId.of("c1"))).isEmpty();
            assertThat(h.points()).isEqualTo(900);
        }

        private OrderAmounts withPoints(String subtotal, long points) {
            var zero = LifecycleHarness.twd("0");
            return new OrderAmounts(LifecycleHarness.twd(subtotal), zero, zero, points,
                    com.memberpoints.domain.model.Money.of(String.valueOf(points / 10), Fixtures.TWD), zero, zero);
        }
    }

    @Nested
    class OutOfOrderAndDuplicates {
        @Test
        void everyEventThreeTimesGivesOneLedgerEntryEach() {
            // SPEC §8 example 15.
            LifecycleHarness h = new LifecycleHarness(Fixtures.settings().assignment(AssignmentPolicy.afterDelivery(0))
                    .credits(true, Fixtures.creditRule("100.00", CreditType.fixed("10.00", true))));
            for (int i = 0; i < 3; i++) {
                h.place("o1", "200.00");
            }
            for (int i = 0; i < 3; i++) {
                h.paid("o1");
            }
            for (int i = 0; i < 3; i++) {
                h.delivered("o1", DeliveryStatus.ARRIVED);
            }
            for (int i = 0; i < 3; i++) {
                h.completed("o1");
            }
            assertThat(h.kinds("o1")).containsExactlyInAnyOrder(EntryKind.EARN, EntryKind.REWARD_CREDIT);
            assertThat(h.points()).isEqualTo(20);
        }

        @Test
        void deliveredTwiceSchedulesOnce() {
            LifecycleHarness h = harness(AssignmentPolicy.afterDelivery(3));
            h.place("o1", "100.00");
            assertThat(h.delivered("o1", DeliveryStatus.ARRIVED).transition()).isEqualTo("scheduled");
            h.at(2021, 11, 30, 10, 0);
            assertThat(h.delivered("o1", DeliveryStatus.COLLECTED).transition()).isEqualTo("duplicate");
            assertThat(h.scheduler.pending()).containsEntry(OrderId.of("o1"), local(2021, 12, 2, 0, 0));
        }

        @Test
        void completedAfterAssignmentAssignsNothingMore() {
            LifecycleHarness h = harness(AssignmentPolicy.afterDelivery(0));
            h.place("o1", "100.00");
            h.delivered("o1", DeliveryStatus.ARRIVED);
            h.saveSettings(Fixtures.settings().assignment(AssignmentPolicy.ON_COMPLETION).build());
            h.completed("o1");
            assertThat(h.kinds("o1")).containsExactly(EntryKind.EARN);
        }

        @Test
        void theScheduleFiringTwiceAssignsOnce() {
            LifecycleHarness h = harness(AssignmentPolicy.afterDelivery(3));
            h.place("o1", "100.00");
            h.delivered("o1", DeliveryStatus.ARRIVED);
            h.at(2021, 12, 2, 0, 0);
            h.fire("o1");
            h.fire("o1");
            assertThat(h.kinds("o1")).containsExactly(EntryKind.EARN);
        }

        @Test
        void aCrashBetweenTheRecordAndTheLedgerIsRepairedByTheRedelivery() {
            LifecycleHarness h = harness(AssignmentPolicy.afterDelivery(0));
            h.place("o1", "100.00");
            // The record says "assigned" but the ledger write never happened (crash between the two steps).
            var o = h.order("o1");
            var assigned = new com.memberpoints.domain.order.Order(o.merchant(), o.id(), o.member(), o.identity(),
                    o.channel(), o.kind(), o.parentOrder(), o.placedAt(), o.amounts(), o.rule(), o.status(), o.payment(),
                    com.memberpoints.domain.order.Delivery.arrived(h.now), o.completedAt(),
                    new com.memberpoints.domain.order.EarnRecord(10, Optional.of(h.now), Optional.empty(),
                            o.earned().creditsAwarded(), Optional.empty()), o.version());
            h.orders.save(assigned);
            assertThat(h.points()).isZero();
            h.delivered("o1", DeliveryStatus.ARRIVED); // EventBridge redelivers the event
            assertThat(h.points()).isEqualTo(10);
        }
    }

    @Nested
    class Reconcile {
        @Test
        void anOverdueOrderWhoseScheduleWasLostIsAssignedAfterTheGracePeriodOnly() {
            LifecycleHarness h = harness(AssignmentPolicy.afterDelivery(3));
            h.place("o1", "100.00");
            h.delivered("o1", DeliveryStatus.ARRIVED); // due 2 Dec 00:00
            h.scheduler.pending().clear(); // the schedule is lost
            h.at(2021, 12, 2, 12, 0);
            assertThat(h.lifecycle.reconcileOverdue(h.shop, Duration.ofDays(1), 100).examined()).isZero();
            h.at(2021, 12, 3, 1, 0);
            var report = h.lifecycle.reconcileOverdue(h.shop, Duration.ofDays(1), 100);
            assertThat(report.assigned()).isEqualTo(1);
            assertThat(h.points()).isEqualTo(10);
            assertThat(h.order("o1").earned().pointsAssignedAt()).contains(local(2021, 12, 2, 0, 0));
            assertThat(h.lifecycle.reconcileOverdue(h.shop, Duration.ofDays(1), 100).examined()).isZero();
        }
    }
}
