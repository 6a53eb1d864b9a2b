package com.memberpoints.functions.admin.reports;

import com.memberpoints.functions.admin.AdminJson;
import com.memberpoints.domain.merchant.MerchantStore;
import com.memberpoints.domain.order.OrderStore;

import com.memberpoints.functions.platform.ReadsEnvironment;
import com.memberpoints.functions.platform.AppConfig;
import com.memberpoints.domain.model.Page;
import com.memberpoints.domain.model.PageRequest;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.Money;
import com.memberpoints.domain.order.Order;
import com.memberpoints.domain.order.OrderAmounts;
import com.memberpoints.functions.platform.Wiring;
import com.memberpoints.functions.platform.http.ApiRequest;
import com.memberpoints.functions.platform.http.ApiResponse;
import com.memberpoints.functions.platform.http.Caller;
import com.memberpoints.functions.platform.http.PageCursor;
import com.memberpoints.functions.platform.http.Permission;
import com.memberpoints.functions.platform.http.QueryParams;
import com.memberpoints.functions.platform.http.StaffApiHandler;
import com.memberpoints.functions.platform.log.JsonLogger;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code GET /v1/admin/reports/orders.csv?from=&to=&cursor=} (permission {@code reports}): one CSV row per
 * order placed on local days {@code from..to} (at most 92 days, merchant time zone), oldest first. Dates
 * and times are local (ISO, no offset), money at the currency scale, fields CSV-escaped (RFC 4180). A response
 * carries at most {@value #MAX_ROWS} rows (API Gateway buffers responses; Lambda's limit is 6 MB): when more
 * remain, the {@code link} header ({@code rel="next"}) and {@code x-next-cursor} give the next part.
 */
@ReadsEnvironment({AppConfig.TABLE_NAME})
public final class OrdersReportHandler extends StaffApiHandler {
    public static final int MAX_ROWS = 5_000;
    public static final int MAX_DAYS = 92;
    private final OrderStore orders;
    private final MerchantStore merchants;

    public OrdersReportHandler() {
        this(Wiring.orderStore(), Wiring.merchantStore(), JsonLogger.stdout());
    }

    public OrdersReportHandler(OrderStore orders, MerchantStore merchants, JsonLogger logger) {
        super(Permission.REPORTS, logger);
        this.orders = Objects.requireNonNull(orders, "orders");
        this.merchants = Objects.requireNonNull(merchants, "merchants");
    }

    @Override
    protected ApiResponse handle(ApiRequest request, Caller.Staff staff) {
        QueryParams query = request.query().allowOnly("from", "to", QueryParams.CURSOR);
        QueryParams.DateRange range = query.dateRange("from", "to", MAX_DAYS);
        Optional<String> cursor = query.string(QueryParams.CURSOR, PageCursor.MAX_LENGTH);
        ZoneId zone = AdminJson.store(merchants, staff.merchantId()).zone();
        Instant from = range.from().atStartOfDay(zone).toInstant();
        Instant to = range.to().plusDays(1).atStartOfDay(zone).toInstant();
        StringBuilder csv = new StringBuilder(cursor.isEmpty() ? ReportsJson.ORDERS_HEADER : "");
        int rows = 0;
        Optional<String> next = cursor;
        do {
            Page<Order> page = orders.placedBetween(staff.merchantId(), from, to,
                    new PageRequest(next, Math.min(PageRequest.MAX_LIMIT, MAX_ROWS - rows)));
            for (Order o : page.items()) {
                ReportsJson.row(csv, o, zone);
                rows++;
            }
            next = page.nextCursor();
        } while (next.isPresent() && rows < MAX_ROWS);
        ApiResponse response = ReportsJson.ordersCsv(range, csv.toString(), next);
        request.log().info("orders report", "rows", rows, "more", next.isPresent());
        return response;
    }
}
