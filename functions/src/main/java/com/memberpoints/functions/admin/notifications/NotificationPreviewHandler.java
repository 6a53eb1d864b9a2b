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
 * <p>Body: {@code kind} (ORDER_POINTS, STAFF_POINTS, ORDER_CREDITS), {@code amount} and {@code balance}
 * (whole points, or for ORDER_CREDITS decimal strings in the store currency), optional {@code locale} (falls back
 * to the store default, then en), {@code memberName}, {@code nearestExpiry} (a store-local date) and
 * {@code reason} (required for STAFF_POINTS, as for a real assignment).
 */
@ReadsEnvironment({AppConfig.TABLE_NAME})
public final class NotificationPreviewHandler extends StaffApiHandler {

    static final long MAX_POINTS = 1_000_000_000L;
    static final BigDecimal MAX_CREDITS = new BigDecimal("1000000000");
    static final int MAX_NAME = 200;
    static final int MAX_REASON = 200;

    private final MerchantStore merchants;

    /** Lambda entry point. */
    public NotificationPreviewHandler() {
        this(Wiring.merchantStore(), JsonLogger.stdout());
    }

    public NotificationPreviewHandler(MerchantStore merchants, JsonLogger logger) {
        super(Permission.MEMBER_POINTS, logger);
        this.merchants = Objects.requireNonNull(merchants, "merchants");
    }

    private record Input(NotificationKind kind, Optional<Locale> locale, NotificationVariables vars) {}

    @Override
    protected ApiResponse handle(ApiRequest request, Caller.Staff staff) {
        request.query().allowOnly();
        Merchant store = merchants.find(staff.merchantId())
                .orElseThrow(() -> ApiException.notFound("The store profile is not set up yet."));
        Input input = request.body(r -> read(r, store));
        RenderedNotification n = NotificationRenderer.render(input.kind(), store, input.locale(), input.vars());
        return ApiResponse.ok(JsonObject.builder()
                .put("kind", n.kind().name())
                .put("locale", n.locale().toLanguageTag())
                .put("email", JsonObject.builder()
                        .put("subject", n.subject())
                        .put("html", n.html())
                        .put("text", n.text())
                        .build())
                .put("sms", JsonObject.builder()
                        .put("text", n.sms())
                        .put("encoding", n.smsCount().encoding().name())
                        .put("characters", n.smsCount().characters())
                        .put("parts", n.smsCount().parts())
                        .put("smsEnabled", store.smsEnabled())
                        .build())
                .build());
    }

    private static Input read(FieldReader r, Merchant store) {
        NotificationKind kind = r.choice("kind", NotificationKind.class);
        Optional<Locale> locale = r.parsed("locale", 35, NotificationPreviewHandler::languageTag,
                "must be a language tag such as en or zh-TW");
        String name = r.optionalString("memberName", 1, MAX_NAME).orElse("");
        long amount;
        long balance;
        if (kind.isCredits()) {
            amount = r.money("amount", store.currency(), MAX_CREDITS).toMinor();
            balance = r.money("balance", store.currency(), MAX_CREDITS).toMinor();
        } else {
            amount = r.integer("amount", 1, MAX_POINTS);
            balance = r.integer("balance", 0, MAX_POINTS);
        }
        Optional<Instant> expiry = r.optionalDate("nearestExpiry")
                .map(d -> endOfDay(d, store));
        String reason = kind == NotificationKind.STAFF_POINTS
                ? r.string("reason", 1, MAX_REASON)
                : r.optionalString("reason", 1, MAX_REASON).orElse("");
        if (amount <= 0) {
            r.reject("amount", "must be more than zero");
        }
        return new Input(kind, locale, new NotificationVariables(name, amount, balance, expiry, reason));
    }

    private static Instant endOfDay(LocalDate date, Merchant store) {
        return date.atTime(LocalTime.of(23, 59, 59)).atZone(store.zone()).toInstant();
    }

    private static Locale languageTag(String tag) {
        try {
            return new Locale.Builder().setLanguageTag(tag).build();
        } catch (IllformedLocaleException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
