package com.memberpoints.functions.storefront;

import com.memberpoints.functions.storefront.StorefrontWorld.Call;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static com.memberpoints.functions.storefront.StorefrontWorld.call;
import static com.memberpoints.functions.storefront.StorefrontWorld.event;
import static org.assertj.core.api.Assertions.assertThat;

/** Each storefront field's and parameter's bad values → 400 naming it; nothing is read or written. */
class StorefrontValidationTest {
    private final StorefrontWorld w = new StorefrontWorld();

    @ParameterizedTest(name = "{1} -> {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "pionts                   | {'items':[{'amount':'1.00'}],'pionts':10}",
            "items                    | {}",
            "items                    | {'items':[]}",
            "items                    | {'items':'1.00'}",
            "items[0].amount          | {'items':[{'amount':'-1.00'}]}",
            "items[0].amount          | {'items':[{'amount':10}]}",
            "items[0].amount          | {'items':[{'amount':'1.001'}]}",
            "items[0].amount          | {'items':[{}]}",
            "items[1].colour          | {'items':[{'amount':'1.00'},{'amount':'1.00','colour':'red'}]}",
            "items[0].excludedFromOrderDiscounts | {'items':[{'amount':'1.00','excludedFromOrderDiscounts':'yes'}]}",
            "discounts                | {'items':[{'amount':'1.00'}],'discounts':'-5.00'}",
            "discounts                | {'items':[{'amount':'10.00'}],'discounts':'20.00'}",
            "storeCredits             | {'items':[{'amount':'1.00'}],'storeCredits':'abc'}",
            "deliveryFee              | {'items':[{'amount':'1.00'}],'deliveryFee':'-1'}",
            "paymentFee               | {'items':[{'amount':'1.00'}],'paymentFee':1.5}",
            "channel                  | {'items':[{'amount':'1.00'}],'channel':'PHONE'}",
            "points                   | {'items':[{'amount':'1.00'}],'points':-1}",
            "points                   | {'items':[{'amount':'1.00'}],'points':1.5}",
            "points                   | {'items':[{'amount':'1.00'}],'points':'10'}",
            "total                    | {'items':[{'amount':'1.00'}],'total':'0.01'}",
            "merchantId               | {'items':[{'amount':'1.00'}],'merchantId':'other'}",
            "body                     | []",
    })
    void quoteBodyFieldsAreNamed(String field, String body) {
        Call c = call(w.quote(), event("storefront-checkout-quote.json", w.member("ann"), body.replace('\'', '"'), null));
        assertThat(c.status()).as(c.body()).isEqualTo(400);
        assertThat(c.errorFields()).contains(field);
    }

    @Test
    void tooManyItemsIsRefusedNamingItems() {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < com.memberpoints.domain.checkout.Cart.MAX_ITEMS + 1; i++) {
            items.append(i == 0 ? "" : ",").append("{\"amount\":\"1.00\"}");
        }
        Call c = call(w.quote(), event("storefront-checkout-quote.json", w.member("ann"), "{\"items\":[" + items + "]}", null));
        assertThat(c.status()).isEqualTo(400);
        assertThat(c.errorFields()).containsExactly("items");
    }

    @Test
    void malformedJsonIsA400() {
        Call c = call(w.quote(), event("storefront-checkout-quote.json", w.member("ann"), "{\"items\":", null));
        assertThat(c.status()).isEqualTo(400);
        assertThat(c.body()).contains("malformed-json");
    }

    @ParameterizedTest(name = "orderId {0}")
    @CsvSource(delimiter = '|', value = {"'\"orderId\":\"a b\",'", "''", "'\"orderId\":7,'"})
    void redemptionNeedsAValidOrderId(String orderId) {
        Call c = call(w.redemption(), event("storefront-checkout-redemption.json", w.member("ann"),
                "{" + orderId + "\"items\":[{\"amount\":\"1.00\"}]}", null));
        assertThat(c.status()).as(c.body()).isEqualTo(400);
        assertThat(c.errorFields()).containsExactly("orderId");
    }

    @Test
    void checkoutRoutesRefuseQueryParameters() {
        Call c = call(w.quote(), event("storefront-checkout-quote.json", w.member("ann"), null, Map.of("debug", "1")));
        assertThat(c.status()).isEqualTo(400);
        assertThat(c.errorFields()).containsExactly("debug");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"locale,'!!'", "locale,en_US_POSIX_TOO_LONG_FOR_A_LANGUAGE_TAG_REALLY", "page,2"})
    void myPointsParameters(String name, String value) {
        Call c = call(w.points(), event("storefront-me-points.json", w.member("ann"), null, Map.of(name, value)));
        assertThat(c.status()).as(c.body()).isEqualTo(400);
        assertThat(c.errorFields()).containsExactly(name);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"limit,0", "limit,101", "limit,abc", "limit,'1,2'", "cursor,zzz", "cursor,eyJ4IjoxfQ", "page,2"})
    void historyAndCreditsPagingParameters(String name, String value) {
        for (var handler : new com.memberpoints.functions.platform.http.ApiHandler[] {w.history(), w.creditsHandler()}) {
            Call c = call(handler, event("storefront-me-points-history.json", w.member("ann"), null, Map.of(name, value)));
            assertThat(c.status()).as(c.body()).isEqualTo(400);
            assertThat(c.errorFields()).containsExactly(name);
        }
    }
}
