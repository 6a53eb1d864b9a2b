package com.memberpoints.functions.admin.notifications;

import com.memberpoints.domain.notify.NotificationKind;
import com.memberpoints.domain.notify.NotificationRenderer;
import com.memberpoints.domain.notify.NotificationVariables;
import com.memberpoints.domain.notify.RenderedNotification;
import com.memberpoints.functions.platform.json.FieldReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Optional;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.merchant.MerchantStore;
import com.memberpoints.domain.model.InvalidInputException;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.Page;
import com.memberpoints.domain.model.PageRequest;
import com.memberpoints.domain.model.TimeSource;
import com.memberpoints.domain.notify.Channel;
import com.memberpoints.domain.notify.Delivery;
import com.memberpoints.domain.notify.DeliveryStatus;
import com.memberpoints.domain.notify.SmsUsageMeter;
import com.memberpoints.functions.platform.http.ApiException;
import com.memberpoints.functions.platform.http.ApiRequest;
import com.memberpoints.functions.platform.json.JsonArray;
import com.memberpoints.functions.platform.json.JsonObject;
import com.memberpoints.functions.platform.json.JsonValue;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/** The notification admin routes' query parameters and JSON shapes (SMS usage, delivery records). */
public final class NotificationsJson {
    private NotificationsJson() {}

    /** The caller's store; 404 while its profile is not set up (these routes read, they never create it). */
    static Merchant store(MerchantStore merchants, MerchantId id) {
        return merchants.find(id).orElseThrow(() -> ApiException.notFound("The store profile is not set up yet."));
    }

    /** {@code ?month=yyyy-MM}, default the current month in the store's time zone. */
    static YearMonth month(ApiRequest request, Merchant store, TimeSource clock) {
        return request.query().string("month", 7).map(v -> {
            try {
                YearMonth m = YearMonth.parse(v);
                if (m.getYear() < 2000 || m.getYear() > 9999) {
                    throw new InvalidInputException("month", "must be a month as yyyy-MM");
                }
                return m;
            } catch (DateTimeParseException e) {
                throw new InvalidInputException("month", "must be a month as yyyy-MM");
            }
        }).orElseGet(() -> YearMonth.from(clock.now().atZone(store.zone())));
    }

    /** {@code ?status=}, default the statuses needing attention. */
    static EnumSet<DeliveryStatus> statuses(ApiRequest request) {
        return request.query().string("status", 20).map(s -> {
            try {
                return EnumSet.of(DeliveryStatus.valueOf(s));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("status", "must be one of CLAIMED, SENT, RETRYING, FAILED_PERMANENT, UNCONFIRMED");
            }
        }).orElse(EnumSet.of(DeliveryStatus.FAILED_PERMANENT, DeliveryStatus.UNCONFIRMED, DeliveryStatus.RETRYING,
                DeliveryStatus.CLAIMED));
    }

    /** {@code ?cursor=&limit=}. */
    static PageRequest page(ApiRequest request) {
        return new PageRequest(request.query().string("cursor", PageRequest.MAX_CURSOR_LENGTH), request.query().pageSize());
    }

    static JsonObject usage(YearMonth month, Merchant store, SmsUsageMeter.SmsUsage usage) {
        return JsonObject.builder()
                .put("month", month.toString())
                .put("timeZone", store.zone().getId())
                .put("parts", usage.parts())
                .put("messages", usage.messages())
                .build();
    }

    static JsonObject deliveries(YearMonth month, Page<Delivery> page) {
        List<JsonValue> items = new ArrayList<>();
        for (Delivery d : page.items()) {
            JsonObject.Builder b = JsonObject.builder()
                    .put("memberId", d.key().member().value())
                    .put("wallet", d.key().wallet().name())
                    .put("operationId", d.key().operationId().value())
                    .put("channel", d.key().channel().name())
                    .put("status", d.status().name())
                    .put("recipient", mask(d.recipient()))
                    .put("attempts", d.attempts())
                    .put("updatedAt", d.updatedAt().toString())
                    .putIfPresent("lastError", d.lastError())
                    .putIfPresent("nextAttemptAt", d.nextAttemptAt().map(Object::toString));
            if (d.key().channel() == Channel.SMS) {
                b.put("smsParts", d.smsParts());
            }
            items.add(b.build());
        }
        return JsonObject.builder()
                .put("month", month.toString())
                .put("items", new JsonArray(items))
                .putIfPresent("nextCursor", page.nextCursor())
                .build();
    }

    /** {@code a***@example.com}, {@code +886*****678}: enough to recognise, not to harvest. */
    public static String mask(String recipient) {
        int at = recipient.indexOf('@');
        if (at > 0) {
            return recipient.charAt(0) + "***" + recipient.substring(at);
        }
        if (recipient.length() > 7) {
            return recipient.substring(0, 4) + "*".repeat(recipient.length() - 7)
                    + recipient.substring(recipient.length() - 3);
        }
        return "***";
    }

    static final long MAX_POINTS = 1_000_000_000L;
    static final BigDecimal MAX_CREDITS = new BigDecimal("1000000000");
    static final int MAX_NAME = 200;
    static final int MAX_REASON = 200;

    /** What the preview route renders: the kind, an optional locale and the sample values. */
    record PreviewInput(NotificationKind kind, Optional<Locale> locale, NotificationVariables vars) {}

    static PreviewInput previewInput(FieldReader r, Merchant store) {
        NotificationKind kind = r.choice("kind", NotificationKind.class);
        Optional<Locale> locale = r.parsed("locale", 35, NotificationsJson::languageTag,
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
        // A reminder names its expiry date, so the date is required for the reminder kinds.
        Optional<Instant> expiry = (kind != null && kind.isReminder()
                ? Optional.ofNullable(r.date("nearestExpiry")) : r.optionalDate("nearestExpiry"))
                .map(d -> endOfDay(d, store));
        String reason = kind.hasReason()
                ? r.string("reason", 1, MAX_REASON)
                : r.optionalString("reason", 1, MAX_REASON).orElse("");
        if (amount <= 0) {
            r.reject("amount", "must be more than zero");
        }
        return new PreviewInput(kind, locale, new NotificationVariables(name, amount, balance, expiry, reason));
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

    /** The rendered email and SMS, with the SMS encoding, length and parts. */
    static JsonObject preview(RenderedNotification n, Merchant store) {
        return JsonObject.builder()
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
                .build();
    }
}
