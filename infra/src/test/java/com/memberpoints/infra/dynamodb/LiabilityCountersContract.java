package com.memberpoints.infra.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.domain.inmemory.InMemoryLedgerStore;
import com.memberpoints.domain.ledger.JournalEntry;
import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.ledger.LedgerResult;
import com.memberpoints.domain.ledger.Lot;
import com.memberpoints.domain.ledger.Wallet;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.domain.liability.CutOffs;
import com.memberpoints.domain.liability.LiabilityCounters;
import com.memberpoints.domain.liability.LiabilityTally;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * One contract for every {@link LiabilityCounters}: real ledger operations (on the in-memory ledger, the
 * reference) produce journal entries; each is recorded twice (the second is refused); the counters must then
 * equal what a full read of every wallet says — the sum of balances, and the lots in each expiry window — both as one
 * {@link LiabilityCounters#tally} over many cut-offs and as the single figures.
 */
abstract class LiabilityCountersContract {

    abstract LiabilityCounters counters();

    private final MerchantId shop = MerchantId.of("shop-" + UUID.randomUUID().toString().substring(0, 8));
    private final MerchantId other = MerchantId.of("other-" + UUID.randomUUID().toString().substring(0, 8));
    private final InMemoryLedgerStore ledger = new InMemoryLedgerStore();
    private final List<WalletRef> wallets = new ArrayList<>();
    static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");
    static final Instant PAST = Instant.parse("2026-11-20T15:59:59Z");
    static final Instant SOON = Instant.parse("2026-12-31T15:59:59Z");
    static final Instant LATER = Instant.parse("2027-02-28T15:59:59Z");
    static final Instant FAR = Instant.parse("2027-12-31T15:59:59Z");
    private final Actor bob = Actor.staff("bob");

    private JournalEntry apply(LedgerCommand command) {
        LedgerResult r = ledger.apply(command);
        assertThat(r).as(command.toString()).isInstanceOf(LedgerResult.Applied.class);
        if (!wallets.contains(command.wallet())) {
            wallets.add(command.wallet());
        }
        JournalEntry entry = ((LedgerResult.Applied) r).entry();
        assertThat(counters().record(entry)).as("first record").isTrue();
        assertThat(counters().record(entry)).as("repeat adds nothing").isFalse();
        return entry;
    }

    private WalletRef points(String member) {
        return WalletRef.points(shop, MemberId.of(member));
    }

    /** What a full read of every wallet says (the thing the counters replace). */
    private long truth(Wallet kind, Instant after, Instant upTo) {
        long sum = 0;
        for (WalletRef ref : wallets) {
            if (ref.wallet() != kind || !ref.merchant().equals(shop)) {
                continue;
            }
            for (Lot lot : ledger.wallet(ref).lots().asList()) {
                if (lot.expiresAt().isPresent() && lot.expiresAt().get().isAfter(after)
                        && !lot.expiresAt().get().isAfter(upTo)) {
                    sum += lot.amount();
                }
            }
        }
        return sum;
    }

    private long truthTotal(Wallet kind) {
        return wallets.stream().filter(w -> w.wallet() == kind && w.merchant().equals(shop))
                .mapToLong(w -> ledger.wallet(w).lots().total()).sum();
    }

    /** Cut-offs of one tally: before, on, inside and after bucket seconds, a repeat, far ahead. */
    static final CutOffs CUT_OFFS = CutOffs.of(PAST.minusSeconds(1), PAST, NOW, SOON.minusSeconds(1),
            SOON.minusNanos(1), SOON, SOON.plusNanos(999_999_999), SOON.plusNanos(999_999_999),
            NOW.plus(Duration.ofDays(90)), LATER, FAR);

    private void assertMatchesTheWallets() {
        LiabilityTally tally = counters().tally(shop, CUT_OFFS);
        assertThat(tally.cutOffs()).isEqualTo(CUT_OFFS);
        for (Wallet kind : Wallet.values()) {
            assertThat(tally.total(kind)).as("tally: total " + kind).isEqualTo(truthTotal(kind));
            assertThat(counters().tally(shop, CutOffs.NONE).total(kind)).as("tally of the totals alone")
                    .isEqualTo(truthTotal(kind));
            for (int i = 0; i < CUT_OFFS.size(); i++) {
                Instant upTo = CUT_OFFS.get(i);
                // lots expire on whole seconds: up to an instant inside a second is up to that second
                assertThat(tally.of(kind).expiringUpTo().get(i)).as("tally: " + kind + " up to " + upTo)
                        .isEqualTo(truth(kind, Instant.EPOCH.minusSeconds(1), upTo));
            }
        }
        for (Wallet kind : Wallet.values()) {
            assertThat(counters().total(shop, kind)).as("total " + kind).isEqualTo(truthTotal(kind));
            assertThat(counters().expiringUpTo(shop, kind, NOW)).as("expired " + kind)
                    .isEqualTo(truth(kind, Instant.EPOCH, NOW));
            for (Instant upTo : List.of(SOON, SOON.minusSeconds(1), LATER, FAR, NOW.plus(Duration.ofDays(90)))) {
                assertThat(counters().expiring(shop, kind, NOW, upTo)).as(kind + " up to " + upTo)
                        .isEqualTo(truth(kind, NOW, upTo));
            }
        }
    }

    @Test
    void countersEqualAFullReadOfTheWalletsAfterEveryKindOfChange() {
        apply(LedgerCommand.earn(shop, MemberId.of("amy"), OrderId.of("o-1"), 100, Optional.of(SOON), NOW));
        apply(LedgerCommand.earn(shop, MemberId.of("ben"), OrderId.of("o-2"), 50, Optional.of(LATER), NOW));
        apply(LedgerCommand.manualAdd(points("cy"), "k-1", 30, Optional.empty(), "gift", bob, NOW));
        apply(LedgerCommand.bulkCredit(points("amy"), "job-1", 20, Optional.of(LATER), "promo", bob, NOW));
        apply(LedgerCommand.earn(shop, MemberId.of("cy"), OrderId.of("o-3"), 40, Optional.of(PAST), PAST.minusSeconds(99)));
        apply(LedgerCommand.rewardCredit(shop, MemberId.of("ben"), OrderId.of("o-2"), 500, Optional.of(SOON), NOW));
        apply(LedgerCommand.rewardCredit(shop, MemberId.of("dee"), OrderId.of("o-4"), 250, Optional.of(FAR), NOW));
        // other merchant: never mixed in
        apply(LedgerCommand.earn(other, MemberId.of("amy"), OrderId.of("o-1"), 9_999, Optional.of(SOON), NOW));
        assertMatchesTheWallets();
        assertThat(counters().total(shop, Wallet.POINTS)).isEqualTo(240);
        assertThat(counters().expiringUpTo(shop, Wallet.POINTS, NOW)).isEqualTo(40);
        assertThat(counters().expiring(shop, Wallet.POINTS, NOW, SOON)).isEqualTo(100);
        assertThat(counters().expiring(shop, Wallet.CREDITS, NOW, LATER)).isEqualTo(500);

        // a redemption across two lots, a deduction, a revert, a held redemption, an earn correction
        apply(LedgerCommand.redeem(points("amy"), OrderId.of("o-9"), 110, false, NOW));
        apply(LedgerCommand.manualDeduct(points("ben"), "k-2", 10, "fix", bob, NOW));
        apply(LedgerCommand.redeem(points("ben"), OrderId.of("o-8"), 15, true, NOW));
        apply(LedgerCommand.revertRedemption(points("amy"), OrderId.of("o-9"), bob, NOW));
        apply(LedgerCommand.earnAdjust(shop, MemberId.of("ben"), OrderId.of("o-2"), "r2", -5, Optional.of(LATER), NOW));
        apply(LedgerCommand.redeem(WalletRef.credits(shop, MemberId.of("ben")), OrderId.of("o-7"), 120, false, NOW));
        assertMatchesTheWallets();

        // the sweep expires cy's past lot: it leaves the total and the "expired" figure
        apply(LedgerCommand.expire(points("cy"), PAST, NOW));
        assertMatchesTheWallets();
        assertThat(counters().expiringUpTo(shop, Wallet.POINTS, NOW)).isZero();
        assertThat(counters().total(other, Wallet.POINTS)).isEqualTo(9_999);
    }

    @Test
    void anEntryTouchingMoreExpiryInstantsThanOneTransactionHoldsIsCountedWholeAndOnce() {
        WalletRef credits = WalletRef.credits(shop, MemberId.of("eve"));
        for (int day = 1; day <= 130; day++) {
            apply(LedgerCommand.manualAdd(credits, "c-" + day, 3, Optional.of(NOW.plus(Duration.ofDays(day))
                    .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)), "credit", bob, NOW));
        }
        // one redemption takes from all 130 lots: 130 expiry buckets in one entry
        JournalEntry spend = apply(LedgerCommand.redeem(credits, OrderId.of("o-all"), 130 * 3 - 1, false, NOW));
        assertThat(spend.lots()).hasSize(130);
        assertMatchesTheWallets();
        assertThat(counters().total(shop, Wallet.CREDITS)).isEqualTo(1);
        assertThat(counters().expiring(shop, Wallet.CREDITS, NOW, NOW.plus(Duration.ofDays(200)))).isEqualTo(1);
    }
}
