package com.memberpoints.functions.admin.reports;

import com.memberpoints.functions.admin.AdminServices;

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
    public static final String HEADER = "order_id,member_id,placed_at,status,channel,kind,parent_order_id,item_subtotal,"
            + "discounts,store_credits_used,points_redeemed,point_discount,points_earned,points_earned_at,"
            + "points_scheduled_for,credits_rewarded,credits_rewarded_at,currency\r\n";
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private final AdminServices services;

    public OrdersReportHandler() {
        this(Wiring.admin(), JsonLogger.stdout());
    }

    public OrdersReportHandler(AdminServices services, JsonLogger logger) {
        super(Permission.REPORTS, logger);
        this.services = Objects.requireNonNull(services, "services");
    }

    @Override
    protected ApiResponse handle(ApiRequest request, Caller.Staff staff) {
        QueryParams query = request.query().allowOnly("from", "to", QueryParams.CURSOR);
        QueryParams.DateRange range = query.dateRange("from", "to", MAX_DAYS);
        Optional<String> cursor = query.string(QueryParams.CURSOR, PageCursor.MAX_LENGTH);
        Merchant merchant = services.merchant(staff.merchantId());
        ZoneId zone = merchant.zone();
        Instant from = range.from().atStartOfDay(zone).toInstant();
        Instant to = range.to().plusDays(1).atStartOfDay(zone).toInstant();
        StringBuilder csv = new StringBuilder(cursor.isEmpty() ? HEADER : "");
        int rows = 0;
        Optional<String> next = cursor;
        do {
            Page<Order> page = services.orders().placedBetween(staff.merchantId(), from, to,
                    new PageRequest(next, Math.min(PageRequest.MAX_LIMIT, MAX_ROWS - rows)));
            for (Order o : page.items()) {
                row(csv, o, zone);
                rows++;
            }
            next = page.nextCursor();
        } while (next.isPresent() && rows < MAX_ROWS);
        String name = "orders-" + range.from() + "-" + range.to() + ".csv";
        ApiResponse response = ApiResponse.csv(name, csv.toString());
        if (next.isPresent()) {
            String url = "/v1/admin/reports/orders.csv?from=" + range.from() + "&to=" + range.to() + "&cursor="
                    + java.net.URLEncoder.encode(next.get(), java.nio.charset.StandardCharsets.UTF_8);
            response = response.withHeader("link", "<" + url + ">; rel=\"next\"").withHeader("x-next-cursor", next.get());
        }
        request.log().info("orders report", "rows", rows, "more", next.isPresent());
        return response;
    }

    static void row(StringBuilder csv, Order o, ZoneId zone) {
        OrderAmounts a = o.amounts();
        field(csv, o.id().value()).append(',');
        field(csv, o.member().map(m -> m.value()).orElse("")).append(',');
        field(csv, local(o.placedAt(), zone)).append(',');
        field(csv, o.status().name()).append(',');
        field(csv, o.channel().name()).append(',');
        field(csv, o.kind().name()).append(',');
        field(csv, o.parentOrder().map(p -> p.value()).orElse("")).append(',');
        field(csv, money(a.itemSubtotal())).append(',');
        field(csv, money(a.discounts())).append(',');
        field(csv, money(a.storeCredits())).append(',');
        field(csv, Long.toString(a.redeemedPoints())).append(',');
        field(csv, money(a.pointDiscount())).append(',');
        field(csv, Long.toString(o.earned().pointsAssigned())).append(',');
        field(csv, o.earned().pointsAssignedAt().map(t -> local(t, zone)).orElse("")).append(',');
        field(csv, o.earned().scheduledFor().map(t -> local(t, zone)).orElse("")).append(',');
        field(csv, money(o.earned().creditsAwarded())).append(',');
        field(csv, o.earned().creditsAwardedAt().map(t -> local(t, zone)).orElse("")).append(',');
        field(csv, a.itemSubtotal().currency().getCurrencyCode()).append("\r\n");
    }

    private static String local(Instant t, ZoneId zone) {
        return LocalDateTime.ofInstant(t, zone).format(LOCAL);
    }

    private static String money(Money m) {
        return m.toPlainString();
    }

    /**
     * RFC 4180 quoting, plus a leading apostrophe for text starting with {@code = + - @} so a spreadsheet never
     * runs it as a formula (ids and statuses are the only free text; amounts never start with those except '-').
     */
    public static StringBuilder field(StringBuilder csv, String value) {
        String v = value;
        if (!v.isEmpty() && "=+@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return csv.append('"').append(v.replace("\"", "\"\"")).append('"');
        }
        return csv.append(v);
    }
}
