package com.memberpoints.infra.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.InvalidInputException;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.Money;
import com.memberpoints.domain.model.Page;
import com.memberpoints.domain.model.PageRequest;
import com.memberpoints.domain.staff.Receipt;
import com.memberpoints.domain.staff.ReceiptKind;
import com.memberpoints.domain.staff.ReceiptStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Behaviour every {@link ReceiptStore} must have: in memory and on DynamoDB Local. */
abstract class ReceiptStoreContract {
    static final Instant T0 = Instant.parse("2026-11-02T03:04:05Z");
    final MerchantId shop = MerchantId.of("rc-" + UUID.randomUUID().toString().substring(0, 8));

    abstract ReceiptStore store();

    Receipt receipt(ReceiptKind kind, String id, Instant at, String sale, long earned, long redeemed, String discount) {
        return new Receipt(shop, kind, id, MemberId.of("ann"), at, Money.of(sale, "TWD"), earned, redeemed,
                Money.of(discount, "TWD"), Actor.staff("cashier-7"), Optional.empty());
    }

    @Test
    void aRecordRoundTrips_andARepeatKeepsTheFirst() {
        Receipt first = receipt(ReceiptKind.POS_REDEMPTION, "R-1", T0, "64.50", 0, 640, "64.00");
        assertThat(store().recordIfAbsent(first)).isEqualTo(first);
        Receipt other = receipt(ReceiptKind.POS_REDEMPTION, "R-1", T0, "99.00", 0, 990, "99.00");
        assertThat(store().recordIfAbsent(other)).isEqualTo(first);
        assertThat(store().recordedBetween(shop, T0, T0.plusSeconds(1), PageRequest.first(10)).items())
                .containsExactly(first);
    }

    @Test
    void theSameReceiptIdOfBothKindsAreTwoReceipts() {
        Receipt spend = receipt(ReceiptKind.STORE_SPEND, "R-1", T0, "100.00", 10, 0, "0.00");
        Receipt pos = receipt(ReceiptKind.POS_REDEMPTION, "R-1", T0, "100.00", 0, 100, "10.00");
        store().recordIfAbsent(spend);
        store().recordIfAbsent(pos);
        assertThat(store().recordedBetween(shop, T0, T0.plusSeconds(1), PageRequest.first(10)).items())
                .containsExactly(pos, spend);
    }

    @Test
    void cancellingMarksTheStoredReceiptOnce_andLeavesAnUnstoredOneUnstored() {
        Receipt r = receipt(ReceiptKind.POS_REDEMPTION, "R-2", T0, "10.00", 0, 100, "10.00");
        store().recordIfAbsent(r);
        store().markCancelled(r, T0.plusSeconds(60));
        store().markCancelled(r, T0.plusSeconds(120));
        Receipt ghost = receipt(ReceiptKind.POS_REDEMPTION, "R-3", T0, "10.00", 0, 100, "10.00");
        store().markCancelled(ghost, T0.plusSeconds(60));
        assertThat(store().recordedBetween(shop, T0, T0.plusSeconds(1), PageRequest.first(10)).items())
                .containsExactly(r.cancel(T0.plusSeconds(60)));
    }

    @Test
    void aRangeListsOldestFirst_fromInclusiveToExclusive_pageByPage() {
        List<Receipt> all = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Receipt r = receipt(i % 2 == 0 ? ReceiptKind.STORE_SPEND : ReceiptKind.POS_REDEMPTION, "R-" + i,
                    T0.plusSeconds(3600L * i), "1" + i + ".00", i, 0, "0.00");
            all.add(r);
            store().recordIfAbsent(r);
        }
        List<Receipt> read = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        int pages = 0;
        do {
            Page<Receipt> p = store().recordedBetween(shop, T0.plusSeconds(3600), T0.plusSeconds(3600L * 6),
                    new PageRequest(cursor, 2));
            read.addAll(p.items());
            cursor = p.nextCursor();
            pages++;
        } while (cursor.isPresent());
        assertThat(read).containsExactlyElementsOf(all.subList(1, 6));
        assertThat(pages).isEqualTo(3);
        assertThat(store().recordedBetween(MerchantId.of("rc-none"), T0, T0.plusSeconds(86_400),
                PageRequest.first(10)).items()).isEmpty();
        assertThat(store().recordedBetween(shop, T0.plusSeconds(60), T0.plusSeconds(60), PageRequest.first(10))
                .items()).isEmpty();
    }

    @Test
    void aCursorFromElsewhereIsRefused() {
        assertThatThrownBy(() -> store().recordedBetween(shop, T0, T0.plusSeconds(1),
                PageRequest.after("bm90LWEtY3Vyc29y", 10))).isInstanceOf(InvalidInputException.class);
    }
}
