package com.memberpoints.domain.checkout;


import com.memberpoints.domain.inmemory.InMemoryLedgerStore;
import com.memberpoints.domain.ledger.LedgerCommand;
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
import com.memberpoints.domain.model.SalesChannel;
import com.memberpoints.domain.member.MemberStore;
import com.memberpoints.domain.merchant.MerchantStore;
import com.memberpoints.domain.settings.SettingsStore;
import com.memberpoints.domain.settings.MerchantSettings;
import com.memberpoints.domain.testing.Fixtures;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CheckoutServiceTest {
    static final Instant NOW = Instant.parse("2021-06-01T04:00:00Z");
    static final Instant END_2021 = Instant.parse("2021-12-31T15:59:59Z");
    final Merchant shop = Fixtures.merchant();
    final MerchantId m = shop.id();
    final MemberId ann = MemberId.of("ann");
    final MerchantSettings settings = Fixtures.settings().rulesText("zh-TW", "規則").build();

    private CheckoutService service(LedgerStore ledger) {
        return new CheckoutService(ledger, Fixtures.readOnlyPort(SettingsStore.class, Optional.of(settings)),
                Fixtures.readOnlyPort(MerchantStore.class, Optional.of(shop)), Fixtures.readOnlyPort(MemberStore.class, Optional.<MemberProfile>empty()),
                () -> NOW);
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
        CheckoutService s = service(ledger);
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
        CheckoutService s = service(ledger);
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
        CheckoutService s = service(ledger);
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
}
