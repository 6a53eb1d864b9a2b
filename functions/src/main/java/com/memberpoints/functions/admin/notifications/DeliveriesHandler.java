package com.memberpoints.functions.admin.notifications;

import com.memberpoints.functions.platform.ReadsEnvironment;
import com.memberpoints.functions.platform.AppConfig;
import com.memberpoints.domain.model.Page;
import com.memberpoints.domain.model.PageRequest;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.InvalidInputException;
import com.memberpoints.domain.notify.Delivery;
import com.memberpoints.domain.notify.DeliveryStatus;
import com.memberpoints.domain.notify.DeliveryStore;
import com.memberpoints.domain.merchant.MerchantStore;
import com.memberpoints.domain.model.TimeSource;
import com.memberpoints.functions.platform.Wiring;
import com.memberpoints.functions.platform.http.ApiException;
import com.memberpoints.functions.platform.http.ApiRequest;
import com.memberpoints.functions.platform.http.ApiResponse;
import com.memberpoints.functions.platform.http.Caller;
import com.memberpoints.functions.platform.http.Permission;
import com.memberpoints.functions.platform.http.StaffApiHandler;
import com.memberpoints.functions.platform.json.JsonArray;
import com.memberpoints.functions.platform.json.JsonObject;
import com.memberpoints.functions.platform.json.JsonValue;
import com.memberpoints.functions.platform.log.JsonLogger;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
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
        Merchant store = merchants.find(staff.merchantId())
                .orElseThrow(() -> ApiException.notFound("The store profile is not set up yet."));
        YearMonth month = SmsUsageHandler.month(request, store, clock);
        EnumSet<DeliveryStatus> statuses = request.query().string("status", 20).map(s -> {
            try {
                return EnumSet.of(DeliveryStatus.valueOf(s));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("status", "must be one of CLAIMED, SENT, RETRYING, FAILED_PERMANENT, UNCONFIRMED");
            }
        }).orElse(EnumSet.of(DeliveryStatus.FAILED_PERMANENT, DeliveryStatus.UNCONFIRMED, DeliveryStatus.RETRYING,
                DeliveryStatus.CLAIMED));
        PageRequest pageRequest = new PageRequest(request.query().string("cursor", PageRequest.MAX_CURSOR_LENGTH),
                request.query().pageSize());
        Page<Delivery> page = deliveries.list(staff.merchantId(), month, statuses, pageRequest);
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
            if (d.key().channel() == com.memberpoints.domain.notify.Channel.SMS) {
                b.put("smsParts", d.smsParts());
            }
            items.add(b.build());
        }
        return ApiResponse.ok(JsonObject.builder()
                .put("month", month.toString())
                .put("items", new JsonArray(items))
                .putIfPresent("nextCursor", page.nextCursor())
                .build());
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
}
