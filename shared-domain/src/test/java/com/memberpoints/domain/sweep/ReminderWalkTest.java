package com.memberpoints.domain.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.memberpoints.domain.inmemory.InMemoryExpiryReminderStore;
import com.memberpoints.domain.inmemory.InMemoryExpiryWalkClaims;
import com.memberpoints.domain.inmemory.InMemoryExpiryWalkQueue;
import com.memberpoints.domain.inmemory.InMemoryMerchantStore;
import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.notify.ExpiryReminder;
import com.memberpoints.domain.notify.ExpiryReminderPass;
import com.memberpoints.domain.notify.ReminderProgress;
import com.memberpoints.domain.order.OrderLifecycle;
import com.memberpoints.domain.settings.ExpiryReminders;
import com.memberpoints.domain.settings.MerchantSettings;
import com.memberpoints.domain.settings.SettingsStore;
import com.memberpoints.domain.testing.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Reminder walks (issue 16 change 7b): the reminder pass fanned out over the expiry index's parts. */
class ReminderWalkTest {
    static final Instant RUN = Instant.parse("2027-01-01T00:00:00Z");
    static final Instant SOON = RUN.plus(Duration.ofDays(10));
    static final Instant LATER = RUN.plus(Duration.ofDays(200));
    static final ExpiryWalker.Budget UNLIMITED = new ExpiryWalker.Budget(Integer.MAX_VALUE,
            () -> Duration.ofMinutes(10), Duration.ofSeconds(30));

    final Merchant shop = Fixtures.merchant();
    final PartedLedgerStore parted = new PartedLedgerStore(4);
    final InMemoryExpiryWalkQueue queue = new InMemoryExpiryWalkQueue();
    final InMemoryExpiryWalkClaims claims = new InMemoryExpiryWalkClaims();
    final InMemoryExpiryReminderStore markers = new InMemoryExpiryReminderStore();
    final InMemoryMerchantStore merchants = new InMemoryMerchantStore();
    final AtomicReference<Instant> now = new AtomicReference<>(RUN);
    final ExpiryFanOut fanOut = new ExpiryFanOut(parted.store, queue, claims, Duration.ofHours(2));

    ReminderWalkTest() {
        merchants.save(shop);
    }

    ExpiryReminderPass pass(boolean enabled) {
        SettingsStore settings = Fixtures.readOnlyPort(SettingsStore.class, Optional.of(MerchantSettings.defaults()
                .withExpiryReminders(new ExpiryReminders(enabled, 14, true, true))));
        return new ExpiryReminderPass(merchants, settings, parted.store, markers);
    }

    ExpiryWalker walker(ExpiryReminderPass pass) {
        return new ExpiryWalker(parted.store, queue, claims, now::get, pass);
    }

    List<WalletRef> seed(int wallets) {
        List<WalletRef> refs = new ArrayList<>();
        for (int i = 0; i < wallets; i++) {
            WalletRef w = WalletRef.points(shop.id(), MemberId.of("m" + i));
            parted.inner.apply(LedgerCommand.manualAdd(w, "soon" + i, 10, Optional.of(SOON), "seed", Actor.SYSTEM,
                    RUN.minus(Duration.ofDays(300))));
            parted.inner.apply(LedgerCommand.manualAdd(w, "later" + i, 5, Optional.of(LATER), "seed", Actor.SYSTEM,
                    RUN.minus(Duration.ofDays(300))));
            refs.add(w);
        }
        return refs;
    }

    DailySweep sweep(ExpiryReminderPass pass, int maxItems) {
        OrderLifecycle lifecycle = SweepFixtures.noOrders(parted.store, Fixtures.readOnlyPort(SettingsStore.class, Optional.empty()), merchants, now::get);
        return new DailySweep(merchants, new LedgerSweeps(parted.store), lifecycle, now::get,
                SweepFixtures.limits(maxItems), pass).withFanOut(fanOut);
    }

    void drain(ExpiryWalker walker) {
        while (queue.size() > 0) {
            walker.walk(queue.poll().orElseThrow(), UNLIMITED);
        }
    }

    @Test
    void aPassStoppedAtItsCap_fansOutAReminderWalkPerPart_andHandsItsWindowOverToThem() {
        List<WalletRef> refs = seed(250); // more than the pass's page: it stops at its cap
        ExpiryReminderPass pass = pass(true);
        DailySweep.MerchantResult.Swept swept = (DailySweep.MerchantResult.Swept) sweep(pass, 25).run().results()
                .getFirst();

        assertThat(swept.reminded().complete()).isFalse();
        assertThat(swept.reminderWalksStarted()).isEqualTo(4);
        assertThat(swept.walksStarted()).isZero();
        assertThat(queue.waiting()).extracting(ExpiryWalk::kind).containsOnly(ExpiryWalk.Kind.REMIND);
        assertThat(queue.waiting()).extracting(ExpiryWalk::part).containsExactlyInAnyOrder(0, 1, 2, 3);
        Instant upper = ExpiryReminderPass.windowEnd(RUN, new ExpiryReminders(true, 14, true, true), shop.zone());
        assertThat(markers.progress(shop.id())).contains(ReminderProgress.upTo(upper));

        drain(walker(pass));
        assertThat(markers.all()).hasSize(250).allMatch(r -> r.expiresAt().equals(SOON) && r.amount() == 10
                && r.decidedAt().equals(RUN) && r.daysBefore() == 14);
        assertThat(refs).allMatch(w -> markers.find(w, SOON).isPresent() && markers.find(w, LATER).isEmpty());
        for (int part = 0; part < 4; part++) {
            assertThat(claims.claimOf(shop.id(), ExpiryWalk.claimSlot(ExpiryWalk.Kind.REMIND, part))).isEmpty();
        }
        DailySweep.MerchantResult.Swept next = (DailySweep.MerchantResult.Swept) sweep(pass, 25).run().results()
                .getFirst();
        assertThat(next.reminded().walletsRead()).as("the next pass starts after the handed-over window").isZero();
        assertThat(next.reminderWalksStarted()).isZero();
    }

    @Test
    void budgetStops_redeliveries_andDuplicates_writeEachMarkerOnce() {
        seed(450); // more than a page per part: the walks continue
        ExpiryReminderPass pass = pass(true);
        ExpiryWalker walker = walker(pass);
        assertThat(fanOut.start(ExpiryWalk.Kind.REMIND, shop.id(), RUN)).isEqualTo(4);
        ExpiryWalker.Budget small = new ExpiryWalker.Budget(1, () -> Duration.ofMinutes(10), Duration.ofSeconds(30));
        int created = 0;
        int again = 0;
        int continued = 0;
        while (queue.size() > 0) {
            ExpiryWalk message = queue.poll().orElseThrow();
            parted.callsBeforeFailure.set(1); // the page and one wallet read, then throttled
            try {
                assertThat(walker.walk(message, small)).isInstanceOf(ExpiryWalker.Step.Superseded.class);
                continue; // a duplicate of a finished walk: no store call at all
            } catch (PartedLedgerStore.Throttled e) {
                // redelivered below
            } finally {
                parted.callsBeforeFailure.set(-1);
            }
            for (int delivery = 0; delivery < 2; delivery++) { // the redelivery, then a duplicate of it
                switch (walker.walk(message, small)) {
                    case ExpiryWalker.Step.Finished f -> {
                        created += f.expired();
                        again += f.notApplicable();
                    }
                    case ExpiryWalker.Step.Continued c -> {
                        created += c.expired();
                        again += c.notApplicable();
                        continued++;
                    }
                    case ExpiryWalker.Step.Superseded s -> assertThat(delivery).isEqualTo(1);
                }
            }
        }
        assertThat(continued).as("budget stops").isPositive();
        assertThat(created).isEqualTo(450);
        assertThat(again).as("wallets met again after a redelivery or a duplicate").isPositive();
        assertThat(markers.all()).hasSize(450).extracting(ExpiryReminder::expiresAt).containsOnly(SOON);
    }

    @Test
    void expiryWalksAndReminderWalksOfTheSamePart_doNotBlockEachOther() {
        assertThat(fanOut.start(shop.id(), RUN)).isEqualTo(4);
        assertThat(fanOut.start(ExpiryWalk.Kind.REMIND, shop.id(), RUN)).isEqualTo(4);
        assertThat(fanOut.start(ExpiryWalk.Kind.REMIND, shop.id(), RUN.plusSeconds(60))).as("held").isZero();
        assertThat(fanOut.start(shop.id(), RUN.plusSeconds(60))).as("held").isZero();
        assertThat(queue.waiting()).hasSize(8);
        ExpiryWalker walker = walker(pass(true));
        drain(walker);
        assertThat(fanOut.start(ExpiryWalk.Kind.REMIND, shop.id(), RUN.plusSeconds(120))).isEqualTo(4);
    }

    @Test
    void aWalletListedByAnOverdueLotNotYetExpired_isStillReminded() {
        WalletRef w = WalletRef.points(shop.id(), MemberId.of("late"));
        parted.inner.apply(LedgerCommand.manualAdd(w, "overdue", 3, Optional.of(RUN.minusSeconds(3600)), "seed",
                Actor.SYSTEM, RUN.minus(Duration.ofDays(300))));
        parted.inner.apply(LedgerCommand.manualAdd(w, "soon", 10, Optional.of(SOON), "seed", Actor.SYSTEM,
                RUN.minus(Duration.ofDays(300))));
        fanOut.start(ExpiryWalk.Kind.REMIND, shop.id(), RUN);
        drain(walker(pass(true)));
        assertThat(markers.all()).singleElement().satisfies(r -> {
            assertThat(r.expiresAt()).isEqualTo(SOON);
            assertThat(r.amount()).isEqualTo(10);
        });
    }

    @Test
    void remindersTurnedOffSinceTheRun_finishTheWalkWithNothingWritten() {
        seed(10);
        fanOut.start(ExpiryWalk.Kind.REMIND, shop.id(), RUN);
        ExpiryWalker walker = walker(pass(false));
        ExpiryWalk first = queue.poll().orElseThrow();
        assertThat(walker.walk(first, UNLIMITED)).isEqualTo(new ExpiryWalker.Step.Finished(first, 0, 0, 0));
        assertThat(claims.claimOf(shop.id(), first.claimSlot())).isEmpty();
        assertThat(markers.all()).isEmpty();
    }

    @Test
    void aWorkerWithoutThePass_refusesAReminderWalk_soItIsRetriedThenDeadLettered() {
        fanOut.start(ExpiryWalk.Kind.REMIND, shop.id(), RUN);
        ExpiryWalker expiryOnly = new ExpiryWalker(parted.store, queue, claims, now::get);
        assertThatThrownBy(() -> expiryOnly.walk(queue.poll().orElseThrow(), UNLIMITED)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void whileAnEarlierRunsReminderWalkHoldsAPart_thePassYields_keepsItsProgress_andRunsOnceTheWalkEnds() {
        seed(250);
        ExpiryReminderPass pass = pass(true);
        int slot = ExpiryWalk.claimSlot(ExpiryWalk.Kind.REMIND, 2);
        assertThat(claims.claim(shop.id(), slot, RUN.minusSeconds(600), RUN, RUN.minus(Duration.ofHours(2)))).isTrue();
        DailySweep.MerchantResult.Swept swept = (DailySweep.MerchantResult.Swept) sweep(pass, 25).run().results()
                .getFirst();
        assertThat(swept.remindersLeftToWalks()).isEqualTo(1);
        assertThat(swept.reminded().walletsRead()).as("the pass read nothing").isZero();
        assertThat(swept.reminded().complete()).isFalse();
        assertThat(swept.reminderWalksStarted()).isZero();
        assertThat(queue.size()).isZero();
        assertThat(markers.all()).isEmpty();
        assertThat(markers.progress(shop.id())).isEmpty();

        claims.release(shop.id(), slot, RUN.minusSeconds(600)); // that walk ended
        now.set(RUN.plus(Duration.ofHours(1)));
        DailySweep.MerchantResult.Swept next = (DailySweep.MerchantResult.Swept) sweep(pass, 25).run().results()
                .getFirst();
        assertThat(next.remindersLeftToWalks()).isZero();
        assertThat(next.reminded().walletsRead()).as("a page, past its cap of 25").isEqualTo(100);
        assertThat(next.reminderWalksStarted()).isEqualTo(4);
        Instant upper = ExpiryReminderPass.windowEnd(now.get(), new ExpiryReminders(true, 14, true, true), shop.zone());
        assertThat(markers.progress(shop.id())).contains(ReminderProgress.upTo(upper));
    }

    @Test
    void aReminderWalkThatDiedAfterTheHandOver_isRestartedByTheFirstPassThatReadsAgain_andNothingIsRemindedTwice() {
        List<WalletRef> refs = seed(250);
        ExpiryReminderPass pass = pass(true);
        DailySweep.MerchantResult.Swept first = (DailySweep.MerchantResult.Swept) sweep(pass, 25).run().results()
                .getFirst();
        assertThat(first.reminderWalksStarted()).isEqualTo(4);
        ExpiryWalk dead = queue.waiting().stream().filter(w -> w.part() == 2).findFirst().orElseThrow();
        ExpiryWalker walker = walker(pass);
        while (queue.size() > 0) {
            ExpiryWalk w = queue.poll().orElseThrow();
            if (!w.equals(dead)) { // part 2's message went to the dead-letter queue
                walker.walk(w, UNLIMITED);
            }
        }
        now.set(RUN.plus(Duration.ofHours(1))); // handed over: the pass has nothing to read, the dead walk is not seen
        DailySweep.MerchantResult.Swept idle = (DailySweep.MerchantResult.Swept) sweep(pass, 25).run().results()
                .getFirst();
        assertThat(idle.reminderWalksStarted()).isZero();
        assertThat(idle.remindersLeftToWalks()).isZero();

        now.set(RUN.plus(Duration.ofDays(1))); // the store's next local day: the window grows, the pass reads again
        DailySweep.MerchantResult.Swept next = (DailySweep.MerchantResult.Swept) sweep(pass, 25).run().results()
                .getFirst();
        assertThat(next.remindersLeftToWalks()).as("the stale claim is not a live walk").isZero();
        assertThat(next.reminderWalksStarted()).as("part 2 taken over").isEqualTo(1);
        assertThat(claims.claimOf(shop.id(), ExpiryWalk.claimSlot(ExpiryWalk.Kind.REMIND, 2)).orElseThrow().runAt())
                .isEqualTo(now.get());
        drain(walker);
        assertThat(refs).allMatch(w -> markers.find(w, SOON).isPresent());
        assertThat(markers.all()).hasSize(250);
    }

    /**
     * The model input of docs/scale.md "Reminder wave": a reminder walk makes 2 store calls per marker (the wallet
     * read and the conditional put), plus one index page per 100 wallets — the expiry walk's shape (2 calls per lot),
     * so a reminder walker writes markers at the expiry walker's measured rate.
     */
    @Test
    void aReminderWalkMakesTwoStoreCallsPerMarker_plusAPagePerHundredWallets() {
        seed(1_000);
        java.util.Map<String, Integer> calls = new java.util.TreeMap<>();
        com.memberpoints.domain.ledger.LedgerStore counted = (com.memberpoints.domain.ledger.LedgerStore)
                java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                        new Class<?>[] {com.memberpoints.domain.ledger.LedgerStore.class}, (p, method, args) -> {
                            calls.merge(method.getName(), 1, Integer::sum);
                            try {
                                return method.invoke(parted.store, args);
                            } catch (java.lang.reflect.InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
        int[] puts = new int[1];
        com.memberpoints.domain.notify.ExpiryReminderStore countedMarkers =
                new com.memberpoints.domain.notify.ExpiryReminderStore() {
                    @Override
                    public Recorded record(ExpiryReminder reminder) {
                        puts[0]++;
                        return markers.record(reminder);
                    }

                    @Override
                    public Optional<ExpiryReminder> find(WalletRef wallet, Instant expiresAt) {
                        return markers.find(wallet, expiresAt);
                    }

                    @Override
                    public Optional<ReminderProgress> progress(com.memberpoints.domain.model.MerchantId merchant) {
                        return markers.progress(merchant);
                    }

                    @Override
                    public void saveProgress(com.memberpoints.domain.model.MerchantId merchant, ReminderProgress p) {
                        markers.saveProgress(merchant, p);
                    }
                };
        SettingsStore settings = Fixtures.readOnlyPort(SettingsStore.class, Optional.of(MerchantSettings.defaults()
                .withExpiryReminders(new ExpiryReminders(true, 14, true, true))));
        ExpiryWalker walker = new ExpiryWalker(counted, queue, claims, now::get,
                new ExpiryReminderPass(merchants, settings, counted, countedMarkers));
        fanOut.start(ExpiryWalk.Kind.REMIND, shop.id(), RUN);
        calls.clear();
        drain(walker);

        assertThat(markers.all()).hasSize(1_000);
        assertThat(calls.get("wallet")).as("one wallet read per wallet").isEqualTo(1_000);
        assertThat(puts[0]).as("one conditional put per lot in the window").isEqualTo(1_000);
        int pages = calls.get("expiring");
        assertThat(pages).as("pages of 100 per part").isBetween(1_000 / ExpiryWalker.PAGE, 1_000 / ExpiryWalker.PAGE + 4);
        double perMarker = (calls.values().stream().mapToInt(Integer::intValue).sum() + puts[0]) / 1_000.0;
        assertThat(perMarker).as("store calls per marker").isBetween(2.0, 2.02);
    }
}
