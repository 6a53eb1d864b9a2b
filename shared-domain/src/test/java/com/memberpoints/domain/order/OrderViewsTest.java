package com.memberpoints.domain.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.domain.earning.NotEarnedReason;
import com.memberpoints.domain.earning.RateSource;
import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.model.CheckoutIdentity;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.domain.model.OrderKind;
import com.memberpoints.domain.settings.AssignmentPolicy;
import com.memberpoints.domain.settings.CreditType;
import com.memberpoints.domain.settings.EarnRate;
import com.memberpoints.domain.settings.GivenWhen;
import com.memberpoints.domain.settings.Timing;
import com.memberpoints.domain.testing.Fixtures;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issue 11.5: the admin order view's points and credits state, through the real lifecycle. */
class OrderViewsTest {

    private static LifecycleHarness harness(AssignmentPolicy mode) {
        return new LifecycleHarness(Fixtures.settings().assignment(mode)
                .credits(true, Fixtures.creditRule("100.00", CreditType.fixed("10.00", false))));
    }

    private static OrderPointsView view(LifecycleHarness h, String order) {
        return new OrderViews(h.orders, h.ledger, h.settings, h.merchants).view(h.merchant, OrderId.of(order)).orElseThrow();
    }

    @Test
    void deliveryMode_pendingWithItsDateThenAssignedByTheSchedule_redeemedAndCreditsOnPayment() {
        LifecycleHarness h = harness(AssignmentPolicy.afterDelivery(3));
        h.grant(500, Optional.empty(), "seed");
        h.ledger.apply(LedgerCommand.redeem(WalletRef.points(h.shop, h.alice), OrderId.of("o1"), 200, true, h.now));
        h.place("o1", "1000.00");
        OrderPointsView placed = view(h, "o1");
        assertThat(placed.rule().rule().settingsVersion()).isEqualTo(1);
        assertThat(placed.rule().earnRate()).contains(EarnRate.of("10.00", 1));
        assertThat(placed.rule().rateSource()).contains(RateSource.STORE);
        assertThat(placed.points().givenWhen()).isEqualTo(new Timing(new GivenWhen.DaysAfterDelivery(3), "Points earned 3 days after delivery"));
        assertThat(placed.points().expected()).hasValueSatisfying(p -> {
            assertThat(p.points()).isEqualTo(100);
            assertThat(p.waiting()).isEqualTo(Order.PendingPoints.Waiting.DELIVERY);
            assertThat(p.expectedOn()).isEmpty();
        });
        assertThat(placed.points().redeemed()).isEqualTo(200);
        assertThat(placed.points().assigned()).isEmpty();

        h.at(2021, 11, 30, 9, 0);
        h.paid("o1");
        assertThat(view(h, "o1").credits().rewarded()).isEqualTo(Fixtures.twd("10.00"));
        assertThat(view(h, "o1").credits().rewardedBy()).contains(OrderPointsView.GivenBy.ORDER_PAID);
        assertThat(view(h, "o1").credits().inLedger()).isEqualTo(Fixtures.twd("10.00"));
        assertThat(view(h, "o1").credits().givenWhen().when()).isEqualTo(GivenWhen.ON_PAYMENT);

        h.at(2021, 12, 1, 10, 0);
        h.delivered("o1", DeliveryStatus.COLLECTED);
        assertThat(view(h, "o1").points().expected()).hasValueSatisfying(p -> {
            assertThat(p.waiting()).isEqualTo(Order.PendingPoints.Waiting.SCHEDULED);
            assertThat(p.expectedOn()).contains(LocalDate.of(2021, 12, 4));
        });

        h.at(2021, 12, 4, 0, 0);
        h.fire("o1");
        OrderPointsView done = view(h, "o1");
        assertThat(done.points().expected()).isEmpty();
        assertThat(done.points().assigned()).hasValueSatisfying(a -> {
            assertThat(a.by()).isEqualTo(OrderPointsView.GivenBy.ASSIGNMENT_SCHEDULE);
            assertThat(a.at()).isEqualTo(LifecycleHarness.local(2021, 12, 4, 0, 0));
            assertThat(a.points()).isEqualTo(100);
            assertThat(a.expiresAt()).contains(java.time.Instant.parse("2022-12-31T15:59:59Z"));
        });
        assertThat(done.points().earned()).isEqualTo(100);
    }

    @Test
    void completionMode_assignedAndRewardedByCompletion() {
        LifecycleHarness h = harness(AssignmentPolicy.ON_COMPLETION);
        h.place("o1", "200.00");
        h.paid("o1");
        assertThat(view(h, "o1").credits().rewardedAt()).isEmpty();
        assertThat(view(h, "o1").credits().givenWhen()).isEqualTo(new Timing(GivenWhen.AFTER_COMPLETED, "Credits earned after completed"));
        h.delivered("o1", DeliveryStatus.ARRIVED);
        assertThat(view(h, "o1").points().expected().orElseThrow().waiting())
                .isEqualTo(Order.PendingPoints.Waiting.COMPLETION);
        h.at(2021, 12, 2, 10, 0);
        h.completed("o1");
        OrderPointsView v = view(h, "o1");
        assertThat(v.points().givenWhen()).isEqualTo(new Timing(GivenWhen.AFTER_COMPLETED, "Points earned after completed"));
        assertThat(v.points().assigned().orElseThrow().by()).isEqualTo(OrderPointsView.GivenBy.ORDER_COMPLETED);
        assertThat(v.credits().rewardedBy()).contains(OrderPointsView.GivenBy.ORDER_COMPLETED);
        assertThat(v.completedAt()).contains(h.now);
    }

    @Test
    void zeroDaysAfterDeliveryIsAssignedByTheDelivery_andACancellationTakesThePointsBack() {
        LifecycleHarness h = harness(AssignmentPolicy.afterDelivery(0));
        h.grant(500, Optional.empty(), "seed");
        h.ledger.apply(LedgerCommand.redeem(WalletRef.points(h.shop, h.alice), OrderId.of("o1"), 100, true, h.now));
        h.place("o1", "300.00");
        h.delivered("o1", DeliveryStatus.ARRIVED);
        assertThat(view(h, "o1").points().assigned().orElseThrow().by()).isEqualTo(OrderPointsView.GivenBy.ORDER_DELIVERED);
        h.cancelled("o1");
        OrderPointsView v = view(h, "o1");
        assertThat(v.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(v.points().adjustedDeduct()).isEqualTo(30);
        assertThat(v.points().earned()).isZero();
        assertThat(v.points().redeemed()).isEqualTo(100);
        assertThat(v.points().reverted()).isEqualTo(100);
    }

    @Test
    void aGuestOrderHasNoMemberAndSaysWhyItEarnsNothing() {
        LifecycleHarness h = harness(AssignmentPolicy.afterDelivery(3));
        h.place("g1", OrderAmounts.ofSubtotal(Fixtures.twd("500.00")), CheckoutIdentity.GUEST, OrderKind.NORMAL);
        OrderPointsView v = view(h, "g1");
        assertThat(v.member()).isEmpty();
        assertThat(v.rule().earnRate()).isEmpty();
        assertThat(v.rule().pointsNotEarned()).contains(NotEarnedReason.MEMBER_NOT_LOGGED_IN);
        assertThat(v.points().expected()).isEmpty();
        assertThat(v.points().earned()).isZero();
    }

    @Test
    void anUnknownOrderOrAnotherStoresOrderIsNotFound() {
        LifecycleHarness h = harness(AssignmentPolicy.afterDelivery(3));
        h.place("o1", "100.00");
        OrderViews views = new OrderViews(h.orders, h.ledger, h.settings, h.merchants);
        assertThat(views.view(h.merchant, OrderId.of("nope"))).isEmpty();
        var other = new com.memberpoints.domain.merchant.Merchant(MerchantId.of("shop-2"), "Other", Fixtures.TWD,
                LifecycleHarness.TAIPEI, java.util.Locale.ENGLISH, java.util.Set.of(), true, true, java.util.Set.of());
        assertThat(views.view(other, OrderId.of("o1"))).isEmpty();
    }
}
