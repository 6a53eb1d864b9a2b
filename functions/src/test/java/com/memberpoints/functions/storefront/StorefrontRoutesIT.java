package com.memberpoints.functions.storefront;

import com.memberpoints.domain.inmemory.InMemoryAssignmentScheduler;

import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.order.OrderLifecycle;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.domain.order.AssignmentScheduler;
import com.memberpoints.functions.events.OrderEventsHandler;
import com.memberpoints.functions.events.ScheduledAssignmentHandler;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.settings.RedeemCap;
import com.memberpoints.domain.settings.RedeemRule;
import com.memberpoints.functions.storefront.StorefrontWorld.Call;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.memberpoints.functions.storefront.StorefrontWorld.END_2021;
import static com.memberpoints.functions.storefront.StorefrontWorld.END_2022;
import static com.memberpoints.functions.storefront.StorefrontWorld.call;
import static com.memberpoints.functions.storefront.StorefrontWorld.event;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every storefront route through its API Gateway v2 fixture into the handler, over the DynamoDB ledger on
 * DynamoDB Local; SPEC §8 examples 5–9 and 14 through the quote and redemption handlers.
 */
class StorefrontRoutesIT {
    private final StorefrontWorld w = new StorefrontWorld();

    private static String cart(String amount, String extra) {
        return "{\"items\":[{\"amount\":\"" + amount + "\"}]" + extra + "}";
    }

    private Call quote(String member, String body) {
        return call(w.quote(), event("storefront-checkout-quote.json", w.member(member), body, null));
    }

    private Call redeem(String member, String body) {
        return call(w.redemption(), event("storefront-checkout-redemption.json", w.member(member), body, null));
    }

    // ---------------------------------------------------------------- SPEC §8 through the quote

    @Test
    void example5_enter200of800_gives20DiscountAnd600Remaining_andTheRedemptionDebitsExactlyThat() {
        w.earn("ann", "o-earn", 800, Optional.of(END_2021));

        Call q = quote("ann", cart("100.00", ",\"points\":200"));
        assertThat(q.status()).as(q.body()).isEqualTo(200);
        assertThat(q.number("points.applied")).isEqualTo(200);
        assertThat(q.text("pointDiscount")).isEqualTo("20.00");
        assertThat(q.number("points.remainingBalance")).isEqualTo(600);
        assertThat(q.text("total")).isEqualTo("80.00");
        assertThat(q.text("redemption.outcome")).isEqualTo("APPLIED");

        Call r = redeem("ann", "{\"orderId\":\"o-5\"," + cart("100.00", ",\"points\":200").substring(1));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.number("points")).isEqualTo(200);
        assertThat(r.number("pointsBalanceAfter")).isEqualTo(600);
        assertThat(w.ledger.wallet(WalletRef.points(w.merchant, MemberId.of("ann"))).balance()).isEqualTo(600);
    }

    @ParameterizedTest(name = "enter {0} -> applied {1}")
    @CsvSource({"15,10", "23,20", "0,0"})
    void example6_enteredPointsRoundDownToTheUnit(long entered, long applied) {
        w.earn("ann", "o-earn", 800, Optional.of(END_2021));
        Call q = quote("ann", cart("100.00", ",\"points\":" + entered));
        assertThat(q.status()).as(q.body()).isEqualTo(200);
        assertThat(q.text("redemption.outcome")).isEqualTo("APPLIED");
        assertThat(q.number("points.applied")).isEqualTo(applied);
    }

    @Test
    void example6_fivePoints_isATypedRejectionInTheQuote_andA400NamingPointsOnRedemption() {
        w.earn("ann", "o-earn", 800, Optional.of(END_2021));
        Call q = quote("ann", cart("100.00", ",\"points\":5"));
        assertThat(q.status()).isEqualTo(200);
        assertThat(q.text("redemption.outcome")).isEqualTo("REJECTED");
        assertThat(q.text("redemption.message")).isEqualTo("At least 10 points must be entered");
        assertThat(q.number("points.applied")).isZero();

        Call r = redeem("ann", "{\"orderId\":\"o-6\"," + cart("100.00", ",\"points\":5").substring(1));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorFields()).containsExactly("points");
        assertThat(r.body()).contains("At least 10 points must be entered");
        assertThat(w.ledger.wallet(WalletRef.points(w.merchant, MemberId.of("ann"))).balance()).isEqualTo(800);
    }

    @Test
    void example7_fixedCap50_allowsAtMost500Points() {
        w.redeemRule(new RedeemRule(true, 10, BigDecimal.ZERO, RedeemCap.fixed("50.00")));
        w.earn("ann", "o-earn", 2_000, Optional.of(END_2021));
        Call q = quote("ann", cart("300.00", ""));
        assertThat(q.number("points.maxAllowed")).isEqualTo(500);
        assertThat(q.number("points.applied")).isEqualTo(500);
        assertThat(q.text("pointDiscount")).isEqualTo("50.00");
    }

    @Test
    void example8_percentCap2_on864_isRoundedUpTo18_or180Points() {
        w.redeemRule(new RedeemRule(true, 10, BigDecimal.ZERO, RedeemCap.percent("2")));
        w.earn("ann", "o-earn", 1_000, Optional.of(END_2021));
        Call q = quote("ann", cart("900.00", ",\"discounts\":\"30.00\",\"storeCredits\":\"6.00\""));
        assertThat(q.text("amountAfterDiscountsAndCredits")).isEqualTo("864.00");
        assertThat(q.text("points.maxDiscount")).isEqualTo("18.00");
        assertThat(q.number("points.maxAllowed")).isEqualTo(180);
    }

    @Test
    void example9_minimum200_on199_99_meansNoPoints() {
        w.redeemRule(new RedeemRule(true, 10, new BigDecimal("200.00"), RedeemCap.NONE));
        w.earn("ann", "o-earn", 1_000, Optional.of(END_2021));
        Call q = quote("ann", cart("199.99", ""));
        assertThat(q.text("redemption.outcome")).isEqualTo("UNAVAILABLE");
        assertThat(q.text("redemption.reason")).isEqualTo("BELOW_MINIMUM_ORDER_AMOUNT");
        assertThat(q.text("redemption.shortfall")).isEqualTo("0.01");
        assertThat(q.number("points.applied")).isZero();
    }

    @Test
    void example14_redeemingSpendsTheLotExpiringFirst() {
        w.earn("ann", "o-2021", 100, Optional.of(END_2021));
        w.earn("ann", "o-2022", 100, Optional.of(END_2022));
        Call r = redeem("ann", "{\"orderId\":\"o-14\"," + cart("100.00", ",\"points\":150").substring(1));
        assertThat(r.status()).as(r.body()).isEqualTo(201);

        Call p = call(w.points(), event("storefront-me-points.json", w.member("ann"), null, Map.of()));
        assertThat(p.status()).isEqualTo(200);
        assertThat(p.number("balance")).isEqualTo(50);
        assertThat(p.at("byExpiry").toString()).contains("2022-12-31").doesNotContain("2021-12-31");
    }

    @Test
    void quoteReturnsEarningAndTheCreditReminder() {
        Call q = quote("ann", cart("60.00", ""));
        assertThat(q.number("earn.points")).isEqualTo(6);
        assertThat(q.text("creditReminder.kind")).isEqualTo("BUY_MORE");
        assertThat(q.text("creditReminder.text")).isEqualTo("Get $10.00 credits for every $100.00 – Buy $40.00 more to get the offer");
        Call fixture = call(w.quote(), event("storefront-checkout-quote.json", w.member("ann"), null, null));
        assertThat(fixture.status()).as(fixture.body()).isEqualTo(200);
        assertThat(fixture.text("total")).isEqualTo("105.00");
    }

    @Test
    void theQuoteEarnsAtTheMembersTierRate_readFromTheMemberStore() {
        var base = StorefrontWorld.settings(1, new RedeemRule(true, 10, BigDecimal.ZERO, RedeemCap.NONE));
        w.save(new com.memberpoints.domain.settings.MerchantSettings(1, base.points(), base.redeem(),
                java.util.List.of(new com.memberpoints.domain.settings.TierRule(com.memberpoints.domain.model.TierId.of("gold"),
                        Optional.of(com.memberpoints.domain.settings.EarnRate.of("10.00", 5)), Optional.empty())),
                base.credits(), base.rulesText()));
        w.members.upsert(new com.memberpoints.domain.member.MemberProfile(w.merchant, MemberId.of("gia"), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(com.memberpoints.domain.model.TierId.of("gold")),
                StorefrontWorld.NOW));
        assertThat(quote("gia", cart("60.00", "")).number("earn.points")).isEqualTo(30);
        assertThat(quote("ann", cart("60.00", "")).number("earn.points")).isEqualTo(6);
    }

    // ---------------------------------------------------------------- redemption: idempotency and refusals

    @Test
    void sameOrderTwice_isOneDebit_andTheSameBody() {
        w.earn("ann", "o-earn", 800, Optional.of(END_2021));
        w.credits("ann", "o-cred", 5_000);
        String body = "{\"orderId\":\"o-twice\"," + cart("100.00", ",\"storeCredits\":\"20.00\"").substring(1);
        Call first = redeem("ann", body);
        Call again = redeem("ann", body);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(first.text("creditsBalanceAfter")).isEqualTo("30.00");
        assertThat(first.number("points")).isEqualTo(800); // maximum: 80.00 left after credits
        assertThat(w.ledger.wallet(WalletRef.points(w.merchant, MemberId.of("ann"))).balance()).isZero();
        assertThat(w.ledger.wallet(WalletRef.credits(w.merchant, MemberId.of("ann"))).balance()).isEqualTo(3_000);
    }

    @Test
    void anotherAmountForTheSameOrder_isA409_andChangesNothing() {
        w.earn("ann", "o-earn", 800, Optional.of(END_2021));
        assertThat(redeem("ann", "{\"orderId\":\"o-c\"," + cart("100.00", ",\"points\":100").substring(1)).status()).isEqualTo(201);
        Call other = redeem("ann", "{\"orderId\":\"o-c\"," + cart("100.00", ",\"points\":200").substring(1));
        assertThat(other.status()).as(other.body()).isEqualTo(409);
        assertThat(other.json().get("type").toString()).contains("conflict");
        assertThat(w.ledger.wallet(WalletRef.points(w.merchant, MemberId.of("ann"))).balance()).isEqualTo(700);
    }

    @Test
    void insufficientStoreCredits_isA409WithTheAvailableBalance_andNoPointsAreHeld() {
        w.earn("ann", "o-earn", 800, Optional.of(END_2021));
        w.credits("ann", "o-cred", 500);
        Call r = redeem("ann", "{\"orderId\":\"o-i\"," + cart("100.00", ",\"storeCredits\":\"20.00\"").substring(1));
        assertThat(r.status()).as(r.body()).isEqualTo(409);
        assertThat(r.errorFields()).containsExactly("storeCredits");
        assertThat(r.body()).contains("5.00 available");
        assertThat(w.ledger.wallet(WalletRef.points(w.merchant, MemberId.of("ann"))).balance()).isEqualTo(800);
    }

    @Test
    void pointsTheBalanceNoLongerCovers_areA409NamingPointsWithTheAvailableBalance_theQuoteStillProposesTheMaximum() {
        w.earn("ann", "o-earn", 200, Optional.of(END_2021));
        Call q = quote("ann", cart("100000.00", ",\"points\":100000"));
        assertThat(q.number("points.applied")).as(q.body()).isEqualTo(200);

        Call r = redeem("ann", "{\"orderId\":\"o-big\"," + cart("100000.00", ",\"points\":100000").substring(1));
        assertThat(r.status()).as(r.body()).isEqualTo(409);
        assertThat(r.errorFields()).containsExactly("points");
        assertThat(r.text("detail")).isEqualTo("Not enough points: 200 available, 100000 needed.");
        assertThat(w.ledger.wallet(WalletRef.points(w.merchant, MemberId.of("ann"))).balance()).isEqualTo(200);

        // the balance spent, a redemption that used to be "HELD" with 0 points is refused too
        assertThat(redeem("ann", "{\"orderId\":\"o-all\"," + cart("100.00", ",\"points\":200").substring(1)).status())
                .isEqualTo(201);
        Call empty = redeem("ann", "{\"orderId\":\"o-none\"," + cart("100.00", ",\"points\":100").substring(1));
        assertThat(empty.status()).as(empty.body()).isEqualTo(409);
        assertThat(empty.body()).contains("exceeds the available balance of 0");
    }

    @Test
    void morePointsThanTheOrderAllows_areA400NamingPoints_andNothingIsHeld() {
        w.earn("ann", "o-earn", 5_000, Optional.of(END_2021));
        Call r = redeem("ann", "{\"orderId\":\"o-cap\"," + cart("10.00", ",\"points\":1000").substring(1));
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.errorFields()).containsExactly("points");
        assertThat(r.body()).contains("At most 100 points can be applied to this order");
        assertThat(w.ledger.wallet(WalletRef.points(w.merchant, MemberId.of("ann"))).balance()).isEqualTo(5_000);
    }

    @Test
    void clientTotalsAreNeverTrusted_theyAreRefusedAsReadOnly() {
        Call r = redeem("ann", "{\"orderId\":\"o-t\",\"total\":\"0.01\"," + cart("100.00", "").substring(1));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorFields()).containsExactly("total");
    }

    // ---------------------------------------------------------------- member center

    @Test
    void myPoints_balanceCashValueByExpiryNeverExpiringAndRulesInTheLocale() {
        w.earn("ann", "o-1", 125, Optional.of(END_2021));
        w.earn("ann", "o-2", 30, Optional.empty());
        Call p = call(w.points(), event("storefront-me-points.json", w.member("ann"), null, null)); // fixture: locale=zh-TW
        assertThat(p.status()).as(p.body()).isEqualTo(200);
        assertThat(p.number("balance")).isEqualTo(155);
        assertThat(p.text("cashValue")).isEqualTo("15.00");
        assertThat(p.number("neverExpiring")).isEqualTo(30);
        assertThat(p.at("byExpiry").toString()).contains("2021-12-31").contains("125");
        assertThat(p.text("rules.locale")).isEqualTo("zh-TW");
        assertThat(p.at("pending").toString()).as("no orders").isEqualTo("JsonArray[elements=[]]");

        Call fallback = call(w.points(), event("storefront-me-points.json", w.member("ann"), null, Map.of("locale", "fr")));
        assertThat(fallback.text("rules.locale")).isEqualTo("en");
        assertThat(fallback.text("rules.text")).isEqualTo("Earn 1 point per 10.00.");
    }


    @Test
    void myPoints_anOrderPlacedAndDeliveredIsPendingWithItsExpectedDate_thenLeavesOnceAssigned() {
        // The order lifecycle over the same DynamoDB stores, driven through the order handlers with its own clock.
        Instant[] clock = {Instant.parse("2021-05-30T02:00:00Z")}; // 30 May 10:00 Taipei
        InMemoryAssignmentScheduler scheduler = new InMemoryAssignmentScheduler();
        OrderLifecycle lifecycle = new OrderLifecycle(w.orders, w.ledger, w.settings, w.merchants, w.members,
                scheduler, () -> clock[0]);
        OrderEventsHandler events = new OrderEventsHandler(lifecycle, w.log.logger());
        ScheduledAssignmentHandler assignments = new ScheduledAssignmentHandler(lifecycle, w.log.logger());
        String shop = w.merchant.value();
        String envelope = "{\"version\":\"0\",\"id\":\"e-1\",\"source\":\"commerce.platform\",\"detail-type\":\"%s\","
                + "\"account\":\"123456789012\",\"time\":\"2021-05-30T02:00:00Z\",\"region\":\"us-east-1\","
                + "\"resources\":[],\"detail\":%s}";

        events.handle(envelope.formatted("OrderPlaced", "{\"merchantId\":\"" + shop + "\",\"orderId\":\"o-p1\","
                + "\"memberId\":\"ann\",\"checkout\":\"MEMBER_LOGGED_IN\",\"channel\":\"ONLINE\","
                + "\"amounts\":{\"currency\":\"USD\",\"itemSubtotal\":\"100.00\"},\"placedAt\":\"" + clock[0] + "\"}"));
        Call placed = call(w.points(), event("storefront-me-points.json", w.member("ann"), null, null));
        assertThat(placed.status()).as(placed.body()).isEqualTo(200);
        assertThat(placed.body()).contains(
                "\"pending\":[{\"orderId\":\"o-p1\",\"points\":10,\"status\":\"awaiting-delivery\",\"expectedOn\":null}]");
        assertThat(placed.body()).contains("\"morePending\":false");

        clock[0] = Instant.parse("2021-05-31T02:00:00Z"); // collected 31 May 10:00 Taipei, X = 3 → 3 June
        events.handle(envelope.formatted("OrderDeliveryStatusChanged", "{\"merchantId\":\"" + shop
                + "\",\"orderId\":\"o-p1\",\"status\":\"COLLECTED\",\"changedAt\":\"" + clock[0] + "\"}"));
        assertThat(scheduler.pending()).hasSize(1);
        Call delivered = call(w.points(), event("storefront-me-points.json", w.member("ann"), null, null));
        assertThat(delivered.body()).contains(
                "\"pending\":[{\"orderId\":\"o-p1\",\"points\":10,\"status\":\"scheduled\",\"expectedOn\":\"2021-06-03\"}]");
        assertThat(delivered.number("balance")).isZero();
        // Another member sees none of it.
        assertThat(call(w.points(), event("storefront-me-points.json", w.member("bob"), null, null)).body())
                .contains("\"pending\":[]");

        // the schedule fires on 3 June at the order's offset in the 00:00-06:00 Taipei window (issue 16)
        Instant firesAt = com.memberpoints.domain.order.AssignmentWindow.DEFAULT.firesAt(java.time.LocalDate.of(2021, 6, 3),
                java.time.ZoneId.of("Asia/Taipei"), w.merchant, com.memberpoints.domain.model.OrderId.of("o-p1"));
        assertThat(scheduler.pending().values()).containsExactly(firesAt);
        clock[0] = firesAt.plusSeconds(30);
        assignments.handle("{\"merchantId\":\"" + shop + "\",\"orderId\":\"o-p1\"}");
        Call assigned = call(w.points(), event("storefront-me-points.json", w.member("ann"), null, null));
        assertThat(assigned.body()).contains("\"pending\":[]");
        assertThat(assigned.number("balance")).isEqualTo(10);
    }

    @Test
    void history_isPagedNewestFirstWithAnOpaqueCursor() {
        for (int i = 1; i <= 3; i++) {
            w.earn("ann", "o-h" + i, i * 10, Optional.of(END_2021));
        }
        Call first = call(w.history(), event("storefront-me-points-history.json", w.member("ann"), null, Map.of("limit", "2")));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.body()).contains("\"orderId\":\"o-h3\"").contains("o-h2").doesNotContain("o-h1");
        assertThat(first.body()).contains("\"expiresOn\":\"2021-12-31\"").contains("\"change\":30");
        Call second = call(w.history(), event("storefront-me-points-history.json", w.member("ann"), null,
                Map.of("limit", "2", "cursor", first.text("nextCursor"))));
        assertThat(second.body()).contains("o-h1").doesNotContain("o-h3");
        assertThat(second.json().get("nextCursor")).isEmpty();
    }

    @Test
    void credits_balanceAndHistoryAsMoney() {
        w.credits("ann", "o-c1", 1_050);
        Call c = call(w.creditsHandler(), event("storefront-me-credits.json", w.member("ann"), null, null));
        assertThat(c.status()).as(c.body()).isEqualTo(200);
        assertThat(c.text("balance")).isEqualTo("10.50");
        assertThat(c.body()).contains("\"change\":\"10.50\"").contains("\"orderId\":\"o-c1\"").contains("\"expiresOn\":null");
    }
}
