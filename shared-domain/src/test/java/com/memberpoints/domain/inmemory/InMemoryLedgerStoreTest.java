package com.memberpoints.domain.inmemory;

import com.memberpoints.domain.ledger.EntryKind;
import com.memberpoints.domain.ledger.ExpiringLot;
import com.memberpoints.domain.ledger.JournalEntry;
import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.ledger.LedgerResult;
import com.memberpoints.domain.ledger.LedgerStore;
import com.memberpoints.domain.ledger.Lot;
import com.memberpoints.domain.ledger.Lots;
import com.memberpoints.domain.model.Page;
import com.memberpoints.domain.model.PageRequest;
import com.memberpoints.domain.ledger.RedemptionHold;
import com.memberpoints.domain.ledger.WalletRef;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.InvalidInputException;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.OrderId;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InMemoryLedgerStoreTest {
    private static final MerchantId SHOP = MerchantId.of("shop-1");
    private static final MemberId ANN = MemberId.of("ann");
    private static final WalletRef POINTS = WalletRef.points(SHOP, ANN);
    private static final Instant T0 = Instant.parse("2021-03-01T00:00:00Z");
    private static final Optional<Instant> END_2021 = Optional.of(Instant.parse("2021-12-31T15:59:59Z"));
    private static final Optional<Instant> END_2022 = Optional.of(Instant.parse("2022-12-31T15:59:59Z"));

    private final InMemoryLedgerStore store = new InMemoryLedgerStore();

    @Test
    void workedExample15_sameOrderEventThreeTimesGivesOneEntry() {
        LedgerCommand earn = LedgerCommand.earn(SHOP, ANN, OrderId.of("o-1"), 10, END_2021, T0);
        LedgerResult first = store.apply(earn);
        LedgerResult second = store.apply(earn);
        LedgerResult third = store.apply(LedgerCommand.earn(SHOP, ANN, OrderId.of("o-1"), 10, END_2021, T0.plusSeconds(60)));
        assertThat(first).isInstanceOf(LedgerResult.Applied.class);
        assertThat(second).isEqualTo(new LedgerResult.Duplicate(first.journalEntry().orElseThrow()));
        assertThat(third).isEqualTo(second);
        assertThat(store.wallet(POINTS).balance()).isEqualTo(10);
        assertThat(store.history(POINTS, PageRequest.first(10)).items()).hasSize(1);
    }

    @Test
    void sameOperationIdWithOtherContentIsRefused() {
        store.apply(LedgerCommand.earn(SHOP, ANN, OrderId.of("o-1"), 10, END_2021, T0));
        LedgerResult r = store.apply(LedgerCommand.earn(SHOP, ANN, OrderId.of("o-1"), 11, END_2021, T0));
        assertThat(r).isInstanceOf(LedgerResult.OperationIdConflict.class);
        assertThat(store.wallet(POINTS).balance()).isEqualTo(10);
    }

    @Test
    void deductionLargerThanBalanceIsRefusedWithTheBalance() {
        store.apply(LedgerCommand.manualAdd(POINTS, "req-1", 50, END_2021, "welcome", Actor.staff("bob"), T0));
        LedgerResult r = store.apply(LedgerCommand.manualDeduct(POINTS, "req-2", 51, "typo", Actor.staff("bob"), T0));
        assertThat(r).isEqualTo(new LedgerResult.InsufficientBalance(50, 51));
        assertThat(store.wallet(POINTS).balance()).isEqualTo(50);
    }

    @Test
    void revertGivesPointsBackToTheirOriginalLotsAndReleasesTheHold() {
        store.apply(LedgerCommand.earn(SHOP, ANN, OrderId.of("o-1"), 100, END_2021, T0));
        store.apply(LedgerCommand.earn(SHOP, ANN, OrderId.of("o-2"), 100, END_2022, T0));
        Lots before = store.wallet(POINTS).lots();
        OrderId order = OrderId.of("o-3");
        assertThat(store.apply(LedgerCommand.redeem(POINTS, order, 150, true, T0))).isInstanceOf(LedgerResult.Applied.class);
        assertThat(store.wallet(POINTS).lots().asList()).containsExactly(new Lot(END_2022, 50));
        assertThat(store.staleHolds(SHOP, T0.plusSeconds(1), PageRequest.first(10)).items())
                .containsExactly(new RedemptionHold(POINTS, order, T0));

        LedgerResult reverted = store.apply(LedgerCommand.revertRedemption(POINTS, order, Actor.SYSTEM, T0));
        assertThat(reverted).isInstanceOf(LedgerResult.Applied.class);
        assertThat(store.wallet(POINTS).lots()).isEqualTo(before);
        assertThat(store.staleHolds(SHOP, T0.plusSeconds(1), PageRequest.first(10)).items()).isEmpty();
        assertThat(store.entriesForOrder(SHOP, ANN, order)).extracting(JournalEntry::kind)
                .containsExactlyInAnyOrder(EntryKind.REDEEM, EntryKind.REDEEM_REVERT);
    }

    @Test
    void aConfirmedHoldIsNeverReleasedAsStale() {
        store.apply(LedgerCommand.earn(SHOP, ANN, OrderId.of("o-1"), 100, END_2021, T0));
        OrderId order = OrderId.of("o-3");
        store.apply(LedgerCommand.redeem(POINTS, order, 40, true, T0));
        assertThat(store.confirmHold(POINTS, order)).isEqualTo(LedgerStore.HoldConfirmation.CONFIRMED);
        assertThat(store.confirmHold(POINTS, order)).isEqualTo(LedgerStore.HoldConfirmation.NOT_HELD);
        assertThat(store.apply(LedgerCommand.releaseStaleHold(POINTS, order, T0.plusSeconds(3600))))
                .isInstanceOf(LedgerResult.NotApplicable.class);
        assertThat(store.wallet(POINTS).balance()).isEqualTo(60);
    }

    @Test
    void expiringALotIsIdempotentAndOnlyWhenDue() {
        store.apply(LedgerCommand.earn(SHOP, ANN, OrderId.of("o-1"), 100, END_2021, T0));
        store.apply(LedgerCommand.earn(SHOP, ANN, OrderId.of("o-2"), 7, END_2022, T0));
        Instant due = END_2021.get();
        assertThat(store.apply(LedgerCommand.expire(POINTS, due, due.minusSeconds(1))))
                .isInstanceOf(LedgerResult.NotApplicable.class);
        assertThat(store.expiringUpTo(SHOP, due, PageRequest.first(10)).items())
                .containsExactly(new ExpiringLot(POINTS, due));
        LedgerResult first = store.apply(LedgerCommand.expire(POINTS, due, due));
        assertThat(first.journalEntry().orElseThrow().delta()).isEqualTo(-100);
        assertThat(store.apply(LedgerCommand.expire(POINTS, due, due.plusSeconds(5))))
                .isInstanceOf(LedgerResult.NotApplicable.class);
        assertThat(store.wallet(POINTS).balance()).isEqualTo(7);
        assertThat(store.expiringUpTo(SHOP, due, PageRequest.first(10)).items()).isEmpty();
        assertThat(store.expiringUpTo(SHOP, END_2022.get(), PageRequest.first(10)).items())
                .containsExactly(new ExpiringLot(POINTS, END_2022.get()));
    }

    @Test
    void historyIsNewestFirstWithAnOpaqueCursor() {
        for (int i = 1; i <= 5; i++) {
            store.apply(LedgerCommand.earn(SHOP, ANN, OrderId.of("o-" + i), i, END_2021, T0));
        }
        Page<JournalEntry> p1 = store.history(POINTS, PageRequest.first(2));
        assertThat(p1.items()).extracting(JournalEntry::delta).containsExactly(5L, 4L);
        Page<JournalEntry> p2 = store.history(POINTS, PageRequest.after(p1.nextCursor().orElseThrow(), 2));
        assertThat(p2.items()).extracting(JournalEntry::delta).containsExactly(3L, 2L);
        Page<JournalEntry> p3 = store.history(POINTS, PageRequest.after(p2.nextCursor().orElseThrow(), 2));
        assertThat(p3.items()).extracting(JournalEntry::delta).containsExactly(1L);
        assertThat(p3.nextCursor()).isEmpty();
        assertThatThrownBy(() -> store.history(POINTS, PageRequest.after("not-a-cursor!", 2)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> PageRequest.first(101)).isInstanceOf(InvalidInputException.class);
    }
}
