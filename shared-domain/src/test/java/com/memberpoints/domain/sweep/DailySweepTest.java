package com.memberpoints.domain.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.memberpoints.domain.inmemory.InMemoryAssignmentScheduler;
import com.memberpoints.domain.inmemory.InMemoryLedgerStore;
import com.memberpoints.domain.inmemory.InMemoryMemberStore;
import com.memberpoints.domain.inmemory.InMemoryMerchantStore;
import com.memberpoints.domain.inmemory.InMemoryOrderStore;
import com.memberpoints.domain.inmemory.InMemorySettingsStore;
import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.ledger.LedgerStore;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.merchant.MerchantStore;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.domain.order.OrderLifecycle;
import com.memberpoints.domain.testing.Fixtures;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The daily sweep use case over the in-memory stores. */
class DailySweepTest {
    static final Instant NOW = Instant.parse("2022-01-01T00:00:00Z");
    static final DailySweep.Limits LIMITS = new DailySweep.Limits(Duration.ofHours(24), Duration.ofHours(24), 100);
    final Merchant shop = Fixtures.merchant();
    final MemberId ann = MemberId.of("ann");
    final InMemoryLedgerStore ledger = new InMemoryLedgerStore();
    final InMemoryOrderStore orders = new InMemoryOrderStore();
    final OrderLifecycle lifecycle = new OrderLifecycle(orders, ledger, new InMemorySettingsStore(),
            new InMemoryMerchantStore(), new InMemoryMemberStore(), new InMemoryAssignmentScheduler(), () -> NOW);

    @Test
    void expiresDueLotsAndReleasesStaleHolds_perMerchant() {
        WalletRef points = WalletRef.points(shop.id(), ann);
        ledger.apply(LedgerCommand.manualAdd(points, "seed", 70, Optional.of(NOW.minusSeconds(1)), "seed", Actor.SYSTEM,
                NOW.minus(Duration.ofDays(30))));
        ledger.apply(LedgerCommand.manualAdd(points, "seed2", 50, Optional.empty(), "seed", Actor.SYSTEM,
                NOW.minus(Duration.ofDays(30))));
        ledger.apply(LedgerCommand.redeem(points, OrderId.of("abandoned"), 30, true, NOW.minus(Duration.ofDays(2))));
        InMemoryMerchantStore merchants = new InMemoryMerchantStore();
        merchants.save(shop);
        DailySweep.Outcome out = new DailySweep(merchants, new LedgerSweeps(ledger), lifecycle, () -> NOW, LIMITS).run();
        assertThat(out.failed()).isEmpty();
        DailySweep.MerchantResult.Swept swept = (DailySweep.MerchantResult.Swept) out.results().getFirst();
        assertThat(swept.merchant()).isEqualTo(shop.id());
        assertThat(swept.expired().applied()).isEqualTo(1);
        assertThat(swept.released().applied()).isEqualTo(1);
        assertThat(swept.complete()).isTrue();
        assertThat(ledger.wallet(points).available(NOW)).isEqualTo(50);
    }

    @Test
    void oneMerchantsFailureIsReportedInItsPlace_andTheOthersAreStillSwept() {
        MerchantId broken = MerchantId.of("broken");
        InMemoryMerchantStore real = new InMemoryMerchantStore();
        real.save(shop);
        MerchantStore merchants = new MerchantStore() {
            @Override
            public Optional<Merchant> find(MerchantId merchant) {
                return real.find(merchant);
            }

            @Override
            public void save(Merchant merchant) {
                real.save(merchant);
            }

            @Override
            public List<MerchantId> all() {
                return List.of(broken, shop.id());
            }
        };
        // The ledger fails for every call about the broken merchant.
        LedgerStore failing = (LedgerStore) Proxy.newProxyInstance(LedgerStore.class.getClassLoader(),
                new Class<?>[] {LedgerStore.class}, (p, method, args) -> {
                    if (args != null && List.of(args).contains(broken)) {
                        throw new IllegalStateException("store down");
                    }
                    try {
                        return method.invoke(ledger, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        LedgerSweeps sweeps = new LedgerSweeps(failing);
        DailySweep.Outcome out = new DailySweep(merchants, sweeps, lifecycle, () -> NOW, LIMITS).run();
        assertThat(out.failed()).containsExactly(broken);
        assertThat(out.results()).extracting(DailySweep.MerchantResult::merchant).containsExactly(broken, shop.id());
        assertThat(out.results().get(0)).isInstanceOf(DailySweep.MerchantResult.Failed.class);
        assertThat(out.results().get(1)).isInstanceOf(DailySweep.MerchantResult.Swept.class);
    }

    @Test
    void limitsMustBePositive() {
        assertThatThrownBy(() -> new DailySweep.Limits(Duration.ZERO, Duration.ofHours(1), 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DailySweep.Limits(Duration.ofHours(1), Duration.ofHours(1), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
