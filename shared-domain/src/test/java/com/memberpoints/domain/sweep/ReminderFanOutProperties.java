package com.memberpoints.domain.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.domain.inmemory.InMemoryExpiryReminderStore;
import com.memberpoints.domain.inmemory.InMemoryExpiryWalkClaims;
import com.memberpoints.domain.inmemory.InMemoryMerchantStore;
import com.memberpoints.domain.ledger.EntryKind;
import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.ledger.Lot;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.PageRequest;
import com.memberpoints.domain.notify.ExpiryReminder;
import com.memberpoints.domain.notify.ExpiryReminderPass;
import com.memberpoints.domain.notify.ExpiryReminderStore;
import com.memberpoints.domain.order.OrderLifecycle;
import com.memberpoints.domain.settings.ExpiryReminders;
import com.memberpoints.domain.settings.MerchantSettings;
import com.memberpoints.domain.settings.SettingsStore;
import com.memberpoints.domain.testing.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The fanned-out reminder pass under any schedule (issue 16 change 7b), in the style of
 * {@link ExpiryFanOutProperties}: hourly runs (overlapping, taking over stale claims, fanning out expiry walks and
 * reminder walks into the same queue), walk messages of several parts delivered in any order, redelivered after a
 * throttled store call, duplicated, stopped by small budgets, while the clock moves (the window's end moves with the
 * local day) — every lot in the reminder window gets exactly one marker (created once, whatever meets it again), no lot
 * outside the window gets one, the due lots are still expired exactly once, and the queue drains.
 */
class ReminderFanOutProperties {
    static final Instant DUE = Instant.parse("2026-12-31T23:59:59Z");
    static final Instant FIRST_RUN = Instant.parse("2027-01-01T00:00:00Z");
    static final ExpiryReminders CHOICE = new ExpiryReminders(true, 14, true, false);

    @Property(tries = 120)
    void everyLotInTheWindowIsRemindedExactlyOnce_andTheWalksEnd(
            @ForAll @IntRange(min = 1, max = 450) int wallets,
            @ForAll @IntRange(min = 1, max = 6) int parts,
            @ForAll @IntRange(min = 1, max = 150) int maxItems,
            @ForAll @IntRange(min = 1, max = 250) int budgetWallets,
            @ForAll @Size(max = 300) List<@IntRange(min = 0, max = 999) Integer> schedule) {
        Merchant shop = Fixtures.merchant();
        PartedLedgerStore parted = new PartedLedgerStore(parts);
        List<WalletRef> refs = new ArrayList<>();
        for (int i = 0; i < wallets; i++) {
            WalletRef w = WalletRef.points(shop.id(), MemberId.of("m" + i));
            Instant seeded = DUE.minus(Duration.ofDays(300));
            switch (i % 4) {
                case 0 -> parted.inner.apply(LedgerCommand.manualAdd(w, "due" + i, 10, Optional.of(DUE), "seed",
                        Actor.SYSTEM, seeded)); // expired by the expiry walks, never reminded
                case 1, 2 -> { // in every window of the test (10 to 14 days ahead), plus a lot far outside it
                    parted.inner.apply(LedgerCommand.manualAdd(w, "soon" + i, 7,
                            Optional.of(FIRST_RUN.plus(Duration.ofDays(10 + i % 5)).plusSeconds(i)), "seed",
                            Actor.SYSTEM, seeded));
                    parted.inner.apply(LedgerCommand.manualAdd(w, "later" + i, 3,
                            Optional.of(FIRST_RUN.plus(Duration.ofDays(200))), "seed", Actor.SYSTEM, seeded));
                }
                default -> parted.inner.apply(LedgerCommand.manualAdd(w, "edge" + i, 5,
                        Optional.of(FIRST_RUN.plus(Duration.ofDays(15)).plusSeconds(i)), "seed", Actor.SYSTEM,
                        seeded)); // outside the first window; enters it when the store's local day turns
            }
            refs.add(w);
        }
        AtomicReference<Instant> now = new AtomicReference<>(FIRST_RUN);
        List<ExpiryWalk> queue = new ArrayList<>(); // delivered in any order, at least once
        ExpiryWalkQueue sqs = queue::addAll;
        InMemoryExpiryWalkClaims claims = new InMemoryExpiryWalkClaims();
        InMemoryMerchantStore merchants = new InMemoryMerchantStore();
        merchants.save(shop);
        SettingsStore settings = Fixtures.readOnlyPort(SettingsStore.class,
                Optional.of(MerchantSettings.defaults().withExpiryReminders(CHOICE)));
        InMemoryExpiryReminderStore markers = new InMemoryExpiryReminderStore();
        Map<String, Integer> created = new HashMap<>();
        ExpiryReminderStore counting = new ExpiryReminderStore() {
            @Override
            public Recorded record(ExpiryReminder reminder) {
                Recorded r = markers.record(reminder);
                if (r.created()) {
                    created.merge(reminder.operationId().value(), 1, Integer::sum);
                }
                return r;
            }

            @Override
            public Optional<ExpiryReminder> find(WalletRef wallet, Instant expiresAt) {
                return markers.find(wallet, expiresAt);
            }

            @Override
            public Optional<com.memberpoints.domain.notify.ReminderProgress> progress(
                    com.memberpoints.domain.model.MerchantId merchant) {
                return markers.progress(merchant);
            }

            @Override
            public void saveProgress(com.memberpoints.domain.model.MerchantId merchant,
                                     com.memberpoints.domain.notify.ReminderProgress progress) {
                markers.saveProgress(merchant, progress);
            }
        };
        // S4: the pass reads the index (the merged 4-argument listing, which only the pass uses here) only while no
        // live reminder walk holds a part of it.
        List<String> passReadsWhileWalked = new ArrayList<>();
        com.memberpoints.domain.ledger.LedgerStore passStore = (com.memberpoints.domain.ledger.LedgerStore)
                java.lang.reflect.Proxy.newProxyInstance(com.memberpoints.domain.ledger.LedgerStore.class.getClassLoader(),
                        new Class<?>[] {com.memberpoints.domain.ledger.LedgerStore.class}, (p, method, args) -> {
                            if (method.getName().equals("expiring") && args.length == 4) {
                                Instant staleBefore = now.get().minus(Duration.ofMinutes(90));
                                claims.held(shop.id()).stream()
                                        .filter(h -> h.part() >= ExpiryWalk.REMIND_CLAIM_OFFSET
                                                && !h.progress().isBefore(staleBefore))
                                        .forEach(h -> passReadsWhileWalked.add(now.get() + " slot " + h.part()));
                            }
                            try {
                                return method.invoke(parted.store, args);
                            } catch (java.lang.reflect.InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
        ExpiryReminderPass pass = new ExpiryReminderPass(merchants, settings, passStore, counting);
        OrderLifecycle lifecycle = SweepFixtures.noOrders(parted.store, settings, merchants, now::get);
        net.jqwik.api.statistics.Statistics.label("more than a page in the window (the pass can fan out)").collect(wallets / 2 > 100);
        DailySweep sweep = new DailySweep(merchants, new LedgerSweeps(parted.store), lifecycle, now::get,
                SweepFixtures.limits(maxItems), pass)
                .withFanOut(new ExpiryFanOut(parted.store, sqs, claims, Duration.ofMinutes(90)));
        ExpiryWalker walker = new ExpiryWalker(parted.store, sqs, claims, now::get, pass);
        ExpiryWalker.Budget budget = new ExpiryWalker.Budget(budgetWallets, () -> Duration.ofMinutes(5),
                Duration.ofSeconds(30));

        sweep.run();
        int steps = FaultySchedule.play(schedule, now, sweep, queue, parted, walker, budget);
        // Later hourly runs and the rest of the messages, without faults, until a run has nothing left to hand out.
        int rounds = 0;
        boolean settled = false;
        while (!settled && rounds < 50) {
            now.set(now.get().plus(Duration.ofHours(1)));
            DailySweep.MerchantResult.Swept swept = (DailySweep.MerchantResult.Swept) sweep.run().results().getFirst();
            int drained = 0;
            while (!queue.isEmpty() && drained < 10_000) {
                walker.walk(queue.removeFirst(), budget);
                drained++;
            }
            assertThat(queue).as("the walks end").isEmpty();
            settled = swept.complete() && drained == 0;
            rounds++;
        }
        assertThat(settled).as("the runs settle").isTrue();
        assertThat(passReadsWhileWalked).as("the pass read the index while a live reminder walk held a part").isEmpty();

        Instant end = now.get();
        Instant upper = ExpiryReminderPass.windowEnd(end, CHOICE, shop.zone());
        Set<String> expected = new HashSet<>();
        for (WalletRef w : refs) {
            for (Lot lot : parted.inner.wallet(w).lots().asList()) {
                Instant at = lot.expiresAt().orElseThrow();
                if (at.isAfter(end) && at.isBefore(upper) && lot.amount() > 0) {
                    expected.add("N#" + w.wallet() + "#REMIND#" + at.getEpochSecond() + "/" + w.member().value());
                }
            }
        }
        Set<String> reminded = new HashSet<>();
        for (ExpiryReminder r : markers.all()) {
            reminded.add(r.operationId().value() + "/" + r.wallet().member().value());
            assertThat(r.expiresAt()).as("reminded inside a window").isAfter(FIRST_RUN).isBefore(upper);
        }
        assertThat(reminded).as("one marker per lot in the window").isEqualTo(expected);
        assertThat(created.values()).as("each marker created once").allMatch(n -> n == 1);
        for (int i = 0; i < wallets; i += 4) {
            long expiries = parted.inner.history(refs.get(i), PageRequest.first(100)).items().stream()
                    .filter(e -> e.kind() == EntryKind.EXPIRE).count();
            assertThat(expiries).as("expiries of m%d", i).isEqualTo(1);
        }
    }
}
