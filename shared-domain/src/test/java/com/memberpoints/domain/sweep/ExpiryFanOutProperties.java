package com.memberpoints.domain.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.domain.inmemory.InMemoryExpiryWalkClaims;
import com.memberpoints.domain.inmemory.InMemoryMerchantStore;
import com.memberpoints.domain.inmemory.InMemorySettingsStore;
import com.memberpoints.domain.ledger.EntryKind;
import com.memberpoints.domain.ledger.JournalEntry;
import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.PageRequest;
import com.memberpoints.domain.order.OrderLifecycle;
import com.memberpoints.domain.testing.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The fanned-out expiry under any schedule (issue 16 change 7): the hourly runs (overlapping, taking over stale claims)
 * and the walk messages of several parts delivered in any order, redelivered after a throttled store call, duplicated,
 * stopped by small budgets — every due lot is expired exactly once, no lot that is not due is touched, and the queue
 * drains (every walk ends).
 */
class ExpiryFanOutProperties {
    static final Instant DUE = Instant.parse("2026-12-31T23:59:59Z");
    static final Instant FIRST_RUN = Instant.parse("2027-01-01T00:00:00Z");

    @Property(tries = 150)
    void everyDueLotIsExpiredExactlyOnce_andTheWalksEnd(
            @ForAll @IntRange(min = 1, max = 260) int wallets,
            @ForAll @IntRange(min = 1, max = 6) int parts,
            @ForAll @IntRange(min = 1, max = 150) int maxItems,
            @ForAll @IntRange(min = 1, max = 250) int budgetWallets,
            @ForAll @Size(max = 300) List<@IntRange(min = 0, max = 999) Integer> schedule) {
        Merchant shop = Fixtures.merchant();
        PartedLedgerStore parted = new PartedLedgerStore(parts);
        List<WalletRef> refs = new ArrayList<>();
        for (int i = 0; i < wallets; i++) {
            WalletRef w = WalletRef.points(shop.id(), MemberId.of("m" + i));
            parted.inner.apply(LedgerCommand.manualAdd(w, "due" + i, 10, Optional.of(DUE.minusSeconds(i % 3 * 3600)),
                    "seed", Actor.SYSTEM, DUE.minus(Duration.ofDays(300))));
            if (i % 2 == 0) {
                parted.inner.apply(LedgerCommand.manualAdd(w, "later" + i, 4, Optional.of(DUE.plus(Duration.ofDays(365))),
                        "seed", Actor.SYSTEM, DUE.minus(Duration.ofDays(300))));
            }
            refs.add(w);
        }
        AtomicReference<Instant> now = new AtomicReference<>(FIRST_RUN);
        List<ExpiryWalk> queue = new ArrayList<>(); // delivered in any order, at least once
        ExpiryWalkQueue sqs = queue::addAll;
        InMemoryExpiryWalkClaims claims = new InMemoryExpiryWalkClaims();
        InMemoryMerchantStore merchants = new InMemoryMerchantStore();
        merchants.save(shop);
        OrderLifecycle lifecycle = SweepFixtures.noOrders(parted.store, new InMemorySettingsStore(), merchants, now::get);
        DailySweep sweep = new DailySweep(merchants, new LedgerSweeps(parted.store), lifecycle, now::get,
                SweepFixtures.limits(maxItems))
                .withFanOut(new ExpiryFanOut(parted.store, sqs, claims, Duration.ofMinutes(90)));
        ExpiryWalker walker = new ExpiryWalker(parted.store, sqs, claims, now::get);
        ExpiryWalker.Budget budget = new ExpiryWalker.Budget(budgetWallets, () -> Duration.ofMinutes(5),
                Duration.ofSeconds(30));

        sweep.run();
        int steps = FaultySchedule.play(schedule, now, sweep, queue, parted, walker, budget);
        // The rest of the messages, in order, without faults; the bound shows that the walks end.
        int bound = 10 * (wallets / ExpiryWalker.PAGE + 2) * parts + queue.size() * 3;
        while (!queue.isEmpty() && steps < 10_000) {
            ExpiryWalk message = queue.removeFirst();
            walker.walk(message, budget);
            steps++;
            bound--;
        }
        assertThat(queue).as("the walks end").isEmpty();
        assertThat(bound).as("drained within the bound").isGreaterThanOrEqualTo(0);
        now.set(now.get().plus(Duration.ofHours(1)));
        sweep.run(); // nothing left for a later run

        for (WalletRef w : refs) {
            List<JournalEntry> expiries = parted.inner.history(w, PageRequest.first(100)).items().stream()
                    .filter(e -> e.kind() == EntryKind.EXPIRE).toList();
            assertThat(expiries).as("expiries of %s", w.member()).hasSize(1);
            assertThat(expiries.getFirst().delta()).isEqualTo(-10);
        }
        assertThat(refs).allMatch(w -> parted.inner.wallet(w).available(now.get())
                == (w.member().value().substring(1).chars().reduce(0, (a, c) -> a * 10 + c - '0') % 2 == 0 ? 4 : 0));
    }
}
