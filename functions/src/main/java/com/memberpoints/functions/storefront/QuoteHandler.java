package com.memberpoints.functions.storefront;

import com.memberpoints.functions.platform.ReadsEnvironment;
import com.memberpoints.functions.platform.AppConfig;
import com.memberpoints.domain.checkout.CheckoutService;
import com.memberpoints.domain.checkout.Quote;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.functions.platform.Wiring;
import com.memberpoints.functions.platform.http.ApiRequest;
import com.memberpoints.functions.platform.http.ApiResponse;
import com.memberpoints.functions.platform.http.Caller;
import com.memberpoints.functions.platform.http.MemberApiHandler;
import com.memberpoints.functions.platform.json.FieldReader;
import com.memberpoints.functions.platform.log.JsonLogger;

import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import java.util.Objects;
import java.util.function.Function;

/**
 * {@code POST /v1/storefront/checkout/quote?locale=}: the checkout breakdown for the member's cart (SPEC §3), with
 * the member's balance from one ledger read. Writes nothing. An entered number of points the rules refuse
 * ("At least 10 points must be entered") is a 200 with {@code redemption.outcome = REJECTED}: a quote is a
 * preview the storefront renders while the member types (docs/decisions.md, "Storefront API"). It says when the
 * points and credits would be given, and words that and the cart reminder in {@code locale} (issue 11.5).
 */
@ReadsEnvironment({AppConfig.TABLE_NAME})
public final class QuoteHandler extends MemberApiHandler {
    private final CheckoutService service;

    /** Lambda entry point. */
    public QuoteHandler() {
        this(Wiring.checkout(), JsonLogger.stdout());
    }

    public QuoteHandler(CheckoutService service, JsonLogger logger) {
        super(logger);
        this.service = Objects.requireNonNull(service, "service");
    }

    @Override
    protected ApiResponse handle(ApiRequest request, Caller.Member member) {
        Optional<Locale> locale = request.query().allowOnly("locale").locale("locale");
        Merchant merchant = service.merchant(member.merchantId());
        StorefrontJson.CartRequest cart = request.body(new Reading(merchant.currency()));
        Quote quote = service.quote(merchant, member.memberId(), cart.cart(), cart.points(), locale);
        request.log().count("QuotesServed", 1);
        return ApiResponse.ok(StorefrontJson.quote(quote, merchant.currency()));
    }

    private record Reading(Currency currency) implements Function<FieldReader, StorefrontJson.CartRequest> {
        @Override
        public StorefrontJson.CartRequest apply(FieldReader r) {
            return StorefrontJson.readCart(r, currency);
        }
    }

    /**
     * SnapStart: the platform pipeline, then a dry quote (pure domain, no I/O) so the checkout rules and the
     * response writer are loaded and initialised in the snapshot. No AWS call is made.
     */
    @Override
    public void prime() {
        super.prime();
        StorefrontWarmUp.dryQuote();
        StorefrontWarmUp.sdkModel();
    }
}
