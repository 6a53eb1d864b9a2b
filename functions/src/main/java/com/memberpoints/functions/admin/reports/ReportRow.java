package com.memberpoints.functions.admin.reports;

import com.memberpoints.domain.order.Order;
import com.memberpoints.domain.staff.Receipt;

/** One row of the orders report: an order the commerce platform sent, or an in-store receipt staff entered. */
public sealed interface ReportRow {
    record OrderRow(Order order) implements ReportRow {}

    record ReceiptRow(Receipt receipt) implements ReportRow {}
}
