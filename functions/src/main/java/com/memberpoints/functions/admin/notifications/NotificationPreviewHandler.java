package com.memberpoints.functions.admin.notifications;

import com.memberpoints.functions.platform.ReadsEnvironment;
import com.memberpoints.functions.platform.AppConfig;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.notify.NotificationKind;
import com.memberpoints.domain.notify.NotificationRenderer;
import com.memberpoints.domain.notify.NotificationVariables;
import com.memberpoints.domain.notify.RenderedNotification;
import com.memberpoints.domain.merchant.MerchantStore;
import com.memberpoints.functions.platform.Wiring;
import com.memberpoints.functions.platform.http.ApiException;
import com.memberpoints.functions.platform.http.ApiRequest;
import com.memberpoints.functions.platform.http.ApiResponse;
import com.memberpoints.functions.platform.http.Caller;
import com.memberpoints.functions.platform.http.Permission;
import com.memberpoints.functions.platform.http.StaffApiHandler;
import com.memberpoints.functions.platform.json.FieldReader;
import com.memberpoints.functions.platform.json.JsonObject;
import com.memberpoints.functions.platform.log.JsonLogger;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code POST /v1/admin/notifications/preview}: renders a notification as the member would get it — email
 * subject, HTML and text, and the SMS with its encoding, character count and parts — from sample values, in the
 * store's name, currency and time zone. Nothing is sent or stored. Staff with {@code member_points} (the people
 * who assign points and choose to notify) may preview.
 *
 * <p>Body: {@code kind} (ORDER_POINTS, STAFF_POINTS, ORDER_CREDITS, STAFF_CREDITS, and the expiry reminders
 * POINTS_EXPIRING and CREDITS_EXPIRING), {@code amount} and {@code balance} (whole points, or for the credit kinds
 * decimal strings in the store currency), optional {@code locale} (falls back to the store default, then en),
 * {@code memberName}, {@code nearestExpiry} (a store-local date; required for the reminder kinds, whose text names
 * it) and {@code reason} (required for STAFF_POINTS and STAFF_CREDITS, as for a real assignment).
 */
@ReadsEnvironment({AppConfig.TABLE_NAME})
public final class NotificationPreviewHandler extends StaffApiHandler {

    private final MerchantStore merchants;

    /** Lambda entry point. */
    public NotificationPreviewHandler() {
        this(Wiring.merchantStore(), JsonLogger.stdout());
    }

    public NotificationPreviewHandler(MerchantStore merchants, JsonLogger logger) {
        super(Permission.MEMBER_POINTS, logger);
        this.merchants = Objects.requireNonNull(merchants, "merchants");
    }

    @Override
    protected ApiResponse handle(ApiRequest request, Caller.Staff staff) {
        request.query().allowOnly();
        Merchant store = NotificationsJson.store(merchants, staff.merchantId());
        NotificationsJson.PreviewInput input = request.body(r -> NotificationsJson.previewInput(r, store));
        RenderedNotification n = NotificationRenderer.render(input.kind(), store, input.locale(), input.vars());
        return ApiResponse.ok(NotificationsJson.preview(n, store));
    }
}
