package com.memberpoints.functions.admin.notifications;

import com.memberpoints.functions.platform.ReadsEnvironment;
import com.memberpoints.functions.platform.AppConfig;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.merchant.MerchantStore;
import com.memberpoints.domain.notify.SmsUsageMeter;
import com.memberpoints.domain.model.TimeSource;
import com.memberpoints.functions.platform.Wiring;
import com.memberpoints.functions.platform.http.ApiRequest;
import com.memberpoints.functions.platform.http.ApiResponse;
import com.memberpoints.functions.platform.http.Caller;
import com.memberpoints.functions.platform.http.Permission;
import com.memberpoints.functions.platform.http.StaffApiHandler;
import com.memberpoints.functions.platform.log.JsonLogger;
import java.time.YearMonth;
import java.util.Objects;

/**
 * {@code GET /v1/admin/notifications/sms-usage?month=yyyy-MM}: the SMS parts and messages sent in a month of the
 * store's time zone (default: the current month there) — what the merchant is billed for. Staff with
 * {@code reports}.
 */
@ReadsEnvironment({AppConfig.TABLE_NAME})
public final class SmsUsageHandler extends StaffApiHandler {

    private final MerchantStore merchants;
    private final SmsUsageMeter meter;
    private final TimeSource clock;

    /** Lambda entry point. */
    public SmsUsageHandler() {
        this(Wiring.merchantStore(), Wiring.smsUsageMeter(), TimeSource.system(), JsonLogger.stdout());
    }

    public SmsUsageHandler(MerchantStore merchants, SmsUsageMeter meter, TimeSource clock, JsonLogger logger) {
        super(Permission.REPORTS, logger);
        this.merchants = Objects.requireNonNull(merchants, "merchants");
        this.meter = Objects.requireNonNull(meter, "meter");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    protected ApiResponse handle(ApiRequest request, Caller.Staff staff) {
        request.query().allowOnly("month");
        Merchant store = NotificationsJson.store(merchants, staff.merchantId());
        YearMonth month = NotificationsJson.month(request, store, clock);
        return ApiResponse.ok(NotificationsJson.usage(month, store, meter.usage(staff.merchantId(), month)));
    }
}
