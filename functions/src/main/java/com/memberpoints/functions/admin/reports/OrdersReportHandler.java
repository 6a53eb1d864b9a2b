package com.memberpoints.functions.admin.reports;

import com.memberpoints.domain.merchant.MerchantStore;
import com.memberpoints.domain.order.OrderStore;
import com.memberpoints.domain.staff.ReceiptStore;
import com.memberpoints.functions.admin.AdminJson;
import com.memberpoints.functions.platform.AppConfig;
import com.memberpoints.functions.platform.ReadsEnvironment;
import com.memberpoints.functions.platform.Wiring;
import com.memberpoints.functions.platform.http.ApiRequest;
import com.memberpoints.functions.platform.http.ApiResponse;
import com.memberpoints.functions.platform.http.Caller;
import com.memberpoints.functions.platform.http.PageCursor;
import com.memberpoints.functions.platform.http.Permission;
import com.memberpoints.functions.platform.http.QueryParams;
import com.memberpoints.functions.platform.http.StaffApiHandler;
import com.memberpoints.functions.platform.log.JsonLogger;
import com.memberpoints.domain.model.InvalidInputException;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code GET /v1/admin/reports/orders.csv?from=&to=&columns=&cursor=} (permission {@code reports}): one CSV row per
 * order placed on local days {@code from..to} (at most 92 days, merchant time zone), oldest first, then one per
 * in-store receipt (store spend, POS redemption) made on those days, oldest first. {@code columns} chooses the fields
 * ({@link OrderReportColumn}; default: the eighteen of before, in their order; an unknown one is a 400 naming it).
 * Dates and times are local (ISO, no offset), money at the currency scale, fields CSV-escaped (RFC 4180), text
 * neutralised against formulas. A response carries at most {@value #MAX_ROWS} rows (API Gateway buffers responses;
 * Lambda's limit is 6 MB): when more remain, the {@code link} header ({@code rel="next"}) and {@code x-next-cursor}
 * give the next part.
 */
@ReadsEnvironment({AppConfig.TABLE_NAME})
public final class OrdersReportHandler extends StaffApiHandler {
    public static final int MAX_ROWS = 5_000;
    public static final int MAX_DAYS = 92;
    private final OrdersCsv report;
    private final MerchantStore merchants;

    public OrdersReportHandler() {
        this(Wiring.orderStore(), Wiring.receiptStore(), Wiring.merchantStore(), JsonLogger.stdout());
    }

    public OrdersReportHandler(OrderStore orders, ReceiptStore receipts, MerchantStore merchants, JsonLogger logger) {
        super(Permission.REPORTS, logger);
        this.report = new OrdersCsv(orders, receipts);
        this.merchants = Objects.requireNonNull(merchants, "merchants");
    }

    @Override
    protected ApiResponse handle(ApiRequest request, Caller.Staff staff) {
        QueryParams query = request.query().allowOnly("from", "to", "columns", QueryParams.CURSOR);
        QueryParams.DateRange range = query.dateRange("from", "to", MAX_DAYS);
        Optional<String> columnsText = query.string("columns", 1_000);
        List<OrderReportColumn> columns = switch (OrderReportColumn.parse(columnsText)) {
            case OrderReportColumn.Selection.Chosen c -> c.columns();
            case OrderReportColumn.Selection.Refused r -> throw new InvalidInputException("columns", r.message());
        };
        Optional<String> cursor = query.string(QueryParams.CURSOR, PageCursor.MAX_LENGTH);
        ZoneId zone = AdminJson.store(merchants, staff.merchantId()).zone();
        OrdersCsv.Part part = report.part(staff.merchantId(), range.from().atStartOfDay(zone).toInstant(),
                range.to().plusDays(1).atStartOfDay(zone).toInstant(), zone, columns, cursor, MAX_ROWS);
        request.log().info("orders report", "rows", part.rows(), "more", part.next().isPresent());
        return ReportsJson.ordersCsv(range, columnsText, part.csv(), part.next());
    }
}
