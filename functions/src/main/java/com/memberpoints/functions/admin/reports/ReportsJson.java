package com.memberpoints.functions.admin.reports;

import com.memberpoints.functions.platform.http.ApiResponse;
import com.memberpoints.functions.platform.http.QueryParams;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.Money;
import com.memberpoints.domain.order.Order;
import com.memberpoints.domain.order.OrderAmounts;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import com.memberpoints.domain.liability.LiabilityReport;
import com.memberpoints.functions.platform.json.JsonArray;
import com.memberpoints.functions.platform.json.JsonObject;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The reports' shapes: the orders CSV (columns, quoting) and the liability report JSON. */
public final class ReportsJson {
    private ReportsJson() {}

    public static final String ORDERS_HEADER = "order_id,member_id,placed_at,status,channel,kind,parent_order_id,item_subtotal,"
            + "discounts,store_credits_used,points_redeemed,point_discount,points_earned,points_earned_at,"
            + "points_scheduled_for,credits_rewarded,credits_rewarded_at,currency\r\n";
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    static JsonObject liability(LiabilityReport.Report r) {
        LiabilityReport.Figures p = r.points();
        LiabilityReport.Figures c = r.credits();
        JsonObject.Builder points = JsonObject.builder()
                .put("outstanding", p.outstanding())
                .put("expiredAwaitingSweep", p.expiredAwaitingSweep());
        r.pointsCashValue().ifPresent(v -> points.put("cashValue", amount(v)));
        points.put("expiring", JsonArray.of(List.of(
                window(30, r.until30(), p.expiring30(), r.pointsExpiring30CashValue(), null),
                window(90, r.until90(), p.expiring90(), r.pointsExpiring90CashValue(), null))));
        JsonObject.Builder credits = JsonObject.builder()
                .put("outstanding", amount(r.credits(c.outstanding())))
                .put("expiredAwaitingSweep", amount(r.credits(c.expiredAwaitingSweep())))
                .put("expiring", JsonArray.of(List.of(
                        window(30, r.until30(), -1, Optional.empty(), r.credits(c.expiring30())),
                        window(90, r.until90(), -1, Optional.empty(), r.credits(c.expiring90())))));
        JsonObject.Builder body = JsonObject.builder()
                .put("asOf", r.asOf().toString())
                .put("today", r.today().toString())
                .put("timeZone", r.store().zone().getId())
                .put("currency", r.store().currency().getCurrencyCode())
                .put("redemptionEnabled", r.pointsPerUnit().isPresent());
        r.pointsPerUnit().ifPresent(rate -> body.put("pointsPerUnit", rate));
        return body.put("points", points.build()).put("credits", credits.build()).build();
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

    private static JsonObject window(int days, LocalDate until, long points, Optional<Money> cash, Money amount) {
        JsonObject.Builder w = JsonObject.builder().put("days", days).put("until", until.toString());
        if (amount != null) {
            w.put("amount", amount(amount));
        } else {
            w.put("points", points);
            cash.ifPresent(v -> w.put("cashValue", amount(v)));
        }
        return w.build();
    }

    private static String amount(Money m) {
        return m.amount().toPlainString();
    }

    /** The CSV download, with a link to the next part when the report was cut at the row limit. */
    static ApiResponse ordersCsv(QueryParams.DateRange range, String csv, Optional<String> next) {
        ApiResponse response = ApiResponse.csv("orders-" + range.from() + "-" + range.to() + ".csv", csv);
        if (next.isPresent()) {
            String url = "/v1/admin/reports/orders.csv?from=" + range.from() + "&to=" + range.to() + "&cursor="
                    + java.net.URLEncoder.encode(next.get(), java.nio.charset.StandardCharsets.UTF_8);
            response = response.withHeader("link", "<" + url + ">; rel=\"next\"").withHeader("x-next-cursor", next.get());
        }
        return response;
    }
}
