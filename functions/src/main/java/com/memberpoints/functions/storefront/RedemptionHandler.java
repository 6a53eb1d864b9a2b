package com.memberpoints.functions.storefront;

import com.memberpoints.functions.platform.ReadsEnvironment;
import com.memberpoints.functions.platform.AppConfig;
import com.memberpoints.domain.checkout.RedemptionOutcome;
import com.memberpoints.domain.checkout.CheckoutService;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.functions.platform.Wiring;
import com.memberpoints.functions.platform.http.ApiRequest;
import com.memberpoints.functions.platform.http.ApiResponse;
import com.memberpoints.functions.platform.http.Caller;
import com.memberpoints.functions.platform.http.MemberApiHandler;
import com.memberpoints.functions.platform.json.FieldReader;
import com.memberpoints.functions.platform.log.JsonLogger;

import java.util.Currency;
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
    private final CheckoutService service;

    /** Lambda entry point. */
    public RedemptionHandler() {
        this(Wiring.checkout(), JsonLogger.stdout());
    }

    public RedemptionHandler(CheckoutService service, JsonLogger logger) {
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
        return StorefrontJson.answer(outcome, merchant, request.log());
    }

    @Override
    public void prime() {
        super.prime();
        StorefrontWarmUp.dryQuote();
        StorefrontWarmUp.sdkModel();
    }
}
