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

    /** The default header line (the report's columns before they could be chosen). */
    public static final String ORDERS_HEADER = header(OrderReportColumn.DEFAULT);

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

    /** The header line of {@code columns}. */
    static String header(List<OrderReportColumn> columns) {
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            field(csv, columns.get(i).columnName()).append(i == columns.size() - 1 ? "\r\n" : ",");
        }
        return csv.toString();
    }

    /** One report line: each chosen column's cell, numbers as numbers, text neutralised and quoted. */
    static void row(StringBuilder csv, ReportRow row, List<OrderReportColumn> columns, ZoneId zone) {
        for (int i = 0; i < columns.size(); i++) {
            OrderReportColumn c = columns.get(i);
            String value = c.value(row, zone);
            (c.numeric() ? number(csv, value) : field(csv, value)).append(i == columns.size() - 1 ? "\r\n" : ",");
        }
    }

    /** Characters that make a spreadsheet read a cell as a formula (with their full-width forms). */
    private static final String FORMULA_STARTS = "=+-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20";
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    /** Whether a text cell starting with {@code value} would be read as a formula. */
    public static boolean startsLikeAFormula(String value) {
        return !value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0;
    }

    /**
     * A text cell: RFC 4180 quoting, plus a leading apostrophe for text starting with {@code = + - @}, tab, carriage
     * return or line feed (or a full-width {@code ＝ ＋ － ＠}), so a spreadsheet never runs it as a formula. Every
     * text cell goes through here, whatever its column: ids come from the commerce platform and from staff.
     */
    public static StringBuilder field(StringBuilder csv, String value) {
        String v = startsLikeAFormula(value) ? "'" + value : value;
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return csv.append('"').append(v.replace("\"", "\"\"")).append('"');
        }
        return csv.append(v);
    }

    /**
     * A number cell: a plain decimal we computed ({@code -?digits[.digits]}), written as it is, so a negative
     * number stays a number (its '-' is a minus sign, not the start of a formula). Anything else is treated as text.
     */
    public static StringBuilder number(StringBuilder csv, String value) {
        return NUMBER.matcher(value).matches() ? csv.append(value) : field(csv, value);
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
    static ApiResponse ordersCsv(QueryParams.DateRange range, Optional<String> columns, String csv,
                                 Optional<String> next) {
        ApiResponse response = ApiResponse.csv("orders-" + range.from() + "-" + range.to() + ".csv", csv);
        if (next.isPresent()) {
            String url = "/v1/admin/reports/orders.csv?from=" + range.from() + "&to=" + range.to()
                    + columns.map(c -> "&columns=" + java.net.URLEncoder.encode(c, java.nio.charset.StandardCharsets.UTF_8))
                            .orElse("")
                    + "&cursor=" + java.net.URLEncoder.encode(next.get(), java.nio.charset.StandardCharsets.UTF_8);
            response = response.withHeader("link", "<" + url + ">; rel=\"next\"").withHeader("x-next-cursor", next.get());
        }
        return response;
    }
}
