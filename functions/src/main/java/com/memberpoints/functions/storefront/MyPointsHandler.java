package com.memberpoints.functions.storefront;

import com.memberpoints.functions.platform.ReadsEnvironment;
import com.memberpoints.functions.platform.AppConfig;
import com.memberpoints.domain.membercenter.MemberPointsView;
import com.memberpoints.domain.checkout.StorefrontService;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.order.Order;
import com.memberpoints.functions.platform.Wiring;
import com.memberpoints.functions.platform.http.ApiRequest;
import com.memberpoints.functions.platform.http.ApiResponse;
import com.memberpoints.functions.platform.http.Caller;
import com.memberpoints.functions.platform.http.MemberApiHandler;
import com.memberpoints.functions.platform.json.JsonArray;
import com.memberpoints.functions.platform.json.JsonObject;
import com.memberpoints.functions.platform.json.JsonValue;
import com.memberpoints.functions.platform.log.JsonLogger;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code GET /v1/storefront/me/points?locale=}: balance, cash value, balance by expiry date (merchant-local),
 * never-expiring points, pending points with their expected date, and the rules text in the requested locale
 * (falling back to the store's default locale).
 */
@ReadsEnvironment({AppConfig.TABLE_NAME})
public final class MyPointsHandler extends MemberApiHandler {
    private final StorefrontService service;

    /** Lambda entry point. */
    public MyPointsHandler() {
        this(Wiring.storefront(), JsonLogger.stdout());
    }

    public MyPointsHandler(StorefrontService service, JsonLogger logger) {
        super(logger);
        this.service = Objects.requireNonNull(service, "service");
    }

    @Override
    protected ApiResponse handle(ApiRequest request, Caller.Member member) {
        Optional<Locale> locale = request.query().allowOnly("locale").locale("locale");
        Merchant merchant = service.merchant(member.merchantId());
        MemberPointsView v = service.points(merchant, member.memberId(), locale);
        List<JsonValue> byExpiry = new ArrayList<>();
        for (MemberPointsView.ExpiringBalance e : v.byExpiry()) {
            byExpiry.add(JsonObject.builder().put("expiresOn", e.expiresOn().toString()).put("points", e.points()).build());
        }
        JsonObject.Builder b = JsonObject.builder()
                .put("balance", v.balance())
                .put("cashValue", v.cashValue())
                .put("currency", merchant.currency().getCurrencyCode())
                .put("byExpiry", new JsonArray(byExpiry))
                .put("neverExpiring", v.neverExpiring())
                .put("pending", pendingJson(v.pending()))
                .put("morePending", v.morePending());
        if (v.rules().isPresent()) {
            b.put("rules", JsonObject.builder().put("locale", v.rules().get().locale())
                    .put("text", v.rules().get().text()).build());
        } else {
            b.putNull("rules");
        }
        return ApiResponse.ok(b.build());
    }

    /**
     * Pending points as the member center and the admin member view show them ({@code PendingPoints} in
     * docs/openapi.yaml): order, points, status and the expected local date, or null when it is not known yet.
     */
    public static JsonArray pendingJson(List<MemberPointsView.PendingPoints> pending) {
        List<JsonValue> items = new ArrayList<>();
        for (MemberPointsView.PendingPoints p : pending) {
            JsonObject.Builder item = JsonObject.builder().put("orderId", p.order().value()).put("points", p.points())
                    .put("status", status(p.waiting()));
            if (p.expectedOn().isPresent()) {
                item.put("expectedOn", p.expectedOn().get().toString());
            } else {
                item.putNull("expectedOn");
            }
            items.add(item.build());
        }
        return new JsonArray(items);
    }

    /** The wire word for what a pending assignment waits for (docs/openapi.yaml, {@code PendingPoints.status}). */
    static String status(Order.PendingPoints.Waiting waiting) {
        return switch (waiting) {
            case SCHEDULED -> "scheduled";
            case DELIVERY -> "awaiting-delivery";
            case COMPLETION -> "awaiting-completion";
        };
    }

    /** SnapStart: the platform pipeline, then the DynamoDB request model (nothing is sent). */
    @Override
    public void prime() {
        super.prime();
        StorefrontWarmUp.sdkModel();
    }
}
