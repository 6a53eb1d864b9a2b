package com.memberpoints.functions.admin.reports;

import com.memberpoints.domain.model.InvalidInputException;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.Page;
import com.memberpoints.domain.model.PageRequest;
import com.memberpoints.domain.order.Order;
import com.memberpoints.domain.order.OrderStore;
import com.memberpoints.domain.staff.Receipt;
import com.memberpoints.domain.staff.ReceiptStore;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One part of the orders report: the orders placed in the range (oldest first), then the in-store receipts made in
 * it (oldest first), at most {@code maxRows} rows. The cursor says where the next part starts: an order store cursor
 * (as before receipts were listed), or {@code r.} followed by a receipt store cursor (empty: the first receipt).
 */
final class OrdersCsv {
    static final String RECEIPTS = "r.";

    private final OrderStore orders;
    private final ReceiptStore receipts;

    OrdersCsv(OrderStore orders, ReceiptStore receipts) {
        this.orders = Objects.requireNonNull(orders, "orders");
        this.receipts = Objects.requireNonNull(receipts, "receipts");
    }

    record Part(String csv, int rows, Optional<String> next) {}

    Part part(MerchantId merchant, Instant from, Instant to, ZoneId zone, List<OrderReportColumn> columns,
              Optional<String> cursor, int maxRows) {
        StringBuilder csv = new StringBuilder(cursor.isEmpty() ? ReportsJson.header(columns) : "");
        int rows = 0;
        boolean inReceipts = cursor.isPresent() && cursor.get().startsWith(RECEIPTS);
        Optional<String> next = inReceipts ? Optional.empty() : cursor;
        while (!inReceipts && rows < maxRows) {
            Page<Order> page = orders.placedBetween(merchant, from, to,
                    new PageRequest(next, Math.min(PageRequest.MAX_LIMIT, maxRows - rows)));
            for (Order o : page.items()) {
                ReportsJson.row(csv, new ReportRow.OrderRow(o), columns, zone);
                rows++;
            }
            next = page.nextCursor();
            if (next.isEmpty()) {
                inReceipts = true;
                cursor = Optional.of(RECEIPTS);
            }
        }
        if (!inReceipts) {
            return new Part(csv.toString(), rows, next);
        }
        Optional<String> receiptCursor = receiptCursor(cursor.orElseThrow());
        if (rows >= maxRows) {
            // full: continue with the receipts only if there are any
            boolean any = !receipts.recordedBetween(merchant, from, to, PageRequest.first(1)).items().isEmpty();
            return new Part(csv.toString(), rows, any ? Optional.of(RECEIPTS) : Optional.empty());
        }
        do {
            Page<Receipt> page = receipts.recordedBetween(merchant, from, to,
                    new PageRequest(receiptCursor, Math.min(PageRequest.MAX_LIMIT, maxRows - rows)));
            for (Receipt r : page.items()) {
                ReportsJson.row(csv, new ReportRow.ReceiptRow(r), columns, zone);
                rows++;
            }
            receiptCursor = page.nextCursor();
        } while (receiptCursor.isPresent() && rows < maxRows);
        return new Part(csv.toString(), rows, receiptCursor.map(c -> RECEIPTS + c));
    }

    private static Optional<String> receiptCursor(String cursor) {
        String rest = cursor.substring(RECEIPTS.length());
        if (rest.isEmpty()) {
            return Optional.empty();
        }
        if (rest.startsWith(RECEIPTS)) {
            throw new InvalidInputException("cursor", "is not a cursor returned by this listing");
        }
        return Optional.of(rest);
    }
}
