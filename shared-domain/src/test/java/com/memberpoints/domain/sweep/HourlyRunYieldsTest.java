package com.memberpoints.domain.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.domain.inmemory.InMemoryExpiryWalkClaims;
import com.memberpoints.domain.inmemory.InMemoryExpiryWalkQueue;
import com.memberpoints.domain.inmemory.InMemoryMerchantStore;
import com.memberpoints.domain.inmemory.InMemorySettingsStore;
import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.order.OrderLifecycle;
import com.memberpoints.domain.testing.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The hourly run yields to live expiry walks (docs/decisions.md "S4 The hourly run yields to live walks"): while a
 * walk holds a part of a merchant's expiry index the run expires nothing of that merchant and says how many walks it
 * left the expiry to; it restarts a dead walk's part; once no walk is live it walks the index again, so what fell due
 * after the walks' instant is expired; an idle merchant costs no read of the claims.
 */
class HourlyRunYieldsTest {
    static final Instant DUE = Instant.parse("2026-12-31T23:59:59Z");
    static final Instant RUN = Instant.parse("2027-01-01T00:00:00Z");
    static final Duration STALE_AFTER = Duration.ofHours(2);
    static final ExpiryWalker.Budget UNLIMITED = new ExpiryWalker.Budget(Integer.MAX_VALUE,
            () -> Duration.ofMinutes(10), Duration.ofSeconds(30));
    static final ExpiryWalker.Budget ONE_PAGE = new ExpiryWalker.Budget(1, () -> Duration.ofMinutes(10),
            Duration.ofSeconds(30));

    final Merchant shop = Fixtures.merchant();
    final PartedLedgerStore parted = new PartedLedgerStore(4);
    final InMemoryExpiryWalkQueue queue = new InMemoryExpiryWalkQueue();
    final AtomicInteger claimReads = new AtomicInteger();
    final InMemoryExpiryWalkClaims claims = new InMemoryExpiryWalkClaims();
    final ExpiryWalkClaims countedClaims = new ExpiryWalkClaims() {
        @Override
        public boolean claim(MerchantId merchant, int part, Instant runAt, Instant now, Instant staleBefore) {
            return claims.claim(merchant, part, runAt, now, staleBefore);
        }

        @Override
        public boolean renew(MerchantId merchant, int part, Instant runAt, Instant now) {
            return claims.renew(merchant, part, runAt, now);
        }

        @Override
        public void release(MerchantId merchant, int part, Instant runAt) {
            claims.release(merchant, part, runAt);
        }

        @Override
        public List<Held> held(MerchantId merchant) {
            claimReads.incrementAndGet();
            return claims.held(merchant);
        }
    };
    final AtomicReference<Instant> now = new AtomicReference<>(RUN);
    final ExpiryWalker walker = new ExpiryWalker(parted.store, queue, countedClaims, now::get);
    final DailySweep sweep;

    HourlyRunYieldsTest() {
        InMemoryMerchantStore merchants = new InMemoryMerchantStore();
        merchants.save(shop);
        OrderLifecycle lifecycle = SweepFixtures.noOrders(parted.store, new InMemorySettingsStore(), merchants, now::get);
        sweep = new DailySweep(merchants, new LedgerSweeps(parted.store), lifecycle, now::get,
                SweepFixtures.limits(30))
                .withFanOut(new ExpiryFanOut(parted.store, queue, countedClaims, STALE_AFTER));
    }

    List<WalletRef> seed(int wallets, Instant expiresAt, String prefix) {
        List<WalletRef> refs = new ArrayList<>();
        for (int i = 0; i < wallets; i++) {
            WalletRef w = WalletRef.points(shop.id(), MemberId.of(prefix + i));
            parted.inner.apply(LedgerCommand.manualAdd(w, prefix + i, 10, Optional.of(expiresAt), "seed", Actor.SYSTEM,
                    DUE.minus(Duration.ofDays(300))));
            refs.add(w);
        }
        return refs;
    }

    DailySweep.MerchantResult.Swept runAt(Instant at) {
        now.set(at);
        return (DailySweep.MerchantResult.Swept) sweep.run().results().getFirst();
    }

    int calls(String method) {
        return parted.calls.getOrDefault(method, new AtomicInteger()).get();
    }

    void drain() {
        for (Optional<ExpiryWalk> w = queue.poll(); w.isPresent(); w = queue.poll()) {
            walker.walk(w.get(), UNLIMITED);
        }
    }

    @Test
    void whileWalksAreLive_theRunExpiresNothing_readsNoWallet_andSaysHowManyWalksItLeftTheExpiryTo() {
        List<WalletRef> refs = seed(600, DUE, "m");
        DailySweep.MerchantResult.Swept first = runAt(RUN);
        assertThat(first.walksStarted()).isEqualTo(4);
        assertThat(first.expiryLeftToWalks()).isZero();
        int applies = calls("apply");
        int walletReads = calls("wallet");

        DailySweep.MerchantResult.Swept next = runAt(RUN.plus(Duration.ofHours(1)));

        assertThat(next.expiryLeftToWalks()).isEqualTo(4);
        assertThat(next.expired().applied()).isZero();
        assertThat(next.expired().notApplicable()).isZero();
        assertThat(next.expired().complete()).isFalse();
        assertThat(next.complete()).isFalse();
        assertThat(next.walksStarted()).as("every part is live: nothing taken over").isZero();
        assertThat(calls("apply")).as("no expiry command of the run").isEqualTo(applies);
        assertThat(calls("wallet")).as("no wallet read by the run").isEqualTo(walletReads);
        assertThat(queue.size()).isEqualTo(4);

        drain();
        assertThat(refs).allMatch(w -> ExpiryWalkerTest.expiries(parted, w) == 1);
        DailySweep.MerchantResult.Swept after = runAt(RUN.plus(Duration.ofHours(2)));
        assertThat(after.expiryLeftToWalks()).isZero();
        assertThat(after.complete()).isTrue();
    }

    @Test
    void lotsDueAfterTheWalksInstant_areExpiredByTheFirstRunAfterTheWalksEnd() {
        List<WalletRef> backlog = seed(600, DUE, "m");
        List<WalletRef> later = seed(20, RUN.plus(Duration.ofMinutes(90)), "n"); // due after the walks' instant
        runAt(RUN);
        DailySweep.MerchantResult.Swept during = runAt(RUN.plus(Duration.ofHours(2)));
        assertThat(during.expiryLeftToWalks()).isEqualTo(4);
        assertThat(later).allMatch(w -> ExpiryWalkerTest.expiries(parted, w) == 0);

        drain(); // the walks expire what was due at their instant only
        assertThat(backlog).allMatch(w -> ExpiryWalkerTest.expiries(parted, w) == 1);
        assertThat(later).allMatch(w -> ExpiryWalkerTest.expiries(parted, w) == 0);

        DailySweep.MerchantResult.Swept after = runAt(RUN.plus(Duration.ofHours(3)));
        assertThat(after.expiryLeftToWalks()).isZero();
        assertThat(after.expired().applied()).isEqualTo(20);
        assertThat(after.complete()).isTrue();
        assertThat(later).allMatch(w -> ExpiryWalkerTest.expiries(parted, w) == 1);
        assertThat(backlog).allMatch(w -> ExpiryWalkerTest.expiries(parted, w) == 1);
    }

    @Test
    void aDeadWalkIsTakenOverByARunThatYieldsToTheOthers_andExpiryEndsOnceEveryWalkEnded() {
        List<WalletRef> refs = seed(600, DUE, "m");
        runAt(RUN);
        // An hour later parts 0, 1 and 3 make progress; part 2's message is lost (dead-letter queue).
        now.set(RUN.plus(Duration.ofHours(1)));
        ExpiryWalk dead = queue.waiting().stream().filter(w -> w.part() == 2).findFirst().orElseThrow();
        List<ExpiryWalk> firsts = List.copyOf(queue.waiting());
        while (queue.poll().isPresent()) {
            // taken off the queue; stepped below
        }
        for (ExpiryWalk w : firsts) {
            if (!w.equals(dead)) {
                assertThat(walker.walk(w, ONE_PAGE)).isInstanceOf(ExpiryWalker.Step.Continued.class);
            }
        }

        Instant later = RUN.plus(STALE_AFTER).plusSeconds(1); // part 2 stale, the others live
        DailySweep.MerchantResult.Swept run = runAt(later);

        assertThat(run.expiryLeftToWalks()).isEqualTo(3);
        assertThat(run.expired().applied()).isZero();
        assertThat(run.walksStarted()).as("the dead part restarted").isEqualTo(1);
        assertThat(claims.claimOf(shop.id(), 2).orElseThrow().runAt()).isEqualTo(later);
        assertThat(walker.walk(dead, UNLIMITED)).as("the dead walk's message, redriven late")
                .isInstanceOf(ExpiryWalker.Step.Superseded.class);

        drain();
        assertThat(refs).allMatch(w -> ExpiryWalkerTest.expiries(parted, w) == 1);
        assertThat(claims.held(shop.id())).isEmpty();
        DailySweep.MerchantResult.Swept after = runAt(later.plus(Duration.ofHours(1)));
        assertThat(after.complete()).isTrue();
        assertThat(after.expiryLeftToWalks()).isZero();
    }

    @Test
    void whenEveryWalkDied_theRunWalksTheIndexItselfAgain_andFansOutOverTheStaleParts() {
        seed(600, DUE, "m");
        runAt(RUN);
        while (queue.poll().isPresent()) {
            // every message dead-lettered
        }
        DailySweep.MerchantResult.Swept run = runAt(RUN.plus(STALE_AFTER).plusSeconds(1));
        assertThat(run.expiryLeftToWalks()).isZero();
        assertThat(run.expired().applied()).isEqualTo(30);
        assertThat(run.walksStarted()).isEqualTo(4);
        drain();
        assertThat(runAt(RUN.plus(Duration.ofHours(4))).complete()).isTrue();
    }

    @Test
    void anIdleMerchantCostsNoReadOfTheClaims_andAMerchantWithWorkOneRead() {
        runAt(RUN);
        runAt(RUN.plus(Duration.ofHours(1)));
        assertThat(claimReads).as("nothing due").hasValue(0);

        seed(5, RUN.plus(Duration.ofMinutes(30)), "m");
        DailySweep.MerchantResult.Swept run = runAt(RUN.plus(Duration.ofHours(2)));
        assertThat(run.expired().applied()).isEqualTo(5);
        assertThat(claimReads).hasValue(1);
    }

    @Test
    void withoutTheFanOut_theRunNeverAsksTheClaims_andKeepsExpiringAtItsCap() {
        seed(100, DUE, "m");
        claims.claim(shop.id(), 0, RUN, RUN, RUN.minus(STALE_AFTER)); // a claim nobody of this sweep reads
        InMemoryMerchantStore merchants = new InMemoryMerchantStore();
        merchants.save(shop);
        OrderLifecycle lifecycle = SweepFixtures.noOrders(parted.store, new InMemorySettingsStore(), merchants, now::get);
        DailySweep plain = new DailySweep(merchants, new LedgerSweeps(parted.store), lifecycle, now::get,
                SweepFixtures.limits(30));
        DailySweep.MerchantResult.Swept run = (DailySweep.MerchantResult.Swept) plain.run().results().getFirst();
        assertThat(run.expired().applied()).isEqualTo(30);
        assertThat(run.expiryLeftToWalks()).isZero();
        assertThat(claimReads).hasValue(0);
    }
}
