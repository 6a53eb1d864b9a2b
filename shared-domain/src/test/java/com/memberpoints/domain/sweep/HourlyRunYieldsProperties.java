package com.memberpoints.domain.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.domain.inmemory.InMemoryExpiryWalkClaims;
import com.memberpoints.domain.inmemory.InMemoryMerchantStore;
import com.memberpoints.domain.inmemory.InMemorySettingsStore;
import com.memberpoints.domain.ledger.EntryKind;
import com.memberpoints.domain.ledger.ExpiringLot;
import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.ledger.LedgerStore;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.PageRequest;
import com.memberpoints.domain.order.OrderLifecycle;
import com.memberpoints.domain.testing.Fixtures;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;

/**
 * The hourly run yields to live walks (docs/decisions.md "S4 The hourly run yields to live walks"), under any
 * interleaving of hourly runs, walk steps (some throttled half-way and redelivered, some duplicated), walks that die
 * (their message dropped: the dead-letter queue) and time moving on past the claims' staleness, with lots falling due
 * before the first run and all along the schedule:
 * <ul>
 *   <li>a run never reads a wallet or expires a lot in a part that a live expiry walk held when the run started;</li>
 *   <li>eventually (later hourly runs and the rest of the messages, without faults) every lot due is expired exactly
 *       once, and no lot that is not due is touched — whatever walks died.</li>
 * </ul>
 */
class HourlyRunYieldsProperties {
    static final Instant DUE = Instant.parse("2026-12-31T23:59:59Z");
    static final Instant FIRST_RUN = Instant.parse("2027-01-01T00:00:00Z");
    static final Duration STALE_AFTER = Duration.ofMinutes(90);

    @Property(tries = 150)
    void theRunNeverWalksALivePart_andEveryDueLotIsExpiredExactlyOnce(
            @ForAll @IntRange(min = 1, max = 500) int wallets,
            @ForAll @IntRange(min = 1, max = 6) int parts,
            @ForAll @IntRange(min = 1, max = 60) int maxItems,
            @ForAll @IntRange(min = 1, max = 200) int budgetWallets,
            @ForAll @Size(min = 5, max = 250) List<@IntRange(min = 0, max = 999) Integer> schedule) {
        Merchant shop = Fixtures.merchant();
        PartedLedgerStore parted = new PartedLedgerStore(parts);
        List<WalletRef> refs = new ArrayList<>();
        Map<WalletRef, Instant> dueAt = new HashMap<>();
        Instant seeded = DUE.minus(Duration.ofDays(300));
        for (int i = 0; i < wallets; i++) {
            WalletRef w = WalletRef.points(shop.id(), MemberId.of("m" + i));
            // Two thirds before the first run (the backlog the walks take), a third falling due during the schedule.
            Instant at = i % 3 != 2 ? DUE.minusSeconds(i % 5 * 3600L)
                    : FIRST_RUN.plus(Duration.ofMinutes(17L * (i % 29))).plusSeconds(59);
            parted.inner.apply(LedgerCommand.manualAdd(w, "due" + i, 10, Optional.of(at), "seed", Actor.SYSTEM, seeded));
            dueAt.put(w, at);
            if (i % 2 == 0) {
                parted.inner.apply(LedgerCommand.manualAdd(w, "later" + i, 4, Optional.of(DUE.plus(Duration.ofDays(365))),
                        "seed", Actor.SYSTEM, seeded));
            }
            refs.add(w);
        }
        AtomicReference<Instant> now = new AtomicReference<>(FIRST_RUN);
        List<ExpiryWalk> queue = new ArrayList<>();
        ExpiryWalkQueue sqs = queue::addAll;
        InMemoryExpiryWalkClaims claims = new InMemoryExpiryWalkClaims();
        InMemoryMerchantStore merchants = new InMemoryMerchantStore();
        merchants.save(shop);

        // The run's own store calls: every wallet it reads or writes must lie outside the parts live when it started.
        Set<Integer> liveAtRunStart = new TreeSet<>();
        List<String> violations = new ArrayList<>();
        LedgerStore runStore = (LedgerStore) Proxy.newProxyInstance(LedgerStore.class.getClassLoader(),
                new Class<?>[] {LedgerStore.class}, (p, method, args) -> {
                    WalletRef touched = null;
                    if (method.getName().equals("wallet") && args[0] instanceof WalletRef w) {
                        touched = w;
                    } else if (method.getName().equals("apply") && args[0] instanceof LedgerCommand c) {
                        touched = c.wallet();
                    }
                    if (touched != null && liveAtRunStart.contains(partOf(touched, parts))) {
                        violations.add(method.getName() + " " + touched.member().value() + " in live part "
                                + partOf(touched, parts) + " at " + now.get());
                    }
                    try {
                        return method.invoke(parted.store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        OrderLifecycle lifecycle = SweepFixtures.noOrders(runStore, new InMemorySettingsStore(), merchants, now::get);
        ExpiryFanOut fanOut = new ExpiryFanOut(runStore, sqs, claims, STALE_AFTER);
        DailySweep sweep = new DailySweep(merchants, new LedgerSweeps(runStore), lifecycle, now::get,
                SweepFixtures.limits(maxItems)).withFanOut(fanOut);
        ExpiryWalker walker = new ExpiryWalker(parted.store, sqs, claims, now::get);
        ExpiryWalker.Budget budget = new ExpiryWalker.Budget(budgetWallets, () -> Duration.ofMinutes(5),
                Duration.ofSeconds(30));
        int[] yielded = new int[1];
        int[] tookOverWhileYielding = new int[1];
        java.util.function.Supplier<DailySweep.MerchantResult.Swept> hourly = () -> {
            liveAtRunStart.clear();
            liveAtRunStart.addAll(fanOut.walks(shop.id(), now.get()).liveExpire());
            DailySweep.MerchantResult r = sweep.run().results().getFirst();
            assertThat(r).isInstanceOf(DailySweep.MerchantResult.Swept.class);
            DailySweep.MerchantResult.Swept s = (DailySweep.MerchantResult.Swept) r;
            if (s.expiryLeftToWalks() > 0) {
                yielded[0]++;
                assertThat(s.expiryLeftToWalks()).isEqualTo(liveAtRunStart.size());
                assertThat(s.expired().applied() + s.expired().notApplicable()).isZero();
                tookOverWhileYielding[0] += s.walksStarted();
            }
            liveAtRunStart.clear();
            return s;
        };

        hourly.get();
        int died = 0;
        for (int choice : schedule) {
            now.set(now.get().plus(Duration.ofMinutes(choice % 9 == 0 ? 70 : choice % 23))); // some long pauses
            if (choice % 8 == 0) {
                hourly.get(); // an hourly run (or an overlapping, retried one)
                continue;
            }
            if (queue.isEmpty()) {
                continue;
            }
            ExpiryWalk message = queue.get(choice % queue.size());
            if (choice % 6 == 0) {
                queue.remove(message); // five failed receives: the dead-letter queue; its claim goes stale
                died++;
                continue;
            }
            if (choice % 5 == 0) {
                parted.callsBeforeFailure.set(choice % 13);
            }
            try {
                walker.walk(message, budget);
                if (choice % 7 != 0) {
                    queue.remove(message); // acknowledged; a duplicate stays and is delivered again
                }
            } catch (PartedLedgerStore.Throttled e) {
                // stays queued: redelivered after the visibility timeout
            } finally {
                parted.callsBeforeFailure.set(-1);
            }
        }
        Statistics.label("walks died").collect(died > 0);
        Statistics.label("a run yielded to live walks").collect(yielded[0] > 0);
        Statistics.label("a dead walk restarted by a run that yielded").collect(tookOverWhileYielding[0] > 0);

        // Later hourly runs and every message left, without faults, until every lot is due and a run has nothing left.
        Instant lastDue = dueAt.values().stream().max(Instant::compareTo).orElseThrow();
        boolean settled = false;
        for (int round = 0; round < 60 && !settled; round++) {
            now.set(now.get().plus(Duration.ofHours(1)));
            DailySweep.MerchantResult.Swept run = hourly.get();
            int drained = 0;
            while (!queue.isEmpty() && drained < 10_000) {
                walker.walk(queue.removeFirst(), budget);
                drained++;
            }
            assertThat(queue).as("the walks end").isEmpty();
            settled = drained == 0 && run.complete() && now.get().isAfter(lastDue);
        }
        assertThat(settled).as("the runs settle").isTrue();
        assertThat(violations).as("the hourly run walked a part a live walk held").isEmpty();

        Instant end = now.get();
        assertThat(end).isAfter(lastDue);
        for (WalletRef w : refs) {
            long expiries = parted.inner.history(w, PageRequest.first(100)).items().stream()
                    .filter(e -> e.kind() == EntryKind.EXPIRE && e.delta() == -10).count();
            assertThat(expiries).as("expiries of %s due %s", w.member(), dueAt.get(w))
                    .isEqualTo(1);
            assertThat(parted.inner.wallet(w).available(end)).as("what is left of %s", w.member())
                    .isEqualTo(Integer.parseInt(w.member().value().substring(1)) % 2 == 0 ? 4 : 0);
        }
    }

    static int partOf(WalletRef wallet, int parts) {
        return PartedLedgerStore.partOf(new ExpiringLot(wallet, Instant.EPOCH), parts);
    }
}
