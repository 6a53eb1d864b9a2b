package com.memberpoints.functions.admin.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.memberpoints.domain.inmemory.InMemoryOrderStore;
import com.memberpoints.domain.inmemory.InMemoryReceiptStore;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.CheckoutIdentity;
import com.memberpoints.domain.model.InvalidInputException;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.Money;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.domain.model.OrderKind;
import com.memberpoints.domain.model.SalesChannel;
import com.memberpoints.domain.order.Delivery;
import com.memberpoints.domain.order.EarnRecord;
import com.memberpoints.domain.order.Order;
import com.memberpoints.domain.order.OrderAmounts;
import com.memberpoints.domain.order.OrderStatus;
import com.memberpoints.domain.settings.BoundRule;
import com.memberpoints.domain.settings.MerchantSettings;
import com.memberpoints.domain.staff.Receipt;
import com.memberpoints.domain.staff.ReceiptKind;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The report's parts: orders then receipts, split at the row limit, the header once, nothing lost or repeated. */
class OrdersCsvTest {
    static final Currency TWD = Currency.getInstance("TWD");
    static final MerchantId SHOP = MerchantId.of("shop-1");
    static final Instant T0 = Instant.parse("2026-11-02T01:00:00Z");
    final InMemoryOrderStore orders = new InMemoryOrderStore();
    final InMemoryReceiptStore receipts = new InMemoryReceiptStore();
    final OrdersCsv report = new OrdersCsv(orders, receipts);

    void order(String id, Instant at) {
        Money zero = Money.of("0.00", TWD);
        orders.save(new Order(SHOP, OrderId.of(id), Optional.of(MemberId.of("m")), CheckoutIdentity.MEMBER_LOGGED_IN,
                SalesChannel.ONLINE, OrderKind.NORMAL, Optional.empty(), at,
                new OrderAmounts(Money.of("10.00", TWD), zero, zero, 0, zero, zero, zero),
                BoundRule.bind(MerchantSettings.defaults(), Optional.empty()), OrderStatus.OPEN, Optional.empty(),
                Delivery.PENDING, Optional.empty(), EarnRecord.nothing(TWD), 0));
    }

    void receipt(String id, Instant at) {
        receipts.recordIfAbsent(new Receipt(SHOP, ReceiptKind.STORE_SPEND, id, MemberId.of("m"), at,
                Money.of("10.00", TWD), 1, 0, Money.of("0.00", TWD), Actor.staff("s"), Optional.empty()));
    }

    List<String> readAll(int maxRows, List<Integer> partSizes) {
        List<String> lines = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            OrdersCsv.Part p = report.part(SHOP, T0.minusSeconds(3600), T0.plusSeconds(86_400), ZoneId.of("Asia/Taipei"),
                    List.of(OrderReportColumn.ROW_TYPE, OrderReportColumn.ORDER_ID), cursor, maxRows);
            partSizes.add(p.rows());
            lines.addAll(p.csv().lines().toList());
            cursor = p.next();
        } while (cursor.isPresent());
        return lines;
    }

    @Test
    void everyRowOnceAcrossParts_ordersThenReceipts_headerOnce() {
        for (int i = 0; i < 3; i++) {
            order("o-" + i, T0.plusSeconds(i));
            receipt("r-" + i, T0.plusSeconds(i));
        }
        for (int maxRows : new int[] {1, 2, 3, 4, 6, 100}) {
            List<Integer> sizes = new ArrayList<>();
            assertThat(readAll(maxRows, sizes)).as("max %d", maxRows).containsExactly("row_type,order_id",
                    "ORDER,o-0", "ORDER,o-1", "ORDER,o-2",
                    "STORE_SPEND,retail-r-0", "STORE_SPEND,retail-r-1", "STORE_SPEND,retail-r-2");
            assertThat(sizes).allSatisfy(n -> assertThat(n).isBetween(1, maxRows));
        }
    }

    @Test
    void ordersFillingTheLastPartExactlyEndTheReportWhenThereAreNoReceipts() {
        order("o-0", T0);
        order("o-1", T0.plusSeconds(1));
        List<Integer> sizes = new ArrayList<>();
        assertThat(readAll(2, sizes)).hasSize(3);
        assertThat(sizes).containsExactly(2);
    }

    @Test
    void aReceiptCursorNotOursIsRefused() {
        assertThatThrownBy(() -> report.part(SHOP, T0, T0.plusSeconds(1), ZoneId.of("UTC"), OrderReportColumn.DEFAULT,
                Optional.of("r.bm9wZQ"), 10)).isInstanceOf(InvalidInputException.class);
    }
}
