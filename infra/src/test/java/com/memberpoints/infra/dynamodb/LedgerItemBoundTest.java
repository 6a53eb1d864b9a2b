package com.memberpoints.infra.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.domain.ledger.EntryKind;
import com.memberpoints.domain.ledger.JournalEntry;
import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.ledger.Lot;
import com.memberpoints.domain.ledger.LotChange;
import com.memberpoints.domain.ledger.Lots;
import com.memberpoints.domain.ledger.OperationId;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.ledger.WalletState;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.OrderId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The byte side of the lot cap (issue 13 C): the largest balance item ({@link Lots#MAX_EXPIRING_LOTS} lots plus the
 * never-expiring one) and the largest journal item ({@link JournalEntry#MAX_LOT_CHANGES} changes) that the domain
 * can produce, with the widest values (11-digit expiry seconds, 19-digit amounts, 128-character ids, a 200-character
 * reason of 3-byte characters), stay far below DynamoDB's 400 KB item limit. The journal item counts twice: the
 * history LSI projects every attribute, and the limit covers the item and its LSI copy together.
 */
class LedgerItemBoundTest {
    static final int ITEM_LIMIT = 400 * 1024;
    static final String ID128 = "m".repeat(128);
    static final WalletRef WALLET = WalletRef.points(MerchantId.of("s".repeat(128)), MemberId.of(ID128));
    static final long LAST_SECOND = 99_999_999_999L;

    @Test
    void theLargestBalanceItemIsATenthOfTheLimit() {
        List<Lot> lots = new ArrayList<>();
        for (int i = 0; i < Lots.MAX_EXPIRING_LOTS; i++) {
            lots.add(new Lot(Optional.of(Instant.ofEpochSecond(LAST_SECOND - i)), 9_000_000_000_000_000L / 1_001));
        }
        lots.add(new Lot(Optional.empty(), 9_000_000_000_000_000L / 1_001));
        long bytes = ItemSize.of(LedgerItemMapper.balanceItem(new WalletState(WALLET, Long.MAX_VALUE, Lots.of(lots))));
        System.out.printf("largest balance item: %,d lots, %,d bytes (limit %,d)%n", lots.size(), bytes, ITEM_LIMIT);
        assertThat(bytes).isLessThan(ITEM_LIMIT / 10);
    }

    @Test
    void theLargestJournalItemWithItsHistoryCopyIsAThirdOfTheLimit() {
        List<LotChange> changes = new ArrayList<>();
        for (int i = 0; i < JournalEntry.MAX_LOT_CHANGES - 1; i++) {
            // +9.0e18 and -(9.0e18 - 1) alternately: 19 digits each, and the running sum never overflows.
            long delta = i % 2 == 0 ? 9_000_000_000_000_000_000L : -8_999_999_999_999_999_999L;
            changes.add(new LotChange(Optional.of(Instant.ofEpochSecond(LAST_SECOND - i)), delta));
        }
        changes.add(new LotChange(Optional.empty(), -8_999_999_999_999_999_999L));
        long delta = changes.stream().mapToLong(LotChange::delta).sum();
        JournalEntry entry = new JournalEntry(new OperationId("O#" + ID128 + "#POINTS#REDEEM_REVERT"), WALLET,
                EntryKind.REDEEM_REVERT, delta, changes, "\u4e2d".repeat(LedgerCommand.MAX_REASON_LENGTH),
                Actor.staff(ID128), Optional.of(OrderId.of(ID128)), Instant.ofEpochSecond(LAST_SECOND),
                Long.MAX_VALUE, Long.MAX_VALUE / 10, "d".repeat(22));
        long bytes = ItemSize.of(LedgerItemMapper.journalItem(entry));
        System.out.printf("largest journal item: %,d lot changes, %,d bytes, %,d with its history copy (limit %,d)%n",
                changes.size(), bytes, 2 * bytes, ITEM_LIMIT);
        assertThat(2 * bytes).isLessThan(ITEM_LIMIT / 3);
    }
}
