package com.memberpoints.domain.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.memberpoints.domain.inmemory.InMemoryExpiryWalkClaims;
import com.memberpoints.domain.inmemory.InMemoryExpiryWalkQueue;
import com.memberpoints.domain.inmemory.InMemoryMerchantStore;
import com.memberpoints.domain.inmemory.InMemorySettingsStore;
import com.memberpoints.domain.ledger.EntryKind;
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
import org.junit.jupiter.api.Test;

/** The fanned-out expiry (issue 16 change 7): fan-out, walks, budget stops, redelivery, duplicates, claims. */
class ExpiryWalkerTest {
    static final Instant DUE = Instant.parse("2026-12-31T23:59:59Z");
    static final Instant RUN = Instant.parse("2027-01-01T00:00:00Z");
    static final ExpiryWalker.Budget UNLIMITED = new ExpiryWalker.Budget(Integer.MAX_VALUE,
            () -> Duration.ofMinutes(10), Duration.ofSeconds(30));

    final Merchant shop = Fixtures.merchant();
    final PartedLedgerStore parted = new PartedLedgerStore(4);
    final InMemoryExpiryWalkQueue queue = new InMemoryExpiryWalkQueue();
    final InMemoryExpiryWalkClaims claims = new InMemoryExpiryWalkClaims();
    final AtomicReference<Instant> now = new AtomicReference<>(RUN);
    final ExpiryWalker walker = new ExpiryWalker(parted.store, queue, claims, now::get);
    final ExpiryFanOut fanOut = new ExpiryFanOut(parted.store, queue, claims, Duration.ofHours(2));

    List<WalletRef> seed(int wallets) {
        List<WalletRef> refs = new ArrayList<>();
        for (int i = 0; i < wallets; i++) {
            WalletRef w = WalletRef.points(shop.id(), MemberId.of("m" + i));
            parted.inner.apply(LedgerCommand.manualAdd(w, "due" + i, 10, Optional.of(DUE), "seed", Actor.SYSTEM,
                    DUE.minus(Duration.ofDays(300))));
            parted.inner.apply(LedgerCommand.manualAdd(w, "later" + i, 5, Optional.of(DUE.plus(Duration.ofDays(365))),
                    "seed", Actor.SYSTEM, DUE.minus(Duration.ofDays(300))));
            refs.add(w);
        }
        return refs;
    }

    static long expiries(PartedLedgerStore s, WalletRef w) {
        return s.inner.history(w, PageRequest.first(100)).items().stream().filter(e -> e.kind() == EntryKind.EXPIRE)
                .count();
    }

    List<ExpiryWalker.Step> drain(ExpiryWalker.Budget budget) {
        List<ExpiryWalker.Step> steps = new ArrayList<>();
        for (Optional<ExpiryWalk> w = queue.poll(); w.isPresent(); w = queue.poll()) {
            steps.add(walker.walk(w.get(), budget));
        }
        return steps;
    }

    @Test
    void theHourlyRunFansOutWhenItsExpiryStopsAtTheCap_andTheWalksExpireEveryDueLotOnce() {
        List<WalletRef> wallets = seed(600);
        InMemoryMerchantStore merchants = new InMemoryMerchantStore();
        merchants.save(shop);
        OrderLifecycle lifecycle = SweepFixtures.noOrders(parted.store, new InMemorySettingsStore(), merchants, now::get);
        DailySweep sweep = new DailySweep(merchants, new LedgerSweeps(parted.store), lifecycle, now::get,
                SweepFixtures.limits(30)).withFanOut(fanOut);

        DailySweep.MerchantResult.Swept swept = (DailySweep.MerchantResult.Swept) sweep.run().results().getFirst();

        assertThat(swept.expired().complete()).isFalse();
        assertThat(swept.expired().applied()).isEqualTo(30);
        assertThat(swept.walksStarted()).isEqualTo(4);
        assertThat(queue.waiting()).extracting(ExpiryWalk::part).containsExactly(0, 1, 2, 3);
        assertThat(queue.waiting()).allMatch(w -> w.runAt().equals(RUN) && w.cursor().isEmpty());

        List<ExpiryWalker.Step> steps = drain(new ExpiryWalker.Budget(40, () -> Duration.ofMinutes(10),
                Duration.ofSeconds(30)));

        assertThat(steps).anyMatch(s -> s instanceof ExpiryWalker.Step.Continued);
        assertThat(steps).filteredOn(s -> s instanceof ExpiryWalker.Step.Finished).hasSize(4);
        assertThat(wallets).allMatch(w -> expiries(parted, w) == 1);
        assertThat(wallets).allMatch(w -> parted.inner.wallet(w).available(RUN) == 5);
        assertThat(claims.claimOf(shop.id(), 0)).isEmpty();
    }

    @Test
    void aCompleteExpiryStartsNoWalk() {
        seed(3);
        assertThat(new LedgerSweeps(parted.store).expireDue(shop.id(), RUN, 30).complete()).isTrue();
        assertThat(queue.size()).isZero();
    }

    @Test
    void anOverlappingRunLeavesClaimedPartsToTheirWalk_untilTheClaimIsStale() {
        seed(500);
        assertThat(fanOut.start(shop.id(), RUN)).isEqualTo(4);
        Instant nextHour = RUN.plus(Duration.ofHours(1));
        assertThat(fanOut.start(shop.id(), nextHour)).isZero();
        assertThat(queue.size()).isEqualTo(4);

        // Part 0's walk made progress an hour later; the others did not (their messages died).
        now.set(RUN.plus(Duration.ofHours(1)));
        assertThat(walker.walk(queue.poll().orElseThrow(), new ExpiryWalker.Budget(1, () -> Duration.ZERO,
                Duration.ZERO))).isInstanceOf(ExpiryWalker.Step.Continued.class);
        Instant later = RUN.plus(Duration.ofHours(2)).plusSeconds(1);
        int taken = fanOut.start(shop.id(), later);

        assertThat(taken).isEqualTo(3);
        assertThat(claims.claimOf(shop.id(), 1).orElseThrow().runAt()).isEqualTo(later);
        // The old run's walk of a part taken over stops at its next message.
        ExpiryWalk old = queue.waiting().stream().filter(w -> w.runAt().equals(RUN) && w.part() == 1).findFirst()
                .orElseThrow();
        assertThat(walker.walk(old, UNLIMITED)).isInstanceOf(ExpiryWalker.Step.Superseded.class);
    }

    @Test
    void aStepStopsAtItsBudgetOnAPageBoundary_andItsContinuationResumesFromTheCursor() {
        PartedLedgerStore one = new PartedLedgerStore(1);
        ExpiryWalker w = new ExpiryWalker(one.store, queue, claims, now::get);
        for (int i = 0; i < 250; i++) {
            one.inner.apply(LedgerCommand.manualAdd(WalletRef.points(shop.id(), MemberId.of("m" + i)), "d" + i, 10,
                    Optional.of(DUE), "seed", Actor.SYSTEM, DUE.minus(Duration.ofDays(1))));
        }
        new ExpiryFanOut(one.store, queue, claims, Duration.ofHours(2)).start(shop.id(), RUN);

        ExpiryWalker.Step first = w.walk(queue.poll().orElseThrow(),
                new ExpiryWalker.Budget(150, () -> Duration.ofMinutes(5), Duration.ofSeconds(30)));

        assertThat(first).isInstanceOf(ExpiryWalker.Step.Continued.class);
        ExpiryWalker.Step.Continued c = (ExpiryWalker.Step.Continued) first;
        assertThat(c.wallets()).isEqualTo(200); // two pages of 100: the budget is checked between pages
        assertThat(c.expired()).isEqualTo(200);
        assertThat(queue.waiting()).containsExactly(c.next());
        assertThat(c.next().cursor()).isPresent();

        ExpiryWalker.Step second = w.walk(queue.poll().orElseThrow(), UNLIMITED);
        assertThat(second).isInstanceOf(ExpiryWalker.Step.Finished.class);
        assertThat(((ExpiryWalker.Step.Finished) second).expired()).isEqualTo(50);
    }

    @Test
    void aStepOutOfTimeStillWalksOnePage_soEveryWalkEnds() {
        seed(120);
        fanOut.start(shop.id(), RUN);
        List<ExpiryWalker.Step> steps = drain(new ExpiryWalker.Budget(1000, () -> Duration.ZERO,
                Duration.ofSeconds(30)));
        assertThat(steps).allMatch(s -> !(s instanceof ExpiryWalker.Step.Superseded));
        assertThat(steps.getLast()).isInstanceOf(ExpiryWalker.Step.Finished.class);
        assertThat(queue.size()).isZero();
    }

    @Test
    void aThrottledStepFails_andTheRedeliveredMessageResumesWithoutExpiringTwice() {
        List<WalletRef> wallets = seed(60);
        fanOut.start(shop.id(), RUN);
        ExpiryWalk message = queue.poll().orElseThrow();
        parted.callsBeforeFailure.set(9); // half-way through the page

        assertThatThrownBy(() -> walker.walk(message, UNLIMITED)).isInstanceOf(PartedLedgerStore.Throttled.class);
        ExpiryWalker.Step again = walker.walk(message, UNLIMITED); // SQS redelivers the same message

        assertThat(again).isInstanceOf(ExpiryWalker.Step.Finished.class);
        drain(UNLIMITED);
        assertThat(wallets).allMatch(w -> expiries(parted, w) == 1);
    }

    @Test
    void aDuplicateOfAFinishedWalkIsSuperseded_andExpiresNothing() {
        seed(20);
        fanOut.start(shop.id(), RUN);
        ExpiryWalk message = queue.waiting().getFirst();
        drain(UNLIMITED);
        assertThat(walker.walk(message, UNLIMITED)).isInstanceOf(ExpiryWalker.Step.Superseded.class);
        assertThat(walker.walk(new ExpiryWalk(shop.id(), 9, RUN, Optional.empty()), UNLIMITED))
                .isInstanceOf(ExpiryWalker.Step.Superseded.class);
    }

    @Test
    void aQueueThatRefusesTheWalksFreesTheirClaims() {
        seed(5);
        ExpiryFanOut refusing = new ExpiryFanOut(parted.store, walks -> {
            throw new ExpiryWalkQueue.ExpiryWalkQueueException("refused (test)", null);
        }, claims, Duration.ofHours(2));
        assertThatThrownBy(() -> refusing.start(shop.id(), RUN)).isInstanceOf(
                ExpiryWalkQueue.ExpiryWalkQueueException.class);
        assertThat(claims.claimOf(shop.id(), 0)).isEmpty();
        assertThat(fanOut.start(shop.id(), RUN)).isEqualTo(4);
    }
}
