package com.memberpoints.functions.storefront;

import com.memberpoints.domain.checkout.Cart;
import com.memberpoints.domain.checkout.CheckoutQuoter;
import com.memberpoints.domain.checkout.PointsRequest;
import com.memberpoints.domain.checkout.QuoteRequest;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.Money;
import com.memberpoints.domain.settings.MerchantSettings;
import com.memberpoints.functions.platform.json.Json;

import java.time.ZoneOffset;
import java.util.Currency;
import java.util.Locale;
import java.util.Set;

/** SnapStart warm-up shared by the storefront handlers: pure computations on made-up data, no I/O. */
final class StorefrontWarmUp {
    private StorefrontWarmUp() {}

    /** See {@link com.memberpoints.functions.platform.Priming#dynamoDbRequestModel()}. */
    static void sdkModel() {
        com.memberpoints.functions.platform.Priming.dynamoDbRequestModel();
    }

    static void dryQuote() {
        Currency usd = Currency.getInstance("USD");
        Merchant merchant = new Merchant(MerchantId.of("priming"), "priming", usd, ZoneOffset.UTC, Locale.ENGLISH,
                Set.of(), false, true, Set.of());
        QuoteRequest request = QuoteRequest.builder(Money.of("100.00", usd)).balance(100).requestPoints(5).build();
        Json.write(StorefrontJson.quote(CheckoutQuoter.quote(merchant, MerchantSettings.defaults(), request), usd));
        new Cart(java.util.List.of(new Cart.Item(Money.of("1.00", usd), false)), Money.zero(usd), Money.zero(usd),
                Money.zero(usd), Money.zero(usd), com.memberpoints.domain.model.SalesChannel.ONLINE).itemSubtotal();
    }
}
