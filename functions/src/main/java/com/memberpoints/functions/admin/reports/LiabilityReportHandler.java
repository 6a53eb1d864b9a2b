package com.memberpoints.functions.admin.reports;

import com.memberpoints.functions.admin.AdminServices;

import com.memberpoints.functions.platform.ReadsEnvironment;
import com.memberpoints.functions.platform.AppConfig;
import com.memberpoints.domain.liability.LiabilityReport;
import com.memberpoints.domain.model.Money;
import com.memberpoints.domain.liability.LiabilityCounters;
import com.memberpoints.domain.merchant.MerchantStore;
import com.memberpoints.domain.settings.SettingsStore;
import com.memberpoints.domain.model.TimeSource;
import com.memberpoints.functions.platform.Wiring;
import com.memberpoints.functions.platform.http.ApiRequest;
import com.memberpoints.functions.platform.http.ApiResponse;
import com.memberpoints.functions.platform.http.Caller;
import com.memberpoints.functions.platform.http.Permission;
import com.memberpoints.functions.platform.http.StaffApiHandler;
import com.memberpoints.functions.platform.json.JsonArray;
import com.memberpoints.functions.platform.json.JsonObject;
import com.memberpoints.functions.platform.log.JsonLogger;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code GET /v1/admin/reports/liability} (permission {@code reports}): what the store owes its members —
 * outstanding points (and their cash value at the redemption rate in force), outstanding store credits, and what
 * expires within the next 30 and 90 days (to the end of that local day, store time zone). Read from the
 * per-merchant liability counters (a few small reads, whatever the number of members), which follow the ledger
 * through its change stream: the figures may trail the latest ledger change by the stream's lag (seconds).
 */
@ReadsEnvironment({AppConfig.TABLE_NAME})
public final class LiabilityReportHandler extends StaffApiHandler {

    private final LiabilityReport report;

    /** Lambda entry point. */
    public LiabilityReportHandler() {
        this(Wiring.merchantStore(), Wiring.settingsStore(), Wiring.liabilityCounters(), TimeSource.system(),
                JsonLogger.stdout());
    }

    public LiabilityReportHandler(MerchantStore merchants, SettingsStore settings, LiabilityCounters counters,
                                  TimeSource clock, JsonLogger logger) {
        super(Permission.REPORTS, logger);
        this.report = new LiabilityReport(Objects.requireNonNull(merchants, "merchants"),
                Objects.requireNonNull(settings, "settings"), Objects.requireNonNull(counters, "counters"),
                Objects.requireNonNull(clock, "clock"));
    }

    @Override
    protected ApiResponse handle(ApiRequest request, Caller.Staff staff) {
        request.query().allowOnly();
        LiabilityReport.Report r = report.report(staff.merchantId()).orElseThrow(AdminServices::storeNotConfigured);
        LiabilityReport.Figures p = r.points();
        LiabilityReport.Figures c = r.credits();
        JsonObject.Builder points = JsonObject.builder()
                .put("outstanding", p.outstanding())
                .put("expiredAwaitingSweep", p.expiredAwaitingSweep());
        r.pointsCashValue().ifPresent(v -> points.put("cashValue", money(v)));
        points.put("expiring", JsonArray.of(List.of(
                window(30, r.until30(), p.expiring30(), r.pointsExpiring30CashValue(), null),
                window(90, r.until90(), p.expiring90(), r.pointsExpiring90CashValue(), null))));
        JsonObject.Builder credits = JsonObject.builder()
                .put("outstanding", money(r.credits(c.outstanding())))
                .put("expiredAwaitingSweep", money(r.credits(c.expiredAwaitingSweep())))
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
        request.log().info("liability report", "points", p.outstanding(), "credits", c.outstanding());
        return ApiResponse.ok(body.put("points", points.build()).put("credits", credits.build()).build());
    }

    private static JsonObject window(int days, LocalDate until, long points, Optional<Money> cash, Money amount) {
        JsonObject.Builder w = JsonObject.builder().put("days", days).put("until", until.toString());
        if (amount != null) {
            w.put("amount", money(amount));
        } else {
            w.put("points", points);
            cash.ifPresent(v -> w.put("cashValue", money(v)));
        }
        return w.build();
    }

    private static String money(Money m) {
        return m.amount().toPlainString();
    }
}
