package com.memberpoints.domain.app;

import com.memberpoints.domain.checkout.PointsRequest;
import com.memberpoints.domain.inmemory.InMemoryOrderStore;
import com.memberpoints.domain.ledger.InMemoryLedgerStore;
import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.ledger.LedgerResult;
import com.memberpoints.domain.ledger.LedgerStore;
import com.memberpoints.domain.ledger.Wallet;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.member.MemberProfile;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.Money;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.domain.order.CheckoutIdentity;
import com.memberpoints.domain.order.Delivery;
import com.memberpoints.domain.order.EarnRecord;
import com.memberpoints.domain.order.Order;
import com.memberpoints.domain.order.OrderAmounts;
import com.memberpoints.domain.order.OrderKind;
import com.memberpoints.domain.order.OrderStatus;
import com.memberpoints.domain.order.SalesChannel;
import com.memberpoints.domain.port.MemberStore;
import com.memberpoints.domain.port.MerchantStore;
import com.memberpoints.domain.port.SettingsStore;
import com.memberpoints.domain.settings.BoundRule;
import com.memberpoints.domain.settings.MerchantSettings;
import com.memberpoints.domain.testing.Fixtures;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StorefrontServiceTest {
    static final Instant NOW = Instant.parse("2021-06-01T04:00:00Z");
    static final Instant END_2021 = Instant.parse("2021-12-31T15:59:59Z");
    final Merchant shop = Fixtures.merchant();
    final MerchantId m = shop.id();
    final MemberId ann = MemberId.of("ann");
    final MerchantSettings settings = Fixtures.settings().rulesText("zh-TW", "規則").build();

    private StorefrontService service(LedgerStore ledger) {
        return new StorefrontService(ledger, port(SettingsStore.class, Optional.of(settings)),
                port(MerchantStore.class, Optional.of(shop)), port(MemberStore.class, Optional.<MemberProfile>empty()),
                orders, () -> NOW);
    }

    final InMemoryOrderStore orders = new InMemoryOrderStore();

    /** A read-only port answering every find/current with {@code answer}. */
    @SuppressWarnings("unchecked")
    private static <T> T port(Class<T> type, Object answer) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, method, args) -> answer);
    }

    private static Cart cart(String amount, String storeCredits) {
        Money zero = Fixtures.twd("0");
        return new Cart(List.of(new Cart.Item(Fixtures.twd(amount), false)), zero, Fixtures.twd(storeCredits), zero, zero,
                SalesChannel.ONLINE);
    }

    @Test
    void aRetryAfterTheDebitReQuotesTheSameMaximum_andIsARepeat() {
        InMemoryLedgerStore ledger = new InMemoryLedgerStore();
        ledger.apply(LedgerCommand.earn(m, ann, OrderId.of("e"), 300, Optional.of(END_2021), NOW));
        StorefrontService s = service(ledger);
        RedemptionOutcome first = s.redeem(shop, ann, OrderId.of("o"), cart("100.00", "0"), PointsRequest.MAXIMUM);
        RedemptionOutcome again = s.redeem(shop, ann, OrderId.of("o"), cart("100.00", "0"), PointsRequest.MAXIMUM);
        assertThat(first).isInstanceOf(RedemptionOutcome.Redeemed.class);
        assertThat(((RedemptionOutcome.Redeemed) first).points()).isEqualTo(300);
        assertThat(((RedemptionOutcome.Redeemed) first).repeat()).isFalse();
        assertThat(((RedemptionOutcome.Redeemed) again).repeat()).isTrue();
        assertThat(((RedemptionOutcome.Redeemed) again).points()).isEqualTo(300);
        assertThat(ledger.wallet(WalletRef.points(m, ann)).balance()).isZero();
    }

    @Test
    void anEnteredNumberTheBalanceNoLongerCovers_isRefusedWithTheAvailableBalance_nothingHeld() {
        InMemoryLedgerStore ledger = new InMemoryLedgerStore();
        ledger.apply(LedgerCommand.earn(m, ann, OrderId.of("e"), 200, Optional.of(END_2021), NOW));
        StorefrontService s = service(ledger);
        // The quote still proposes what the balance allows...
        assertThat(s.quote(shop, ann, cart("100000.00", "0"), PointsRequest.exactly(100_000)).appliedPoints())
                .isEqualTo(200);
        // ...but committing 100,000 points holds none of them.
        RedemptionOutcome out = s.redeem(shop, ann, OrderId.of("o"), cart("100000.00", "0"),
                PointsRequest.exactly(100_000));
        assertThat(out).isEqualTo(new RedemptionOutcome.Insufficient(Wallet.POINTS, 200, 100_000));
        assertThat(ledger.wallet(WalletRef.points(m, ann)).balance()).isEqualTo(200);
        // Once the balance is spent, even a small number is refused (it used to be held as 0 points).
        assertThat(s.redeem(shop, ann, OrderId.of("o2"), cart("100.00", "0"), PointsRequest.exactly(200)))
                .isInstanceOf(RedemptionOutcome.Redeemed.class);
        assertThat(s.redeem(shop, ann, OrderId.of("o3"), cart("100.00", "0"), PointsRequest.exactly(10)))
                .isEqualTo(new RedemptionOutcome.Insufficient(Wallet.POINTS, 0, 10));
    }

    @Test
    void anEnteredNumberAboveWhatTheOrderAllows_isRejectedNamingTheMaximum_theExactNumberIsHeld() {
        InMemoryLedgerStore ledger = new InMemoryLedgerStore();
        ledger.apply(LedgerCommand.earn(m, ann, OrderId.of("e"), 5_000, Optional.of(END_2021), NOW));
        StorefrontService s = service(ledger);
        long max = s.quote(shop, ann, cart("10.00", "0"), PointsRequest.MAXIMUM).maxPointsAllowed();
        RedemptionOutcome over = s.redeem(shop, ann, OrderId.of("o"), cart("10.00", "0"), PointsRequest.exactly(max + 1_000));
        assertThat(over).isInstanceOfSatisfying(RedemptionOutcome.Rejected.class, r -> assertThat(r.rejection().message())
                .isEqualTo("At most " + max + " points can be applied to this order"));
        assertThat(ledger.wallet(WalletRef.points(m, ann)).balance()).isEqualTo(5_000);
        RedemptionOutcome exact = s.redeem(shop, ann, OrderId.of("o"), cart("10.00", "0"), PointsRequest.exactly(max));
        assertThat(((RedemptionOutcome.Redeemed) exact).points()).isEqualTo(max);
        assertThat(ledger.wallet(WalletRef.points(m, ann)).balance()).isEqualTo(5_000 - max);
    }

    @Test
    void whenCreditsAreSpentConcurrently_thePointsHoldIsReleased_nothingHalfDone() {
        InMemoryLedgerStore real = new InMemoryLedgerStore();
        real.apply(LedgerCommand.earn(m, ann, OrderId.of("e"), 300, Optional.of(END_2021), NOW));
        real.apply(LedgerCommand.rewardCredit(m, ann, OrderId.of("c"), 2_000, Optional.empty(), NOW));
        // Between the service's read and its credits debit, another checkout spends the credits.
        LedgerStore racing = (LedgerStore) Proxy.newProxyInstance(LedgerStore.class.getClassLoader(),
                new Class<?>[] {LedgerStore.class}, (p, method, args) -> {
                    if (method.getName().equals("apply") && args[0] instanceof LedgerCommand.Debit d
                            && d.wallet().wallet() == Wallet.CREDITS) {
                        real.apply(LedgerCommand.manualDeduct(d.wallet(), "race", 1_500, "spent elsewhere",
                                Actor.staff("s1"), NOW));
                    }
                    return method.invoke(real, args);
                });
        RedemptionOutcome out = service(racing).redeem(shop, ann, OrderId.of("o"), cart("100.00", "10.00"),
                PointsRequest.exactly(100));
        assertThat(out).isEqualTo(new RedemptionOutcome.Insufficient(Wallet.CREDITS, 500, 1_000));
        assertThat(real.wallet(WalletRef.points(m, ann)).balance()).as("points hold released").isEqualTo(300);
        RedemptionOutcome retry = service(real).redeem(shop, ann, OrderId.of("o"), cart("100.00", "0"),
                PointsRequest.exactly(100));
        assertThat(retry).isInstanceOf(RedemptionOutcome.Conflict.class);
    }

    @Test
    void rulesTextFallsBackToTheStoreDefault() {
        assertThat(StorefrontService.rulesText(shop, settings, Optional.of(Locale.forLanguageTag("zh-TW"))).orElseThrow().text())
                .isEqualTo("規則");
        assertThat(StorefrontService.rulesText(shop, settings, Optional.of(Locale.FRENCH)).orElseThrow().locale()).isEqualTo("en");
        assertThat(StorefrontService.rulesText(shop, settings, Optional.empty()).orElseThrow().locale()).isEqualTo("en");
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
        assertThat(StorefrontService.pendingOf(List.of(awaitingDelivery, scheduled, cancelled, assigned,
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

        for (int i = 0; i < StorefrontService.MAX_PENDING_SHOWN; i++) {
            orders.save(order("x-" + i, rule, OrderStatus.OPEN, Delivery.PENDING, none));
        }
        MemberPointsView full = service(new InMemoryLedgerStore()).points(shop, ann, Optional.empty());
        assertThat(full.pending()).hasSize(StorefrontService.MAX_PENDING_SHOWN);
        assertThat(full.morePending()).isTrue();
    }

    private Order order(String id, BoundRule rule, OrderStatus status, Delivery delivery, EarnRecord earned) {
        return new Order(m, OrderId.of(id), Optional.of(ann), CheckoutIdentity.MEMBER_LOGGED_IN, SalesChannel.ONLINE,
                OrderKind.NORMAL, Optional.empty(), NOW, OrderAmounts.ofSubtotal(Fixtures.twd("100.00")), rule, status,
                Optional.empty(), delivery, Optional.empty(), earned, 0);
    }
}
