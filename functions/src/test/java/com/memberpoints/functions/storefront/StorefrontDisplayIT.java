package com.memberpoints.functions.storefront;

import static com.memberpoints.functions.storefront.StorefrontWorld.NOW;
import static com.memberpoints.functions.storefront.StorefrontWorld.call;
import static com.memberpoints.functions.storefront.StorefrontWorld.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.memberpoints.domain.checkout.CheckoutService;
import com.memberpoints.domain.ledger.LedgerStore;
import com.memberpoints.domain.member.MemberStore;
import com.memberpoints.domain.model.TimeSource;
import com.memberpoints.domain.settings.AssignmentPolicy;
import com.memberpoints.domain.settings.MerchantSettings;
import com.memberpoints.domain.settings.OrderRewardCredits;
import com.memberpoints.domain.settings.PointsProgram;
import com.memberpoints.domain.settings.RedeemCap;
import com.memberpoints.domain.settings.RedeemRule;
import com.memberpoints.functions.platform.ApiEvents;
import com.memberpoints.functions.platform.http.Permission;
import com.memberpoints.functions.storefront.StorefrontWorld.Call;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 11.5, storefront side, over DynamoDB Local: the quote says when points and credits are given and carries the
 * reminder's rule and texts; the member center lists the structured rules; the guest credit reminder answers anyone
 * with a cart, reads no member data and refuses bad input by name.
 */
class StorefrontDisplayIT {
    final StorefrontWorld world = new StorefrontWorld();

    /** The route's fixture for the world's store, as {@code caller}, with {@code body} (null: 60.00 + 20.00). */
    APIGatewayV2HTTPEvent guest(Optional<Map<String, String>> caller, String body, Map<String, String> query) {
        return guestOf(world.merchant.value(), caller, body, query);
    }

    static APIGatewayV2HTTPEvent guestOf(String merchant, Optional<Map<String, String>> caller, String body,
                                         Map<String, String> query) {
        APIGatewayV2HTTPEvent e = event("storefront-guest-credit-reminder.json", caller, body, query);
        e.setPathParameters(new HashMap<>(Map.of("merchantId", merchant)));
        e.setRawPath("/v1/storefront/merchants/" + merchant + "/credit-reminder");
        return e;
    }

    GuestCreditReminderHandler guestHandler() {
        return new GuestCreditReminderHandler(world.service, world.log.logger());
    }

    @Test
    void theQuoteSaysWhenPointsAndCreditsAreGiven_asDataAndInTheRequestedLocale() {
        Call en = call(world.quote(), event("storefront-checkout-quote.json", world.member("ann"), null, null));
        assertThat(en.status()).as(en.body()).isEqualTo(200);
        assertThat(en.text("earn.pointsGivenWhen.kind")).isEqualTo("DAYS_AFTER_DELIVERY");
        assertThat(en.number("earn.pointsGivenWhen.days")).isEqualTo(3);
        assertThat(en.text("earn.pointsGivenWhen.text")).isEqualTo("Points earned 3 days after delivery");
        assertThat(en.text("earn.creditsGivenWhen.kind")).isEqualTo("ON_PAYMENT");
        assertThat(en.text("earn.creditsGivenWhen.text")).isEqualTo("Credits earned on payment");

        world.save(completionMode());
        Call zh = call(world.quote(), event("storefront-checkout-quote.json", world.member("ann"), null,
                Map.of("locale", "zh-TW")));
        assertThat(zh.text("earn.pointsGivenWhen.kind")).isEqualTo("AFTER_COMPLETED");
        assertThat(zh.text("earn.pointsGivenWhen.text")).isEqualTo("訂單完成後獲得點數");
        assertThat(zh.text("earn.creditsGivenWhen.text")).isEqualTo("訂單完成後獲得購物金");
        Call en2 = call(world.quote(), event("storefront-checkout-quote.json", world.member("ann"), null, null));
        assertThat(en2.text("earn.creditsGivenWhen.text")).isEqualTo("Credits earned after completed");
    }

    @Test
    void theQuotesReminderCarriesItsRuleAndTextsInEveryTemplateLocale() {
        // the fixture's cart: 100.00 of items; ann has no points, so the earn base is 100.00: the rule's 10.00
        Call q = call(world.quote(), event("storefront-checkout-quote.json", world.member("ann"), null, null));
        assertThat(q.text("creditReminder.kind")).isEqualTo("WILL_EARN");
        assertThat(q.text("creditReminder.credits")).isEqualTo("10.00");
        assertThat(q.text("creditReminder.text")).isEqualTo("Get $10.00 credits for every $100.00 + $10.00 credits");
        assertThat(q.text("creditReminder.rule.type")).isEqualTo("FIXED_CUMULATIVE");
        assertThat(q.text("creditReminder.rule.threshold")).isEqualTo("100.00");
        assertThat(q.text("creditReminder.rule.amount")).isEqualTo("10.00");
        assertThat(q.text("creditReminder.texts.en")).isEqualTo(q.text("creditReminder.text"));
        assertThat(q.text("creditReminder.texts.zh-TW")).contains("每滿", "購物金");
    }

    @Test
    void theMemberCenterListsTheStructuredRulesBesideTheFreeText() {
        world.redeemRule(new RedeemRule(true, 10, new BigDecimal("200.00"), RedeemCap.fixed("50.00")));
        Call c = call(world.points(), event("storefront-me-points.json", world.member("ann"), null, Map.of("locale", "zh-TW")));
        assertThat(c.status()).as(c.body()).isEqualTo(200);
        assertThat(c.text("rules.text")).isEqualTo("每消費 10.00 得 1 點。");
        assertThat(c.text("rulesSummary.earn.spend")).isEqualTo("10.00");
        assertThat(c.number("rulesSummary.earn.points")).isEqualTo(1);
        assertThat(c.text("rulesSummary.earn.source")).isEqualTo("STORE");
        assertThat(c.number("rulesSummary.redeem.pointsPerUnit")).isEqualTo(10);
        assertThat(c.text("rulesSummary.redeem.minimumOrderAmount")).isEqualTo("200.00");
        assertThat(c.text("rulesSummary.redeem.maximumDiscount.type")).isEqualTo("FIXED");
        assertThat(c.text("rulesSummary.redeem.maximumDiscount.amount")).isEqualTo("50.00");
        assertThat(c.text("rulesSummary.expiry.type")).isEqualTo("ANNUAL_DATE");
        assertThat(c.text("rulesSummary.givenWhen.kind")).isEqualTo("DAYS_AFTER_DELIVERY");
        assertThat(c.text("rulesSummary.locale")).isEqualTo("zh-TW");
        assertThat(c.at("rulesSummary.lines").toString()).contains("送達 3 天後獲得點數", "點數於獲得後隔年的 12 月 31 日到期");
        Call en = call(world.points(), event("storefront-me-points.json", world.member("ann"), null, Map.of()));
        assertThat(en.text("rulesSummary.locale")).isEqualTo("en");
        assertThat(en.at("rulesSummary.lines").toString()).contains("Points can be used on orders of $200.00 or more");
    }

    @Test
    void guestsSeeTheReminderWithoutAToken_andEveryCallerGetsTheSameAnswer() {
        world.earn("ann", "o-secret-ann", 777, Optional.empty());
        Call none = call(guestHandler(), guest(ApiEvents.noToken(), null, null));
        assertThat(none.status()).as(none.body()).isEqualTo(200);
        assertThat(none.text("creditReminder.kind")).isEqualTo("BUY_MORE");
        assertThat(none.text("creditReminder.shortfall")).isEqualTo("20.00");
        assertThat(none.text("creditReminder.credits")).isEqualTo("10.00");
        assertThat(none.text("creditReminder.rule.type")).isEqualTo("FIXED_CUMULATIVE");
        assertThat(none.text("creditReminder.text"))
                .isEqualTo("Get $10.00 credits for every $100.00 – Buy $20.00 more to get the offer");
        assertThat(none.json().get("membersOnly").orElseThrow().toString()).contains("true");
        for (Optional<Map<String, String>> caller : List.of(world.member("ann"), world.member("bob"),
                ApiEvents.staff(world.merchant.value(), "s1", Permission.values()))) {
            Call c = call(guestHandler(), guest(caller, null, null));
            assertThat(c.status()).isEqualTo(200);
            assertThat(c.body()).isEqualTo(none.body()).doesNotContain("o-secret-ann").doesNotContain("777");
        }
        Call zh = call(guestHandler(), guest(ApiEvents.noToken(), null, Map.of("locale", "zh-TW")));
        assertThat(zh.text("creditReminder.text")).isEqualTo(zh.text("creditReminder.texts.zh-TW")).contains("再買");
        Call above = call(guestHandler(), guest(ApiEvents.noToken(), "{\"items\":[{\"amount\":\"250.00\"}]}", null));
        assertThat(above.text("creditReminder.kind")).isEqualTo("WILL_EARN");
        assertThat(above.text("creditReminder.credits")).isEqualTo("20.00");
    }

    @Test
    void theGuestReminderReadsNoMemberAndNoLedger() {
        CheckoutService noMembers = new CheckoutService(refusing(LedgerStore.class), world.settings, world.merchants,
                refusing(MemberStore.class), TimeSource.fixed(NOW));
        Call c = call(new GuestCreditReminderHandler(noMembers, world.log.logger()), guest(ApiEvents.noToken(), null, null));
        assertThat(c.status()).as(c.body()).isEqualTo(200);
        assertThat(c.text("creditReminder.kind")).isEqualTo("BUY_MORE");
    }

    @Test
    void badInputIsRefusedByName_anUnknownStoreIs404_aSwitchedOffRuleShowsNothing() {
        assertThat(call(guestHandler(), guestOf("no-such-store", ApiEvents.noToken(), null, null)).status()).isEqualTo(404);
        Call badId = call(guestHandler(), guestOf("bad|id", ApiEvents.noToken(), null, null));
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.errorFields()).containsExactly("merchantId");
        Call tooMuch = call(guestHandler(), guest(ApiEvents.noToken(),
                "{\"items\":[{\"amount\":\"1.00\"}],\"discounts\":\"2.00\"}", null));
        assertThat(tooMuch.status()).isEqualTo(400);
        assertThat(tooMuch.errorFields()).containsExactly("discounts");
        Call unknown = call(guestHandler(), guest(ApiEvents.noToken(),
                "{\"items\":[{\"amount\":\"1.00\"}],\"memberId\":\"ann\"}", null));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.errorFields()).containsExactly("memberId");
        Call noItems = call(guestHandler(), guest(ApiEvents.noToken(), "{\"items\":[]}", null));
        assertThat(noItems.status()).isEqualTo(400);
        assertThat(noItems.errorFields()).containsExactly("items");
        Call big = call(guestHandler(), guest(ApiEvents.noToken(),
                "{\"items\":[{\"amount\":\"1.00\"}],\"discounts\":\"" + "0".repeat(40_000) + "\"}", null));
        assertThat(big.status()).isEqualTo(413);
        Call badLocale = call(guestHandler(), guest(ApiEvents.noToken(), null, Map.of("locale", "!!")));
        assertThat(badLocale.status()).isEqualTo(400);
        assertThat(badLocale.errorFields()).containsExactly("locale");

        MerchantSettings s = StorefrontWorld.settings(1, new RedeemRule(true, 10, BigDecimal.ZERO, RedeemCap.NONE));
        world.save(new MerchantSettings(1, s.points(), s.redeem(), s.tiers(),
                new OrderRewardCredits(false, s.credits().rule()), s.rulesText()));
        Call off = call(guestHandler(), guest(ApiEvents.noToken(), null, null));
        assertThat(off.text("creditReminder.kind")).isEqualTo("NONE");
    }

    private static MerchantSettings completionMode() {
        MerchantSettings s = StorefrontWorld.settings(1, new RedeemRule(true, 10, BigDecimal.ZERO, RedeemCap.NONE));
        PointsProgram p = s.points();
        return new MerchantSettings(1, new PointsProgram(p.enabled(), p.earn(), p.channels(), p.expiry(),
                AssignmentPolicy.ON_COMPLETION), s.redeem(), s.tiers(), s.credits(), s.rulesText());
    }

    @SuppressWarnings("unchecked")
    private static <T> T refusing(Class<T> port) {
        return (T) Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (p, m, a) -> {
            throw new AssertionError("the guest reminder must not call " + port.getSimpleName() + "." + m.getName());
        });
    }
}
