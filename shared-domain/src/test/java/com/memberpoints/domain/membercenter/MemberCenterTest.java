package com.memberpoints.domain.membercenter;


import com.memberpoints.domain.inmemory.InMemoryOrderStore;
import com.memberpoints.domain.model.Money;
import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.inmemory.InMemoryLedgerStore;
import com.memberpoints.domain.ledger.LedgerStore;
import com.memberpoints.domain.member.MemberProfile;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.domain.model.CheckoutIdentity;
import com.memberpoints.domain.order.Delivery;
import com.memberpoints.domain.order.EarnRecord;
import com.memberpoints.domain.order.Order;
import com.memberpoints.domain.order.OrderAmounts;
import com.memberpoints.domain.model.OrderKind;
import com.memberpoints.domain.order.OrderStatus;
import com.memberpoints.domain.model.SalesChannel;
import com.memberpoints.domain.member.MemberStore;
import com.memberpoints.domain.merchant.MerchantStore;
import com.memberpoints.domain.settings.SettingsStore;
import com.memberpoints.domain.settings.BoundRule;
import com.memberpoints.domain.settings.MerchantSettings;
import com.memberpoints.domain.testing.Fixtures;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MemberCenterTest {
    static final Instant NOW = Instant.parse("2021-06-01T04:00:00Z");
    static final Instant END_2021 = Instant.parse("2021-12-31T15:59:59Z");
    final Merchant shop = Fixtures.merchant();
    final MerchantId m = shop.id();
    final MemberId ann = MemberId.of("ann");
    final MerchantSettings settings = Fixtures.settings().rulesText("zh-TW", "規則").build();

    private MemberCenter service(LedgerStore ledger) {
        return new MemberCenter(ledger, Fixtures.readOnlyPort(SettingsStore.class, Optional.of(settings)),
                Fixtures.readOnlyPort(MerchantStore.class, Optional.of(shop)), Fixtures.readOnlyPort(MemberStore.class, Optional.<MemberProfile>empty()),
                orders, () -> NOW);
    }

    final InMemoryOrderStore orders = new InMemoryOrderStore();

    @Test
    void rulesTextFallsBackToTheStoreDefault() {
        assertThat(MemberCenter.rulesText(shop, settings, Optional.of(Locale.forLanguageTag("zh-TW"))).orElseThrow().text())
                .isEqualTo("規則");
        assertThat(MemberCenter.rulesText(shop, settings, Optional.of(Locale.FRENCH)).orElseThrow().locale()).isEqualTo("en");
        assertThat(MemberCenter.rulesText(shop, settings, Optional.empty()).orElseThrow().locale()).isEqualTo("en");
    }

    @Test
    void pendingPointsAreUnassignedUncancelledOrders_datedWhenScheduled_undatedWhileAwaitingDeliveryOrCompletion() {
        BoundRule rule = BoundRule.bind(settings, Optional.empty());
        Instant due = Instant.parse("2021-12-03T16:00:00Z"); // 2021-12-04 00:00 Taipei
        Instant earlier = Instant.parse("2021-12-01T16:00:00Z"); // 2021-12-02 Taipei
        EarnRecord none = new EarnRecord(0, Optional.empty(), Optional.empty(), Fixtures.twd("0"), Optional.empty());
        Order awaitingDelivery = order("o-0", rule, OrderStatus.OPEN, Delivery.PENDING, none);
        Order scheduled = order("o-1", rule, OrderStatus.OPEN, Delivery.arrived(NOW), new EarnRecord(0,
                Optional.empty(), Optional.of(due), Fixtures.twd("0"), Optional.empty()));
        Order cancelled = order("o-2", rule, OrderStatus.CANCELLED, Delivery.arrived(NOW), scheduled.earned());
        Order assigned = order("o-3", rule, OrderStatus.OPEN, Delivery.arrived(NOW), new EarnRecord(10,
                Optional.of(due), Optional.of(due), Fixtures.twd("0"), Optional.empty()));
        Order awaitingCompletion = order("o-4", rule, OrderStatus.OPEN, Delivery.arrived(NOW), none);
        Order sooner = order("o-5", rule, OrderStatus.OPEN, Delivery.arrived(NOW), new EarnRecord(0,
                Optional.empty(), Optional.of(earlier), Fixtures.twd("0"), Optional.empty()));
        assertThat(MemberCenter.pendingOf(List.of(awaitingDelivery, scheduled, cancelled, assigned,
                awaitingCompletion, sooner), shop.zone()))
                .containsExactly(
                        new MemberPointsView.PendingPoints(OrderId.of("o-5"), 10, Optional.of(LocalDate.of(2021, 12, 2)),
                                Order.PendingPoints.Waiting.SCHEDULED),
                        new MemberPointsView.PendingPoints(OrderId.of("o-1"), 10, Optional.of(LocalDate.of(2021, 12, 4)),
                                Order.PendingPoints.Waiting.SCHEDULED),
                        new MemberPointsView.PendingPoints(OrderId.of("o-0"), 10, Optional.empty(),
                                Order.PendingPoints.Waiting.DELIVERY),
                        new MemberPointsView.PendingPoints(OrderId.of("o-4"), 10, Optional.empty(),
                                Order.PendingPoints.Waiting.COMPLETION));
    }

    @Test
    void thePointsPanelListsThePendingOrdersOfTheMemberOnly_boundedWithAMoreFlag() {
        BoundRule rule = BoundRule.bind(settings, Optional.empty());
        EarnRecord none = new EarnRecord(0, Optional.empty(), Optional.empty(), Fixtures.twd("0"), Optional.empty());
        orders.save(order("mine", rule, OrderStatus.OPEN, Delivery.PENDING, none));
        Order other = order("bob-1", rule, OrderStatus.OPEN, Delivery.PENDING, none);
        orders.save(new Order(m, other.id(), Optional.of(MemberId.of("bob")), other.identity(), other.channel(),
                other.kind(), other.parentOrder(), other.placedAt(), other.amounts(), rule, other.status(),
                other.payment(), other.delivery(), other.completedAt(), other.earned(), 0));
        MemberPointsView v = service(new InMemoryLedgerStore()).points(shop, ann, Optional.empty());
        assertThat(v.pending()).extracting(MemberPointsView.PendingPoints::order).containsExactly(OrderId.of("mine"));
        assertThat(v.morePending()).isFalse();

        for (int i = 0; i < MemberCenter.MAX_PENDING_SHOWN; i++) {
            orders.save(order("x-" + i, rule, OrderStatus.OPEN, Delivery.PENDING, none));
        }
        MemberPointsView full = service(new InMemoryLedgerStore()).points(shop, ann, Optional.empty());
        assertThat(full.pending()).hasSize(MemberCenter.MAX_PENDING_SHOWN);
        assertThat(full.morePending()).isTrue();
    }

    @Test
    void theOneViewCarriesTheCheckoutsCashValue_theLotsByDateAndEach_andTheStoreCredits() {
        InMemoryLedgerStore ledger = new InMemoryLedgerStore();
        Instant end2022 = Instant.parse("2022-12-31T15:59:59Z");
        ledger.apply(LedgerCommand.earn(m, ann, OrderId.of("a"), 95, Optional.of(END_2021), NOW));
        ledger.apply(LedgerCommand.earn(m, ann, OrderId.of("b"), 40, Optional.of(end2022), NOW));
        ledger.apply(LedgerCommand.earn(m, ann, OrderId.of("c"), 7, Optional.empty(), NOW));
        ledger.apply(LedgerCommand.rewardCredit(m, ann, OrderId.of("r"), 1_250, Optional.empty(), NOW));
        MemberPointsView v = service(ledger).points(shop, ann, Optional.empty());
        assertThat(v.balance()).isEqualTo(142);
        assertThat(v.cashValue()).as("whole redemption units, as the checkout counts them")
                .isEqualTo(com.memberpoints.domain.checkout.CheckoutQuoter.cashEquivalent(142, settings.redeem(),
                        shop.currency()));
        assertThat(v.pointsPerUnit()).isEqualTo(settings.redeem().pointsPerUnit());
        assertThat(v.neverExpiring()).isEqualTo(7);
        assertThat(v.byExpiry()).containsExactly(new MemberPointsView.ExpiringBalance(LocalDate.of(2021, 12, 31), 95),
                new MemberPointsView.ExpiringBalance(LocalDate.of(2022, 12, 31), 40));
        assertThat(v.expiringLots()).extracting(l -> l.amount()).containsExactly(95L, 40L);
        assertThat(v.storeCredits()).isEqualTo(Money.ofMinor(1_250, shop.currency()));
    }

    @Test
    void cashValueCountsWholeUnitsOnly() {
        Money tenUnits = MemberCenter.cashValue(10 * settings.redeem().pointsPerUnit() + settings.redeem().pointsPerUnit() - 1,
                settings, shop);
        assertThat(tenUnits).isEqualTo(new Money(java.math.BigDecimal.TEN, shop.currency()));
    }

    private Order order(String id, BoundRule rule, OrderStatus status, Delivery delivery, EarnRecord earned) {
        return new Order(m, OrderId.of(id), Optional.of(ann), CheckoutIdentity.MEMBER_LOGGED_IN, SalesChannel.ONLINE,
                OrderKind.NORMAL, Optional.empty(), NOW, OrderAmounts.ofSubtotal(Fixtures.twd("100.00")), rule, status,
                Optional.empty(), delivery, Optional.empty(), earned, 0);
    }
}
