package com.memberpoints.domain.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.OrderId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The lot cap of a wallet (issue 13 C, "a wallet can become unwritable"): which lots merge, and what the entry says. */
class LotCapTest {
    private static final int CAP = Lots.MAX_EXPIRING_LOTS;
    /** Lots 1 ... CAP days after this instant; the rules would put them at 23:59:59 local, any instant will do. */
    private static final Instant DAY0 = Instant.parse("2030-01-01T15:59:59Z");
    private static final Instant NOW = Instant.parse("2029-06-01T00:00:00Z");
    private static final WalletRef POINTS = WalletRef.points(MerchantId.of("shop"), MemberId.of("ann"));
    private static final Optional<Instant> NEVER = Optional.empty();

    private static Optional<Instant> day(long days) {
        return Optional.of(DAY0.plus(Duration.ofDays(days)));
    }

    /** A wallet with one lot on each of the given days, 10 units each, plus 5 never-expiring. */
    private static Lots lotsOnDays(long fromDay, long toDayInclusive, long stepDays) {
        List<Lot> lots = new ArrayList<>();
        for (long d = fromDay; d <= toDayInclusive; d += stepDays) {
            lots.add(new Lot(day(d), 10));
        }
        lots.add(new Lot(NEVER, 5));
        return Lots.of(lots);
    }

    private static Lots full() {
        Lots lots = lotsOnDays(1, CAP, 1);
        assertThat(lots.expiringCount()).isEqualTo(CAP);
        return lots;
    }

    @Test
    void belowTheCapEveryUnitKeepsItsOwnExpiry() {
        Lots lots = lotsOnDays(1, CAP - 1, 1);
        Lots.Addition added = lots.add(List.of(new LotChange(day(5000), 7)), NOW);
        assertThat(added.changes()).containsExactly(new LotChange(day(5000), 7));
        assertThat(added.lots().expiringCount()).isEqualTo(CAP);
        assertThat(added.lots()).isEqualTo(lots.apply(List.of(new LotChange(day(5000), 7))));
    }

    @Test
    void anExistingLotOrTheNeverExpiringLotTakesUnitsEvenAtTheCap() {
        Lots lots = full();
        assertThat(lots.add(List.of(new LotChange(day(17), 3)), NOW).changes()).containsExactly(new LotChange(day(17), 3));
        Lots.Addition never = lots.add(List.of(new LotChange(NEVER, 3)), NOW);
        assertThat(never.changes()).containsExactly(new LotChange(NEVER, 3));
        assertThat(never.lots().expiringCount()).isEqualTo(CAP);
    }

    @Test
    void atTheCapANewExpiryJoinsTheNearestEarlierLotSoItNeverGainsValidity() {
        Lots lots = lotsOnDays(2, 2 * CAP, 2); // every other day: 1,000 lots
        Lots.Addition added = lots.add(List.of(new LotChange(day(101), 7)), NOW);
        assertThat(added.changes()).containsExactly(new LotChange(day(100), 7));
        assertThat(added.lots().amountAt(day(100))).isEqualTo(17);
        assertThat(added.lots().amountAt(day(101))).isZero();
        assertThat(added.lots().expiringCount()).isEqualTo(CAP);
    }

    @Test
    void anExpiryBeforeEveryLotMergesTheTwoClosestLotsIntoTheEarlier() {
        // Lots every 10 days except one pair a day apart (days 500 and 501): that pair merges, the credit keeps its day.
        List<Lot> list = new ArrayList<>();
        for (long d = 10; list.size() < CAP - 1; d += 10) {
            list.add(new Lot(day(d), 10));
        }
        list.add(new Lot(day(501), 4));
        Lots lots = Lots.of(list);
        assertThat(lots.expiringCount()).isEqualTo(CAP);
        Lots.Addition added = lots.add(List.of(new LotChange(day(3), 7)), NOW);
        assertThat(added.changes()).containsExactly(
                new LotChange(day(3), 7), new LotChange(day(500), 4), new LotChange(day(501), -4));
        assertThat(added.lots().amountAt(day(500))).isEqualTo(14);
        assertThat(added.lots().expiringCount()).isEqualTo(CAP);
        assertThat(lots.apply(added.changes())).isEqualTo(added.lots());
    }

    @Test
    void validUnitsNeverJoinALotAlreadyPastItsExpiry() {
        // Day 1 is already past at 'at'; every other lot is still valid. A credit for day 2 would join day 1 (nearest
        // earlier), which has expired: instead days 2 and 3 (the closest valid pair) merge into day 2.
        Lots lots = Lots.of(List.of(new Lot(day(1), 10)))
                .apply(lotsOnDays(3, CAP + 1, 1).asList().stream().map(l -> new LotChange(l.expiresAt(), l.amount()))
                        .toList());
        assertThat(lots.expiringCount()).isEqualTo(CAP);
        Instant at = day(1).orElseThrow().plusSeconds(60);
        Lots.Addition added = lots.add(List.of(new LotChange(day(2), 7)), at);
        assertThat(added.changes()).containsExactly(new LotChange(day(2), 17), new LotChange(day(3), -10));
        assertThat(added.lots().available(at)).isEqualTo(lots.available(at) + 7);
    }

    @Test
    void aWalletAlreadyPastTheCapNeverGrows() {
        Lots legacy = lotsOnDays(2, 2 * (CAP + 50), 2); // 1,050 lots, written before the cap
        Lots.Addition added = legacy.add(List.of(new LotChange(day(11), 7), new LotChange(day(4001), 1)), NOW);
        assertThat(added.changes()).containsExactly(new LotChange(day(10), 7), new LotChange(day(2100), 1));
        assertThat(added.lots().expiringCount()).isEqualTo(CAP + 50);
    }

    @Test
    void aCreditAtTheCapIsJournaledAtTheLotItJoined() {
        WalletState state = new WalletState(POINTS, 40, lotsOnDays(2, 2 * CAP, 2));
        LedgerCommand credit = LedgerCommand.manualAdd(POINTS, "r-1", 7, day(101), "goodwill", Actor.staff("bob"), NOW);
        LedgerDecision.Write write = (LedgerDecision.Write) LedgerDecision.decide(credit, state, Optional.empty());
        assertThat(write.entry().lots()).containsExactly(new LotChange(day(100), 7));
        assertThat(write.entry().delta()).isEqualTo(7);
        assertThat(write.next().lots().expiringCount()).isEqualTo(CAP);
    }

    @Test
    void aRevertGivesEveryUnitBackToItsOwnLotWhenTheWalletHasRoom() {
        // A redemption across 1,000 lots empties them all; the revert recreates each one exactly.
        Lots lots = full();
        WalletState state = new WalletState(POINTS, 1000, lots);
        OrderId order = OrderId.of("o-1");
        LedgerDecision.Write redeem = (LedgerDecision.Write) LedgerDecision.decide(
                LedgerCommand.redeem(POINTS, order, 10L * CAP, false, NOW), state, Optional.empty());
        assertThat(redeem.entry().lots()).hasSize(CAP);
        assertThat(redeem.next().lots().expiringCount()).isZero();
        LedgerDecision.Write revert = (LedgerDecision.Write) LedgerDecision.decide(
                LedgerCommand.revertRedemption(POINTS, order, Actor.SYSTEM, NOW), redeem.next(),
                Optional.of(redeem.entry()));
        assertThat(revert.next().lots()).isEqualTo(lots);
        assertThat(revert.entry().lots()).hasSize(CAP)
                .isEqualTo(redeem.entry().lots().stream().map(LotChange::negate).toList());
    }

    @Test
    void aRevertIntoAFullWalletStaysWithinTheCapAndTheJournalBound() {
        Lots lots = full();
        OrderId order = OrderId.of("o-1");
        LedgerDecision.Write redeem = (LedgerDecision.Write) LedgerDecision.decide(
                LedgerCommand.redeem(POINTS, order, 10L * CAP, false, NOW), new WalletState(POINTS, 1, lots),
                Optional.empty());
        // Meanwhile 1,000 new lots on other days fill the wallet again.
        WalletState refilled = new WalletState(POINTS, 2, redeem.next().lots()
                .apply(lotsOnDays(CAP + 1, 2 * CAP, 1).asList().stream()
                        .map(l -> new LotChange(l.expiresAt(), l.amount())).toList()));
        assertThat(refilled.lots().expiringCount()).isEqualTo(CAP);
        LedgerDecision.Write revert = (LedgerDecision.Write) LedgerDecision.decide(
                LedgerCommand.revertRedemption(POINTS, order, Actor.SYSTEM, NOW), refilled,
                Optional.of(redeem.entry()));
        assertThat(revert.next().lots().expiringCount()).isEqualTo(CAP);
        assertThat(revert.next().balance()).isEqualTo(refilled.balance() + 10L * CAP);
        assertThat(revert.entry().lots().size()).isLessThanOrEqualTo(JournalEntry.MAX_LOT_CHANGES);
        assertThat(refilled.lots().apply(revert.entry().lots())).isEqualTo(revert.next().lots());
    }
}
