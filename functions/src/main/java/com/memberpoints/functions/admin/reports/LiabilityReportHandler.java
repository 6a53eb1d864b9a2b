package com.memberpoints.functions.admin.reports;

import com.memberpoints.functions.admin.AdminJson;

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
        LiabilityReport.Report r = report.report(staff.merchantId()).orElseThrow(AdminJson::storeNotConfigured);
        request.log().info("liability report", "points", r.points().outstanding(), "credits", r.credits().outstanding());
        return ApiResponse.ok(ReportsJson.liability(r));
    }
}
