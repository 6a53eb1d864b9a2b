package com.memberpoints.functions.storefront;

import com.memberpoints.domain.checkout.CheckoutService;
import com.memberpoints.domain.checkout.CreditReminder;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.functions.platform.AppConfig;
import com.memberpoints.functions.platform.ReadsEnvironment;
import com.memberpoints.functions.platform.Wiring;
import com.memberpoints.functions.platform.http.ApiRequest;
import com.memberpoints.functions.platform.http.ApiResponse;
import com.memberpoints.functions.platform.http.PublicApiHandler;
import com.memberpoints.functions.platform.log.JsonLogger;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code POST /v1/storefront/merchants/{merchantId}/credit-reminder?locale=} — NO token (issue 11.5): the
 * reward-credit cart reminder for anyone with a cart, guests included, as the articles show it. Body: the cart's
 * {@code items} (amounts) and {@code discounts}. Reads the store profile and its settings only, never a member or
 * the ledger, so it reveals nothing about any member; the store's own rule applies (a guest has no tier). Small
 * bodies only ({@link #maxBodyBytes()}); an unknown store is 404.
 */
@ReadsEnvironment({AppConfig.TABLE_NAME})
public final class GuestCreditReminderHandler extends PublicApiHandler {
    /** A guest cart of 500 lines fits easily; anything bigger is refused before it is parsed. */
    static final int MAX_BODY_BYTES = 32 * 1024;

    private final CheckoutService service;

    /** Lambda entry point. */
    public GuestCreditReminderHandler() {
        this(Wiring.checkout(), JsonLogger.stdout());
    }

    public GuestCreditReminderHandler(CheckoutService service, JsonLogger logger) {
        super(logger);
        this.service = Objects.requireNonNull(service, "service");
    }

    @Override
    protected int maxBodyBytes() {
        return MAX_BODY_BYTES;
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        Optional<Locale> locale = request.query().allowOnly("locale").locale("locale");
        MerchantId merchantId = request.pathParameter("merchantId", MerchantId::of);
        Merchant merchant = service.merchant(merchantId);
        StorefrontJson.GuestCart cart = request.body(new StorefrontJson.GuestCartReading(merchant.currency()));
        CreditReminder reminder = service.guestReminder(merchant, cart.itemSubtotal(), cart.discounts(), locale);
        return ApiResponse.ok(StorefrontJson.guestReminder(reminder, merchant.currency()));
    }

    /** SnapStart: the platform pipeline (no path parameter: nothing is read), then a dry quote (pure domain). */
    @Override
    public void prime() {
        super.prime();
        StorefrontWarmUp.dryQuote();
    }
}
