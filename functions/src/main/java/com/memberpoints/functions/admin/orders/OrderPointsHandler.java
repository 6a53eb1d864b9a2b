package com.memberpoints.functions.admin.orders;

import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.domain.order.OrderPointsView;
import com.memberpoints.domain.order.OrderViews;
import com.memberpoints.functions.admin.AdminJson;
import com.memberpoints.functions.platform.AppConfig;
import com.memberpoints.functions.platform.ReadsEnvironment;
import com.memberpoints.functions.platform.Wiring;
import com.memberpoints.functions.platform.http.ApiException;
import com.memberpoints.functions.platform.http.ApiRequest;
import com.memberpoints.functions.platform.http.ApiResponse;
import com.memberpoints.functions.platform.http.Caller;
import com.memberpoints.functions.platform.http.Permission;
import com.memberpoints.functions.platform.http.StaffApiHandler;
import com.memberpoints.functions.platform.log.JsonLogger;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code GET /v1/admin/orders/{orderId}?locale=} (permission {@code customer_management}, issue 11.5): one order's
 * points and credits state — the rule bound at placement, points expected (with the date once scheduled), assigned
 * (when, by what), redeemed, reverted, reward credits — and when points and credits are given, worded ("Points
 * earned after completed"). An order the caller's store does not have is 404, another store's included.
 */
@ReadsEnvironment({AppConfig.TABLE_NAME})
public final class OrderPointsHandler extends StaffApiHandler {
    private final OrderViews views;

    public OrderPointsHandler() {
        this(Wiring.orderViews(), JsonLogger.stdout());
    }

    public OrderPointsHandler(OrderViews views, JsonLogger logger) {
        super(Permission.CUSTOMER_MANAGEMENT, logger);
        this.views = Objects.requireNonNull(views, "views");
    }

    @Override
    protected ApiResponse handle(ApiRequest request, Caller.Staff staff) {
        Optional<Locale> locale = request.query().allowOnly("locale").locale("locale");
        OrderId order = request.pathParameter("orderId", OrderId::of);
        Merchant merchant = views.store(staff.merchantId()).orElseThrow(AdminJson::storeNotConfigured);
        OrderPointsView view = views.view(merchant, order, locale)
                .orElseThrow(() -> ApiException.notFound("Order not found."));
        return ApiResponse.ok(OrdersJson.order(view, merchant));
    }
}
