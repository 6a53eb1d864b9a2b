package com.memberpoints.infra.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.memberpoints.domain.ledger.EntryKind;
import com.memberpoints.domain.ledger.ExpiringLot;
import com.memberpoints.domain.ledger.JournalEntry;
import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.ledger.LedgerResult;
import com.memberpoints.domain.ledger.NotifyChoice;
import com.memberpoints.domain.ledger.LedgerStore;
import com.memberpoints.domain.sweep.LedgerSweeps;
import com.memberpoints.domain.ledger.Lot;
import com.memberpoints.domain.ledger.LotChange;
import com.memberpoints.domain.ledger.MemberWallets;
import com.memberpoints.domain.ledger.WalletState;
import com.memberpoints.domain.model.Page;
import com.memberpoints.domain.model.PageRequest;
import com.memberpoints.domain.ledger.RedemptionHold;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.InvalidInputException;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.OrderId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Behaviour every {@link LedgerStore} must have. Run against the in-memory reference store
 * ({@code InMemoryLedgerStoreContractTest}) and against DynamoDB Local ({@code DynamoDbLedgerStoreIT}).
 */
abstract class LedgerStoreContract {
    static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");
    static final Instant T0 = Instant.parse("2021-03-01T00:00:00Z");
    static final Optional<Instant> END_2021 = Optional.of(Instant.parse("2021-12-31T15:59:59Z"));
    static final Optional<Instant> END_2022 = Optional.of(Instant.parse("2022-12-31T15:59:59Z"));
    static final Optional<Instant> NEVER = Optional.empty();

    /** Each test uses its own merchant, so one table can serve the whole class. */
    final MerchantId shop = MerchantId.of("shop-" + UUID.randomUUID());
    final MemberId ann = MemberId.of("ann");
    final WalletRef points = WalletRef.points(shop, ann);
    final WalletRef credits = WalletRef.credits(shop, ann);

    abstract LedgerStore store();

    LedgerResult earn(String order, long amount, Optional<Instant> expiry) {
        return store().apply(LedgerCommand.earn(shop, ann, OrderId.of(order), amount, expiry, T0));
    }

    @Test
    void aRepeatedOperationReturnsTheFirstResultAndChangesNothing() {
        LedgerResult first = earn("o-1", 10, END_2021);
        LedgerResult again = store().apply(LedgerCommand.earn(shop, ann, OrderId.of("o-1"), 10, END_2021, T0.plusSeconds(99)));
        assertThat(first).isInstanceOf(LedgerResult.Applied.class);
        assertThat(again).isEqualTo(new LedgerResult.Duplicate(first.journalEntry().orElseThrow()));
        assertThat(store().wallet(points).balance()).isEqualTo(10);
        assertThat(store().wallet(points).version()).isEqualTo(1);
    }

    @Test
    void aCommandStartedFromAStaleStateGivesWhatAFreshApplyGives() {
        WalletState stale = store().wallet(points); // never written: version 0
        earn("o-1", 50, END_2021);
        earn("o-2", 30, END_2022);
        // a credit from the stale state: written on the current state, with the next sequence and balance
        LedgerResult credit = store().apply(LedgerCommand.manualAdd(points, "req-1", 20, END_2022, "gift",
                Actor.staff("bob"), T0), stale);
        assertThat(credit).isInstanceOf(LedgerResult.Applied.class);
        assertThat(credit.journalEntry().orElseThrow().balanceAfter()).isEqualTo(100);
        assertThat(credit.journalEntry().orElseThrow().sequence()).isEqualTo(3);
        // a debit the stale state cannot cover is not refused on it: the current state covers it
        LedgerResult debit = store().apply(LedgerCommand.manualDeduct(points, "req-2", 60, "typo", Actor.staff("bob"),
                T0), stale);
        assertThat(debit).isInstanceOf(LedgerResult.Applied.class);
        // a debit a stale state would cover but the wallet does not: refused as apply(command) refuses it
        WalletState rich = store().wallet(points);
        store().apply(LedgerCommand.manualDeduct(points, "req-3", 30, "typo", Actor.staff("bob"), T0));
        assertThat(store().apply(LedgerCommand.manualDeduct(points, "req-4", 20, "typo", Actor.staff("bob"), T0), rich))
                .isEqualTo(new LedgerResult.InsufficientBalance(10, 20));
        // a repeat from any state is the first result, applied once
        assertThat(store().apply(LedgerCommand.manualAdd(points, "req-1", 20, END_2022, "gift", Actor.staff("bob"),
                T0), stale)).isEqualTo(new LedgerResult.Duplicate(credit.journalEntry().orElseThrow()));
        assertThat(store().wallet(points).balance()).isEqualTo(10);
        assertThat(store().wallet(points).version()).isEqualTo(5);
    }

    /** Wallets of the applyEach test: more than one DynamoDB transaction's 50 where the store is fast enough. */
    int applyEachWallets() {
        return 60;
    }

    @Test
    void applyEachAnswersEveryCommandAsApplyWouldAndAppliesEachOnce() {
        int n = applyEachWallets();
        List<WalletRef> wallets = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            wallets.add(WalletRef.points(shop, MemberId.of("m" + i)));
        }
        var stale = store().walletsOf(wallets); // every wallet empty when read
        store().apply(LedgerCommand.manualAdd(wallets.get(0), "before", 40, END_2022, "gift", Actor.staff("bob"), T0));
        LedgerResult earlier = store().apply(LedgerCommand.manualAdd(wallets.get(1), "job-1", 5, END_2022, "bulk",
                Actor.staff("bob"), T0));
        store().apply(LedgerCommand.manualAdd(wallets.get(2), "job-1", 7, END_2022, "bulk", Actor.staff("bob"), T0));
        List<LedgerCommand> commands = new ArrayList<>();
        for (WalletRef w : wallets) {
            commands.add(LedgerCommand.manualAdd(w, "job-1", 5, END_2022, "bulk", Actor.staff("bob"), T0));
        }
        commands.add(LedgerCommand.manualDeduct(wallets.get(0), "take", 45, "typo", Actor.staff("bob"), T0));
        List<LedgerResult> results = store().applyEach(commands, stale);
        assertThat(results).hasSize(n + 1);
        assertThat(results.get(0)).isInstanceOf(LedgerResult.Applied.class);
        assertThat(results.get(0).journalEntry().orElseThrow().balanceAfter()).as("written on the current state")
                .isEqualTo(45);
        assertThat(results.get(1)).isEqualTo(new LedgerResult.Duplicate(earlier.journalEntry().orElseThrow()));
        assertThat(results.get(2)).isInstanceOf(LedgerResult.OperationIdConflict.class);
        for (int i = 3; i < n; i++) {
            assertThat(results.get(i)).as("member " + i).isInstanceOf(LedgerResult.Applied.class);
            assertThat(store().wallet(wallets.get(i)).balance()).isEqualTo(5);
        }
        assertThat(results.get(n)).isInstanceOf(LedgerResult.Applied.class);
        assertThat(store().wallet(wallets.get(0)).balance()).isZero();
        assertThat(store().wallet(wallets.get(1)).balance()).isEqualTo(5);
        assertThat(store().wallet(wallets.get(2)).balance()).isEqualTo(7);
        // the same chunk again (a redelivery): every credit a duplicate, nothing changes
        List<LedgerResult> again = store().applyEach(commands.subList(0, n), store().walletsOf(wallets));
        for (int i = 3; i < n; i++) {
            assertThat(again.get(i)).isEqualTo(new LedgerResult.Duplicate(results.get(i).journalEntry().orElseThrow()));
            assertThat(store().wallet(wallets.get(i)).version()).isEqualTo(1);
        }
    }

    @Test
    void walletsOfReadsEveryWalletAsItIsNowAndAnUnknownOneInItsInitialState() {
        earn("o-1", 50, END_2021);
        WalletRef bea = WalletRef.points(shop, MemberId.of("bea"));
        var states = store().walletsOf(List.of(points, bea, credits));
        assertThat(states).containsOnlyKeys(points, bea, credits);
        assertThat(states.get(points)).isEqualTo(store().wallet(points));
        assertThat(states.get(bea)).isEqualTo(WalletState.initial(bea));
        assertThat(states.get(credits)).isEqualTo(WalletState.initial(credits));
    }

    @Test
    void theSameOperationIdWithDifferentContentIsRefused() {
        earn("o-1", 10, END_2021);
        assertThat(earn("o-1", 12, END_2021)).isInstanceOf(LedgerResult.OperationIdConflict.class);
        assertThat(earn("o-1", 10, END_2022)).isInstanceOf(LedgerResult.OperationIdConflict.class);
        LedgerResult flipped = store().apply(LedgerCommand.earnAdjust(shop, ann, OrderId.of("o-1"), "rev-2", 5, END_2021, T0));
        assertThat(flipped).isInstanceOf(LedgerResult.Applied.class);
        LedgerResult sameRevisionOtherSign = store().apply(
                LedgerCommand.earnAdjust(shop, ann, OrderId.of("o-1"), "rev-2", -5, END_2021, T0));
        assertThat(sameRevisionOtherSign).isInstanceOf(LedgerResult.OperationIdConflict.class);
        assertThat(store().wallet(points).balance()).isEqualTo(15);
    }

    @Test
    void aDebitLargerThanTheBalanceIsATypedRefusalEvenWhenRepeated() {
        earn("o-1", 50, END_2021);
        LedgerResult refused = store().apply(LedgerCommand.manualDeduct(points, "req-1", 51, "typo", Actor.staff("bob"), T0));
        assertThat(refused).isEqualTo(new LedgerResult.InsufficientBalance(50, 51));
        LedgerResult deducted = store().apply(LedgerCommand.manualDeduct(points, "req-2", 50, "typo", Actor.staff("bob"), T0));
        assertThat(deducted).isInstanceOf(LedgerResult.Applied.class);
        // The balance no longer covers it, but a repeat is recognised as the applied operation.
        LedgerResult repeat = store().apply(LedgerCommand.manualDeduct(points, "req-2", 50, "typo", Actor.staff("bob"), T0));
        assertThat(repeat).isEqualTo(new LedgerResult.Duplicate(deducted.journalEntry().orElseThrow()));
        assertThat(store().wallet(points).balance()).isZero();
    }

    @Test
    void soonestExpiringLotsAreSpentFirstAcrossYearsAndNeverExpiringLast() {
        store().apply(LedgerCommand.manualAdd(points, "req-never", 1000, NEVER, "gift", Actor.staff("bob"), T0));
        earn("o-2022", 300, END_2022);
        earn("o-2021", 200, END_2021);
        LedgerResult r = store().apply(LedgerCommand.redeem(points, OrderId.of("o-9"), 600, false, T0));
        assertThat(r.journalEntry().orElseThrow().lots())
                .containsExactly(new LotChange(END_2021, -200), new LotChange(END_2022, -300), new LotChange(NEVER, -100));
        assertThat(store().wallet(points).lots().asList()).containsExactly(new Lot(NEVER, 900));
    }

    @Test
    void revertingARedemptionRestoresTheExactLotsAndReleasesItsHold() {
        earn("o-1", 100, END_2021);
        earn("o-2", 100, END_2022);
        var before = store().wallet(points).lots();
        OrderId order = OrderId.of("o-3");
        assertThat(store().apply(LedgerCommand.redeem(points, order, 150, true, T0))).isInstanceOf(LedgerResult.Applied.class);
        assertThat(store().wallet(points).lots().asList()).containsExactly(new Lot(END_2022, 50));
        assertThat(store().staleHolds(shop, T0.plusSeconds(1), PageRequest.first(10)).items())
                .containsExactly(new RedemptionHold(points, order, T0));

        LedgerResult reverted = store().apply(LedgerCommand.revertRedemption(points, order, Actor.staff("bob"), T0.plusSeconds(5)));
        assertThat(reverted).isInstanceOf(LedgerResult.Applied.class);
        assertThat(store().wallet(points).lots()).isEqualTo(before);
        assertThat(store().staleHolds(shop, T0.plusSeconds(1), PageRequest.first(10)).items()).isEmpty();
        assertThat(store().apply(LedgerCommand.revertRedemption(points, order, Actor.SYSTEM, T0.plusSeconds(9))))
                .isEqualTo(new LedgerResult.Duplicate(reverted.journalEntry().orElseThrow()));
        assertThat(store().entriesForOrder(shop, ann, order)).extracting(JournalEntry::kind)
                .containsExactlyInAnyOrder(EntryKind.REDEEM, EntryKind.REDEEM_REVERT);
        assertThat(store().apply(LedgerCommand.revertRedemption(points, OrderId.of("never-redeemed"), Actor.SYSTEM, T0)))
                .isInstanceOf(LedgerResult.NotApplicable.class);
    }

    @Test
    void staleHoldsAreFoundByTimeAndReleasedButConfirmedOnesAreNot() {
        earn("o-1", 100, END_2021);
        OrderId placed = OrderId.of("o-placed");
        OrderId abandoned = OrderId.of("o-abandoned");
        store().apply(LedgerCommand.redeem(points, placed, 30, true, T0));
        store().apply(LedgerCommand.redeem(points, abandoned, 20, true, T0.plusSeconds(60)));
        assertThat(store().confirmHold(points, placed)).isEqualTo(LedgerStore.HoldConfirmation.CONFIRMED);
        assertThat(store().confirmHold(points, placed)).isEqualTo(LedgerStore.HoldConfirmation.NOT_HELD);

        assertThat(store().staleHolds(shop, T0.plusSeconds(60), PageRequest.first(10)).items()).isEmpty();
        List<RedemptionHold> stale = store().staleHolds(shop, T0.plusSeconds(3600), PageRequest.first(10)).items();
        assertThat(stale).containsExactly(new RedemptionHold(points, abandoned, T0.plusSeconds(60)));
        assertThat(store().apply(LedgerCommand.releaseStaleHold(points, abandoned, T0.plusSeconds(3600))))
                .isInstanceOf(LedgerResult.Applied.class);
        assertThat(store().apply(LedgerCommand.releaseStaleHold(points, placed, T0.plusSeconds(3600))))
                .isInstanceOf(LedgerResult.NotApplicable.class);
        assertThat(store().confirmHold(points, abandoned)).isEqualTo(LedgerStore.HoldConfirmation.NOT_HELD);
        assertThat(store().wallet(points).balance()).isEqualTo(70);
    }

    @Test
    void expiryIsReadFromTheIndexAndExpiringIsIdempotent() {
        earn("o-1", 100, END_2021);
        earn("o-2", 7, END_2022);
        store().apply(LedgerCommand.rewardCredit(shop, ann, OrderId.of("o-1"), 500, NEVER, T0));
        Instant due = END_2021.get();
        LocalDate dueDate = LocalDate.of(2021, 12, 31);
        assertThat(store().expiringOn(shop, dueDate, TAIPEI, PageRequest.first(10)).items())
                .containsExactly(new ExpiringLot(points, due));
        assertThat(store().expiringOn(shop, dueDate.minusDays(1), TAIPEI, PageRequest.first(10)).items()).isEmpty();
        assertThat(store().apply(LedgerCommand.expire(points, due, due.minusSeconds(1))))
                .isInstanceOf(LedgerResult.NotApplicable.class);

        LedgerResult first = store().apply(LedgerCommand.expire(points, due, due));
        assertThat(first.journalEntry().orElseThrow().delta()).isEqualTo(-100);
        assertThat(first.journalEntry().orElseThrow().kind()).isEqualTo(EntryKind.EXPIRE);
        assertThat(store().apply(LedgerCommand.expire(points, due, due.plusSeconds(5))))
                .isInstanceOf(LedgerResult.NotApplicable.class);
        assertThat(store().wallet(points).balance()).isEqualTo(7);
        assertThat(store().expiringUpTo(shop, due, PageRequest.first(10)).items()).isEmpty();
        assertThat(store().expiringUpTo(shop, END_2022.get(), PageRequest.first(10)).items())
                .containsExactly(new ExpiringLot(points, END_2022.get()));
        assertThat(store().wallets(shop, ann).credits().balance()).isEqualTo(500);
        assertThat(store().wallets(shop, ann).points().balance()).isEqualTo(7);
    }

    @Test
    void expiredButNotYetSweptPointsCannotBeRedeemed() {
        earn("o-1", 100, END_2021);
        earn("o-2", 10, END_2022);
        LedgerResult r = store().apply(LedgerCommand.redeem(points, OrderId.of("o-3"), 50, false, END_2021.get()));
        assertThat(r).isEqualTo(new LedgerResult.InsufficientBalance(10, 50));
    }

    @Test
    void historyIsNewestFirstWithAnOpaqueCursorAndWalletsAreSeparate() {
        for (int i = 1; i <= 5; i++) {
            earn("o-" + i, i, END_2021);
        }
        store().apply(LedgerCommand.rewardCredit(shop, ann, OrderId.of("o-1"), 999, NEVER, T0));
        List<Long> seen = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        int pages = 0;
        do {
            Page<JournalEntry> page = store().history(points, new PageRequest(cursor, 2));
            page.items().forEach(e -> seen.add(e.delta()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor.isPresent() && pages < 10);
        assertThat(seen).containsExactly(5L, 4L, 3L, 2L, 1L);
        assertThat(store().history(credits, PageRequest.first(10)).items()).extracting(JournalEntry::delta)
                .containsExactly(999L);
        assertThat(store().entriesForOrder(shop, ann, OrderId.of("o-1"))).extracting(JournalEntry::kind)
                .containsExactlyInAnyOrder(EntryKind.EARN, EntryKind.REWARD_CREDIT);
        assertThatThrownBy(() -> store().history(points, PageRequest.after("bm90LWEtY3Vyc29y", 2)))
                .isInstanceOf(InvalidInputException.class);
    }

    /**
     * Issue 11.2: staff adjust the credits wallet by hand beside reward credits, with the same operation-id rules as
     * points (same request id twice = one entry; an add and a deduct of one request id conflict), soonest first, and
     * the credits and points journals stay apart even with the same request id.
     */
    @Test
    void manualStoreCreditAdjustmentsSitBesideRewardCreditsInTheCreditsWallet() {
        Actor bob = Actor.staff("bob");
        store().apply(LedgerCommand.rewardCredit(shop, ann, OrderId.of("o-18"), 1000, NEVER, T0));
        store().apply(LedgerCommand.manualAdd(credits, "req-1", 500, END_2021, "goodwill", bob, T0)
                .withNotification(new NotifyChoice(true, false)));
        assertThat(store().apply(LedgerCommand.manualAdd(credits, "req-1", 500, END_2021, "goodwill", bob, T0)))
                .isInstanceOf(LedgerResult.Duplicate.class);
        assertThat(store().apply(LedgerCommand.manualDeduct(credits, "req-1", 500, "goodwill", bob, T0)))
                .isInstanceOf(LedgerResult.OperationIdConflict.class);
        assertThat(store().apply(LedgerCommand.manualDeduct(credits, "req-2", 1501, "too much", bob, T0)))
                .isEqualTo(new LedgerResult.InsufficientBalance(1500, 1501));
        LedgerResult deducted = store().apply(LedgerCommand.manualDeduct(credits, "req-2", 1200, "order cancelled", bob,
                T0));
        assertThat(deducted.journalEntry().orElseThrow().lots())
                .containsExactly(new LotChange(END_2021, -500), new LotChange(NEVER, -700));
        store().apply(LedgerCommand.manualAdd(points, "req-1", 7, NEVER, "points, same request id", bob, T0));

        List<JournalEntry> history = store().history(credits, PageRequest.first(10)).items();
        assertThat(history).extracting(JournalEntry::kind)
                .containsExactly(EntryKind.ADJUST_DEDUCT, EntryKind.ADJUST_ADD, EntryKind.REWARD_CREDIT);
        assertThat(history).extracting(JournalEntry::actor).containsExactly(bob, bob, Actor.SYSTEM);
        assertThat(history.get(0).reason()).isEqualTo("order cancelled");
        assertThat(history.get(0).balanceAfter()).isEqualTo(300);
        assertThat(history.get(1).notification()).isEqualTo(new NotifyChoice(true, false));
        assertThat(store().wallet(credits).balance()).isEqualTo(300);
        assertThat(store().wallet(points).balance()).isEqualTo(7);
    }

    @Test
    void journalEntriesCarryActorReasonOrderAndBalanceAfter() {
        store().apply(LedgerCommand.manualAdd(points, "req-1", 40, END_2022, "Sorry for the delay", Actor.staff("bob"), T0));
        earn("o-1", 10, END_2021);
        List<JournalEntry> entries = store().history(points, PageRequest.first(10)).items();
        assertThat(entries).hasSize(2);
        JournalEntry manual = entries.get(1);
        assertThat(manual.actor()).isEqualTo(Actor.staff("bob"));
        assertThat(manual.reason()).isEqualTo("Sorry for the delay");
        assertThat(manual.order()).isEmpty();
        assertThat(manual.balanceAfter()).isEqualTo(40);
        JournalEntry earned = entries.get(0);
        assertThat(earned.actor()).isEqualTo(Actor.SYSTEM);
        assertThat(earned.order()).contains(OrderId.of("o-1"));
        assertThat(earned.balanceAfter()).isEqualTo(50);
        assertThat(earned.sequence()).isEqualTo(2);
    }

    @Test
    void notificationChoicesOfACreditArePersistedInItsJournalEntry() {
        Actor bob = Actor.staff("bob");
        var emailOnly = LedgerCommand.manualAdd(points, "req-n1", 7, NEVER, "gift", bob, T0)
                .withNotification(new NotifyChoice(true, false));
        var smsOnly = LedgerCommand.bulkCredit(points, "job-n1", 3, NEVER, "promo", bob, T0)
                .withNotification(new NotifyChoice(false, true));
        var quiet = LedgerCommand.manualAdd(points, "req-n2", 1, NEVER, "quiet", bob, T0)
                .withNotification(NotifyChoice.NONE);
        store().apply(emailOnly);
        store().apply(smsOnly);
        store().apply(quiet);
        store().apply(LedgerCommand.manualAdd(points, "req-n3", 2, NEVER, "default", bob, T0));
        store().apply(LedgerCommand.manualDeduct(points, "req-n4", 1, "fix", bob, T0));
        List<JournalEntry> entries = store().history(points, PageRequest.first(10)).items();
        assertThat(entries).extracting(JournalEntry::notification).containsExactly(
                NotifyChoice.NONE, // the deduction: never notified
                NotifyChoice.BOTH, // no choice made: the default of every credit
                NotifyChoice.NONE,
                new NotifyChoice(false, true),
                new NotifyChoice(true, false));
        // The choice is not part of the content digest: a retry that differs only in it is the same
        // operation, and the first choice stands.
        assertThat(store().apply(emailOnly.withNotification(NotifyChoice.BOTH)))
                .isInstanceOf(LedgerResult.Duplicate.class);
        assertThat(store().history(points, PageRequest.first(10)).items().getLast().notification())
                .isEqualTo(new NotifyChoice(true, false));
    }

    @Test
    void sweepsExpireEveryDueLotIncludingMissedOnesAndReleaseOnlyStaleHolds() {
        MemberId bea = MemberId.of("bea");
        Optional<Instant> end2020 = Optional.of(Instant.parse("2020-12-31T15:59:59Z"));
        store().apply(LedgerCommand.manualAdd(points, "a-1", 5, end2020, "old", Actor.staff("bob"), T0));
        earn("o-1", 100, END_2021);
        earn("o-2", 7, END_2022);
        store().apply(LedgerCommand.earn(shop, bea, OrderId.of("o-3"), 40, END_2021, T0));
        store().apply(LedgerCommand.redeem(WalletRef.points(shop, bea), OrderId.of("held"), 10, true, T0));

        LedgerSweeps sweeps = new LedgerSweeps(store());
        Instant sweepTime = END_2021.get().plusSeconds(60);
        assertThat(sweeps.expireDue(shop, sweepTime, 1000)).isEqualTo(new LedgerSweeps.SweepReport(3, 0, true));
        assertThat(store().wallet(points).lots().asList()).containsExactly(new Lot(END_2022, 7));
        assertThat(store().wallet(WalletRef.points(shop, bea)).balance()).isZero();
        assertThat(sweeps.expireDue(shop, sweepTime, 1000)).isEqualTo(new LedgerSweeps.SweepReport(0, 0, true));

        assertThat(sweeps.releaseStaleHolds(shop, T0.plusSeconds(30 * 60), java.time.Duration.ofHours(1), 100))
                .isEqualTo(new LedgerSweeps.SweepReport(0, 0, true));
        assertThat(sweeps.releaseStaleHolds(shop, T0.plusSeconds(2 * 3600), java.time.Duration.ofHours(1), 100))
                .isEqualTo(new LedgerSweeps.SweepReport(1, 0, true));
        // The 10 held points go back to their lot, which has expired meanwhile: the next sweep takes them.
        assertThat(store().wallet(WalletRef.points(shop, bea)).lots().asList()).containsExactly(new Lot(END_2021, 10));
        assertThat(sweeps.expireDue(shop, sweepTime, 1000)).isEqualTo(new LedgerSweeps.SweepReport(1, 0, true));
        assertThat(store().wallet(WalletRef.points(shop, bea)).balance()).isZero();
    }

    @Test
    void theExpirySweepWalksPastAFullPageOfEntriesThatApplyNothing() {
        // 150 wallets due at the end of 2021; one of them (m149) also holds an older lot, so it heads the index.
        Instant sweepTime = END_2021.get().plusSeconds(60);
        Optional<Instant> end2020 = Optional.of(Instant.parse("2020-12-31T15:59:59Z"));
        int wallets = 150;
        for (int i = 0; i < wallets; i++) {
            store().apply(LedgerCommand.earn(shop, member(i), OrderId.of("o-" + i), 10, END_2021, T0));
        }
        WalletRef twoDue = WalletRef.points(shop, member(wallets - 1));
        store().apply(LedgerCommand.manualAdd(twoDue, "old", 4, end2020, "old", Actor.staff("bob"), T0));
        store().apply(LedgerCommand.manualAdd(twoDue, "next", 3, END_2022, "next", Actor.staff("bob"), T0));

        // Another sweep gets to the head of the index first: every entry of the first page the sweep reads applies
        // nothing (the index names lots already expired), and m149's entry hides its second due lot.
        RacingSweep racing = new RacingSweep(store(), sweepTime);
        LedgerSweeps.SweepReport report = new LedgerSweeps(racing).expireDue(shop, sweepTime, 1000);

        int stale = racing.firstPage;
        assertThat(stale).as("a full first page, with more after it").isPositive().isLessThan(wallets);
        assertThat(report).isEqualTo(new LedgerSweeps.SweepReport(wallets - stale + 1, stale, true));
        for (int i = 0; i < wallets - 1; i++) {
            assertThat(store().wallet(WalletRef.points(shop, member(i))).balance()).as("wallet %s", i).isZero();
        }
        assertThat(store().wallet(twoDue).lots().asList()).containsExactly(new Lot(END_2022, 3));
        assertThat(store().expiringUpTo(shop, sweepTime, PageRequest.first(10)).items()).isEmpty();
        // Reads stay proportional to what expires: each index position once, a wallet re-read only after an entry
        // that applied nothing or left a lot.
        assertThat(racing.pages).isEqualTo(2);
        assertThat(racing.walletReads).isEqualTo(stale + 1);
    }

    @Test
    void theExpiryIndexPartsTogetherListWhatTheWholeIndexLists() {
        for (int i = 0; i < 40; i++) {
            store().apply(LedgerCommand.earn(shop, member(i), OrderId.of("o-" + i), 5,
                    Optional.of(END_2021.get().minusSeconds(i % 7)), T0));
        }
        List<ExpiringLot> whole = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            var page = store().expiring(shop, Instant.EPOCH, END_2022.get(), new PageRequest(cursor, 6));
            whole.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor.isPresent());
        assertThat(whole).hasSize(40);
        List<ExpiringLot> union = new ArrayList<>();
        for (int part = 0; part < store().expiryParts(); part++) {
            cursor = Optional.empty();
            do {
                var page = store().expiring(shop, part, Instant.EPOCH, END_2022.get(), new PageRequest(cursor, 4));
                union.addAll(page.items());
                cursor = page.nextCursor();
            } while (cursor.isPresent());
        }
        assertThat(union).containsExactlyInAnyOrderElementsOf(whole);
    }

    static MemberId member(int i) {
        return MemberId.of(String.format("m%03d", i));
    }

    /**
     * A store whose first expiry-index page is raced by another sweep: the other sweep expires every lot that page
     * lists before the caller gets it. Counts the index pages and wallet reads the caller makes.
     */
    static final class RacingSweep implements LedgerStore {
        private final LedgerStore store;
        private final Instant now;
        int firstPage = -1;
        int pages;
        int walletReads;

        RacingSweep(LedgerStore store, Instant now) {
            this.store = store;
            this.now = now;
        }

        @Override
        public Page<ExpiringLot> expiring(MerchantId merchant, Instant fromInclusive, Instant toExclusive,
                                          PageRequest page) {
            pages++;
            Page<ExpiringLot> listed = store.expiring(merchant, fromInclusive, toExclusive, page);
            if (firstPage < 0) {
                firstPage = listed.items().size();
                for (ExpiringLot lot : listed.items()) {
                    assertThat(store.apply(LedgerCommand.expire(lot.wallet(), lot.expiresAt(), now)))
                            .isInstanceOf(LedgerResult.Applied.class);
                }
            }
            return listed;
        }

        @Override
        public WalletState wallet(WalletRef ref) {
            walletReads++;
            return store.wallet(ref);
        }

        @Override
        public LedgerResult apply(LedgerCommand command) {
            return store.apply(command);
        }

        @Override
        public MemberWallets wallets(MerchantId merchant, MemberId member) {
            return store.wallets(merchant, member);
        }

        @Override
        public Page<JournalEntry> history(WalletRef ref, PageRequest page) {
            return store.history(ref, page);
        }

        @Override
        public List<JournalEntry> entriesForOrder(MerchantId merchant, MemberId member, OrderId order) {
            return store.entriesForOrder(merchant, member, order);
        }

        @Override
        public Page<RedemptionHold> staleHolds(MerchantId merchant, Instant heldBefore, PageRequest page) {
            return store.staleHolds(merchant, heldBefore, page);
        }

        @Override
        public HoldConfirmation confirmHold(WalletRef wallet, OrderId order) {
            return store.confirmHold(wallet, order);
        }
    }
}
