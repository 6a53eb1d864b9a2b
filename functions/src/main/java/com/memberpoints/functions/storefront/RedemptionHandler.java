package com.memberpoints.functions.storefront;

import com.memberpoints.functions.platform.ReadsEnvironment;
import com.memberpoints.functions.platform.AppConfig;
import com.memberpoints.domain.checkout.RedemptionOutcome;
import com.memberpoints.domain.checkout.StorefrontService;
import com.memberpoints.domain.ledger.Wallet;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.FieldError;
import com.memberpoints.domain.model.InvalidInputException;
import com.memberpoints.domain.model.Money;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.functions.platform.Wiring;
import com.memberpoints.functions.platform.http.ApiException;
import com.memberpoints.functions.platform.http.ApiRequest;
import com.memberpoints.functions.platform.http.ApiResponse;
import com.memberpoints.functions.platform.http.Caller;
import com.memberpoints.functions.platform.http.MemberApiHandler;
import com.memberpoints.functions.platform.http.ProblemType;
import com.memberpoints.functions.platform.json.FieldReader;
import com.memberpoints.functions.platform.json.JsonObject;
import com.memberpoints.functions.platform.log.JsonLogger;

import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * {@code POST /v1/storefront/checkout/redemptions}: commits the points (and store credits) of a checkout,
 * idempotently by {@code orderId}. The quote is recomputed server-side from the cart; client totals are
 * refused as read-only. First time 201, the same order and cart again 200 with the same body (one debit).
 * Insufficient balance 409 (the available balance in {@code errors}); another amount for the same order 409;
 * an entered number the rules refuse 400 naming {@code points}.
 */
@ReadsEnvironment({AppConfig.TABLE_NAME})
public final class RedemptionHandler extends MemberApiHandler {
    private final StorefrontService service;

    /** Lambda entry point. */
    public RedemptionHandler() {
        this(Wiring.storefront(), JsonLogger.stdout());
    }

    public RedemptionHandler(StorefrontService service, JsonLogger logger) {
        super(logger);
        this.service = Objects.requireNonNull(service, "service");
    }

    private record Body(OrderId order, StorefrontJson.CartRequest cart) {}

    private record Reading(Currency currency) implements Function<FieldReader, Body> {
        @Override
        public Body apply(FieldReader r) {
            OrderId order = r.id("orderId", OrderId::of);
            return new Body(order, StorefrontJson.readCart(r, currency));
        }
    }

    @Override
    protected ApiResponse handle(ApiRequest request, Caller.Member member) {
        request.query().allowOnly();
        Merchant merchant = service.merchant(member.merchantId());
        Body body = request.body(new Reading(merchant.currency()));
        RedemptionOutcome outcome = service.redeem(merchant, member.memberId(), body.order(), body.cart().cart(),
                body.cart().points());
        if (outcome instanceof RedemptionOutcome.Redeemed r) {
            request.log().info(r.repeat() ? "redemption repeated" : "redemption held", "orderId", r.order().value(),
                    "points", r.points(), "storeCredits", r.storeCredits().toPlainString());
            JsonObject json = JsonObject.builder()
                    .put("orderId", r.order().value())
                    .put("status", "HELD")
                    .put("points", r.points())
                    .put("pointDiscount", r.quote().pointDiscount())
                    .put("storeCredits", r.storeCredits())
                    .put("total", r.quote().total())
                    .put("redemption", StorefrontJson.redemption(r.quote().redemption()))
                    .put("pointsBalanceAfter", r.pointsBalanceAfter())
                    .put("creditsBalanceAfter", r.creditsBalanceAfter())
                    .build();
            return ApiResponse.json(r.repeat() ? 200 : 201, json);
        }
        if (outcome instanceof RedemptionOutcome.Rejected j) {
            throw new InvalidInputException("points", j.rejection().message());
        }
        if (outcome instanceof RedemptionOutcome.Insufficient i) {
            boolean points = i.wallet() == Wallet.POINTS;
            String available = points ? Long.toString(i.available())
                    : Money.ofMinor(i.available(), merchant.currency()).toPlainString();
            String needed = points ? Long.toString(i.requested())
                    : Money.ofMinor(i.requested(), merchant.currency()).toPlainString();
            String what = points ? "points" : "store credits";
            throw new ApiException(ProblemType.CONFLICT,
                    "Not enough " + what + ": " + available + " available, " + needed + " needed.",
                    List.of(new FieldError(points ? "points" : "storeCredits", "exceeds the available balance of " + available)),
                    Map.of());
        }
        throw ApiException.conflict(((RedemptionOutcome.Conflict) outcome).detail());
    }

    @Override
    public void prime() {
        super.prime();
        StorefrontWarmUp.dryQuote();
        StorefrontWarmUp.sdkModel();
    }
}
