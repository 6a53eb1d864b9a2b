package com.memberpoints.domain.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.memberpoints.domain.ledger.EntryKind;
import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.InvalidInputException;
import com.memberpoints.domain.model.Money;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.domain.settings.AssignmentPolicy;
import com.memberpoints.domain.settings.CreditType;
import com.memberpoints.domain.testing.Fixtures;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Issue 12.3: order returns and refunds. Rate 10.00 = 1 point throughout (Fixtures), 3 days after delivery unless
 * said otherwise.
 */
class OrderReturnsTest {

    static LifecycleHarness harness(AssignmentPolicy policy) {
        return new LifecycleHarness(Fixtures.settings().assignment(policy)
                .credits(true, Fixtures.creditRule("100.00", CreditType.fixed("10.00", true))));
    }

    @Nested
    class BeforeAssignment {
        @Test
        void aPartialReturnLowersThePendingPointsAndTheScheduleAssignsTheRest() {
            LifecycleHarness h = harness(AssignmentPolicy.afterDelivery(3));
            h.place("o1", "1000.00");
            h.at(2021, 12, 1, 10, 0);
            h.delivered("o1", DeliveryStatus.COLLECTED);
            assertThat(h.order("o1").pendingPoints().orElseThrow().points()).isEqualTo(100);

            assertThat(h.returned("o1", "r1", "250.00").transition()).isEqualTo("returned");
            assertThat(h.order("o1").pendingPoints().orElseThrow().points()).isEqualTo(75);
            assertThat(h.scheduler.pending()).containsKey(OrderId.of("o1")); // still owed: the schedule stays

            h.at(2021, 12, 4, 0, 0);
            h.fire("o1");
            assertThat(h.points()).isEqualTo(75);
            assertThat(h.kinds("o1")).containsExactly(EntryKind.EARN);
        }

        @Test
        void aReturnBeforeDeliveryCountsWhenThePointsAreAssignedLater() {
            LifecycleHarness h = harness(AssignmentPolicy.afterDelivery(0));
            h.place("o1", "500.00");
            h.returned("o1", "r1", "120.00");
            h.delivered("o1", DeliveryStatus.ARRIVED);
            assertThat(h.points()).isEqualTo(38); // floor(380.00 / 10.00)
        }

        @Test
        void aFullReturnBeforeAssignmentRemovesTheScheduleAndThePendingEntry() {
            LifecycleHarness h = harness(AssignmentPolicy.afterDelivery(3));
            h.place("o1", "1000.00");
            h.at(2021, 12, 1, 10, 0);
            h.delivered("o1", DeliveryStatus.COLLECTED);
            assertThat(h.scheduler.pending()).containsKey(OrderId.of("o1"));

            assertThat(h.returnedInFull("o1", "r-all").transition()).isEqualTo("returned-in-full");
            assertThat(h.scheduler.pending()).doesNotContainKey(OrderId.of("o1"));
            assertThat(h.order("o1").pendingPoints()).isEmpty();
            assertThat(h.order("o1").assignmentDueAt()).isEmpty();

            h.at(2021, 12, 4, 0, 0);
            h.fire("o1"); // a schedule already in flight
            assertThat(h.points()).isZero();
            assertThat(h.entries("o1")).isEmpty();
        }

        @Test
        void returningMoreThanTheEarnBaseLeavesNothingToEarnButNeverANegativeBase() {
            LifecycleHarness h = harness(AssignmentPolicy.afterDelivery(0));
            h.place("o1", "100.00");
            h.returned("o1", "r1", "80.00");
            h.returned("o1", "r2", "80.00");
            assertThat(h.order("o1").netEarnBase()).isEqualTo(Money.zero(Fixtures.TWD));
            h.delivered("o1", DeliveryStatus.ARRIVED);
            assertThat(h.points()).isZero();
        }
    }

    @Nested
    class AfterAssignment {
        @Test
        void aPartialReturnDeductsTheDifferenceUnderTheRuleBoundAtPlacement() {
            LifecycleHarness h = harness(AssignmentPolicy.afterDelivery(0));
            h.place("o1", "1000.00");
            // the store rate changes after placement: the return still follows the bound 10.00 = 1 point
            h.saveSettings(Fixtures.settings().earnRate("10.00", 5).assignment(AssignmentPolicy.afterDelivery(0))
                    .build());
            h.delivered("o1", DeliveryStatus.ARRIVED);
            assertThat(h.points()).isEqualTo(100);

            assertThat(h.returned("o1", "r1", "305.00").transition()).isEqualTo("returned-after-assignment");
            assertThat(h.points()).isEqualTo(69); // floor(695.00 / 10.00)
            assertThat(h.kinds("o1")).containsExactly(EntryKind.EARN, EntryKind.EARN_ADJUST_DEDUCT);
            assertThat(h.order("o1").earned().pointsAssigned()).isEqualTo(69);
        }

        @Test
        void whatTheMemberAlreadySpentIsNotTakenBackButRecordedAndNeverRetried() {
            LifecycleHarness h = harness(AssignmentPolicy.afterDelivery(0));
            h.place("o1", "1000.00");
            h.delivered("o1", DeliveryStatus.ARRIVED);
            h.ledger.apply(LedgerCommand.manualDeduct(WalletRef.points(h.shop, h.alice), "spent", 90, "spent",
                    Actor.SYSTEM, h.now));
            assertThat(h.points()).isEqualTo(10);

            h.returned("o1", "r1", "600.00"); // owes back 60; only 10 left
            assertThat(h.points()).isZero();
            assertThat(h.order("o1").earned().pointsAssigned()).isEqualTo(40);
            assertThat(h.order("o1").earned().pointsNotRecovered()).isEqualTo(50);

            // the member earns elsewhere; a later event on the order must not come back for the 50
            h.grant(200, Optional.empty(), "later");
            h.completed("o1");
            h.returned("o1", "r1", "600.00"); // a duplicate
            assertThat(h.points()).isEqualTo(200);
            assertThat(h.order("o1").earned().pointsNotRecovered()).isEqualTo(50);
        }

        @Test
        void aFullReturnAfterAssignmentTakesThePointsBackAndReturnsRedeemedPointsWithTheirExpiry() {
            LifecycleHarness h = harness(AssignmentPolicy.afterDelivery(0));
            java.time.Instant lotExpiry = LifecycleHarness.local(2023, 6, 30, 23, 59);
            h.grant(300, Optional.of(lotExpiry), "seed");
            h.ledger.apply(LedgerCommand.redeem(WalletRef.points(h.shop, h.alice), OrderId.of("o1"), 200, true, h.now));
            h.place("o1", "1000.00");
            h.delivered("o1", DeliveryStatus.ARRIVED);
            assertThat(h.points()).isEqualTo(100 + 100);

            assertThat(h.returnedInFull("o1", "r-all").transition()).isEqualTo("returned-in-full-after-assignment");
            assertThat(h.points()).isEqualTo(300); // earned 100 taken back, the 200 redeemed given back
            assertThat(h.kinds("o1")).contains(EntryKind.EARN_ADJUST_DEDUCT);
            // the deduction took the order's own lot (expiring first); the 200 went back to the seed lot's expiry
            assertThat(h.ledger.wallet(WalletRef.points(h.shop, h.alice)).lots().amountAt(Optional.of(lotExpiry)))
                    .isEqualTo(300);
        }

        @Test
        void rewardCreditsAreNeverRetracted() {
            LifecycleHarness h = harness(AssignmentPolicy.afterDelivery(0));
            h.place("o1", "1000.00");
            h.paid("o1");
            assertThat(h.credits()).isEqualTo(10000); // 100.00 credits in minor units (10.00 per 100.00, cumulative)
            h.delivered("o1", DeliveryStatus.ARRIVED);
            h.returned("o1", "r1", "500.00");
            h.returnedInFull("o1", "r2");
            assertThat(h.credits()).isEqualTo(10000);
            assertThat(h.points()).isZero();
        }

        @Test
        void anEditAfterAReturnKeepsTheReturnedAmountOff() {
            LifecycleHarness h = harness(AssignmentPolicy.afterDelivery(0));
            h.place("o1", "1000.00");
            h.delivered("o1", DeliveryStatus.ARRIVED);
            h.returned("o1", "r1", "200.00");
            h.edited("o1", 1, "900.00");
            assertThat(h.points()).isEqualTo(70);
        }
    }

    @Nested
    class ExactlyOnce {
        @Test
        void theSameReturnDeliveredThreeTimesDeductsOnce() {
            LifecycleHarness h = harness(AssignmentPolicy.afterDelivery(0));
            h.place("o1", "1000.00");
            h.delivered("o1", DeliveryStatus.ARRIVED);
            h.returned("o1", "r1", "300.00");
            assertThat(h.returned("o1", "r1", "300.00").transition()).isEqualTo("duplicate");
            h.returned("o1", "r1", "300.00");
            assertThat(h.points()).isEqualTo(70);
            assertThat(h.kinds("o1")).containsExactly(EntryKind.EARN, EntryKind.EARN_ADJUST_DEDUCT);
        }

        @Test
        void aReturnForAnOrderNotPlacedYetIsRetryable() {
            LifecycleHarness h = harness(AssignmentPolicy.afterDelivery(0));
            assertThatThrownBy(() -> h.returned("nope", "r1", "10.00")).isInstanceOf(OrderNotKnownException.class);
        }

        @Test
        void aReturnAfterCancellationChangesNothing() {
            LifecycleHarness h = harness(AssignmentPolicy.afterDelivery(0));
            h.place("o1", "1000.00");
            h.cancelled("o1");
            assertThat(h.returned("o1", "r1", "300.00").transition()).isEqualTo("ignored-cancelled");
            assertThat(h.order("o1").returns().isEmpty()).isTrue();
        }

        @Test
        void aReturnInAnotherCurrencyIsRefusedNamingTheField() {
            LifecycleHarness h = harness(AssignmentPolicy.afterDelivery(0));
            h.place("o1", "1000.00");
            assertThatThrownBy(() -> h.lifecycle.handle(new OrderEvent.OrderReturned(h.shop, OrderId.of("o1"), "r1",
                    Money.of("1.00", "USD"), List.of(), false, h.now)))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.errors().get(0).field()).isEqualTo("amount.currency"));
            assertThat(h.order("o1").returns().isEmpty()).isTrue();
        }
    }
}
