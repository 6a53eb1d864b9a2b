package com.memberpoints.functions.admin.notifications;

import com.memberpoints.functions.platform.ReadsEnvironment;
import com.memberpoints.functions.platform.AppConfig;
import com.memberpoints.domain.model.Page;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.notify.Delivery;
import com.memberpoints.domain.notify.DeliveryStore;
import com.memberpoints.domain.merchant.MerchantStore;
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
 * {@code GET /v1/admin/notifications/deliveries?month=yyyy-MM&status=FAILED_PERMANENT&limit=50}: the delivery
 * records of a month (of the ledger entries, store time zone) in one status — by default those needing attention:
 * FAILED_PERMANENT, UNCONFIRMED (the provider was called and its answer lost: possibly sent, never re-sent),
 * RETRYING and CLAIMED (claimed but no outcome recorded: possibly sent, never re-sent automatically).
 * Staff with {@code customer_management}. Recipients are shown masked; message bodies are not returned.
 */
@ReadsEnvironment({AppConfig.TABLE_NAME})
public final class DeliveriesHandler extends StaffApiHandler {

    private final MerchantStore merchants;
    private final DeliveryStore deliveries;
    private final TimeSource clock;

    /** Lambda entry point. */
    public DeliveriesHandler() {
        this(Wiring.merchantStore(), Wiring.deliveryStore(), TimeSource.system(), JsonLogger.stdout());
    }

    public DeliveriesHandler(MerchantStore merchants, DeliveryStore deliveries, TimeSource clock, JsonLogger logger) {
        super(Permission.CUSTOMER_MANAGEMENT, logger);
        this.merchants = Objects.requireNonNull(merchants, "merchants");
        this.deliveries = Objects.requireNonNull(deliveries, "deliveries");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    protected ApiResponse handle(ApiRequest request, Caller.Staff staff) {
        request.query().allowOnly("month", "status", "limit", "cursor");
        Merchant store = NotificationsJson.store(merchants, staff.merchantId());
        YearMonth month = NotificationsJson.month(request, store, clock);
        Page<Delivery> page = deliveries.list(staff.merchantId(), month, NotificationsJson.statuses(request),
                NotificationsJson.page(request));
        return ApiResponse.ok(NotificationsJson.deliveries(month, page));
    }
}
