package com.memberpoints.functions.admin;

import static com.memberpoints.functions.admin.AdminWorld.SHOP;
import static com.memberpoints.functions.admin.AdminWorld.call;
import static com.memberpoints.functions.admin.AdminWorld.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.memberpoints.domain.ledger.EntryKind;
import com.memberpoints.domain.ledger.JournalEntry;
import com.memberpoints.domain.ledger.NotifyChoice;
import com.memberpoints.domain.ledger.Wallet;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.PageRequest;
import com.memberpoints.domain.settings.CreditRule;
import com.memberpoints.domain.settings.CreditType;
import com.memberpoints.domain.settings.CreditValidity;
import com.memberpoints.domain.settings.MerchantSettings;
import com.memberpoints.domain.settings.OrderRewardCredits;
import com.memberpoints.functions.admin.members.AdjustCreditsHandler;
import com.memberpoints.functions.admin.members.MemberCreditsHandler;
import com.memberpoints.functions.platform.ApiEvents;
import com.memberpoints.functions.platform.http.Permission;
import com.memberpoints.functions.platform.json.Json;
import com.memberpoints.functions.platform.json.JsonArray;
import com.memberpoints.functions.platform.json.JsonObject;
import com.memberpoints.functions.platform.json.JsonValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code POST .../credits/adjustments} and {@code GET .../credits} over in-memory ports (issue 11.2). */
class AdjustCreditsHandlerTest {
    static final String ROUTE = "/v1/admin/members/{memberId}/credits/adjustments";
    static final String VIEW = "/v1/admin/members/{memberId}/credits";

    final AdminWorld world = newWorld();
    final AdjustCreditsHandler handler = new AdjustCreditsHandler(world.services.creditAdjustments(),
            world.services.merchants(), world.log().logger());
    final MemberCreditsHandler view = new MemberCreditsHandler(world.services.memberCenter(), world.log().logger());

    /** The ports under test: in memory here, DynamoDB Local in {@link CreditRoutesOverDynamoDbIT}. */
    AdminWorld newWorld() {
        return new AdminWorld();
    }

    APIGatewayV2HTTPResponse post(String member, String key, String body, Permission... permissions) {
        return call(handler, event("POST", ROUTE, Map.of("memberId", member), Map.of(),
                key == null ? Map.of() : Map.of("Idempotency-Key", key), body,
                ApiEvents.staff("shop-1", "staff-7", permissions.length == 0
                        ? new Permission[] {Permission.STORE_CREDITS} : permissions)));
    }

    APIGatewayV2HTTPResponse get(String member, Permission... permissions) {
        return call(view, event("GET", VIEW, Map.of("memberId", member), Map.of(), Map.of(), null,
                ApiEvents.staff("shop-1", "staff-9", permissions)));
    }

    static JsonObject json(APIGatewayV2HTTPResponse r) {
        return (JsonObject) Json.parse(r.getBody());
    }

    static String field(JsonObject o, String name) {
        return Json.write(o.get(name).orElseThrow());
    }

    List<JournalEntry> history(String member) {
        return world.ledger.history(WalletRef.credits(SHOP, MemberId.of(member)), PageRequest.first(100)).items();
    }

    long balance(String member) {
        return world.ledger.wallet(WalletRef.credits(SHOP, MemberId.of(member))).balance();
    }

    void storeCreditValidity(CreditValidity validity) {
        MerchantSettings d = MerchantSettings.defaults();
        world.saveSettings(SHOP, new MerchantSettings(1, d.points(), d.redeem(), d.tiers(),
                new OrderRewardCredits(false, new CreditRule(new BigDecimal("100"), CreditType.fixed("10", false),
                        validity)), d.rulesText()));
    }

    @Test
    void addsStoreCreditsAsMoneyWithValidityNotificationChoiceAndWhoDidIt() {
        world.member(SHOP, "mem-42", true, true);

        var r = post("mem-42", "k-1", "{\"amount\":\"12.50\",\"reason\":\"Sorry for the delay\",\"validityDays\":30,"
                + "\"sendEmail\":true}");

        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(201);
        assertThat(r.getHeaders()).containsEntry("location", "/v1/admin/members/mem-42/credits");
        JsonObject body = json(r);
        assertThat(field(body, "change")).isEqualTo("\"12.50\"");
        assertThat(field(body, "balanceAfter")).isEqualTo("\"12.50\"");
        assertThat(field(body, "changedBy")).isEqualTo("\"staff-7\"");
        assertThat(field(body, "kind")).isEqualTo("\"ADJUST_ADD\"");
        JournalEntry entry = history("mem-42").getFirst();
        assertThat(entry.wallet().wallet()).isEqualTo(Wallet.CREDITS);
        assertThat(entry.delta()).isEqualTo(1250);
        assertThat(entry.reason()).isEqualTo("Sorry for the delay");
        assertThat(entry.notification()).isEqualTo(new NotifyChoice(true, false));
        // added 2026-11-22 (Taipei) for 30 days -> 2026-12-22 23:59:59 Taipei
        assertThat(entry.lots().getFirst().expiresAt()).contains(Instant.parse("2026-12-22T15:59:59Z"));
        assertThat(r.getBody()).contains("\"expiresOn\":\"2026-12-22\"");
    }

    @Test
    void withoutAValidityTheStoresRewardCreditValidityApplies() {
        world.member(SHOP, "mem-42", true, true);
        storeCreditValidity(CreditValidity.days(10));
        assertThat(post("mem-42", "k-1", "{\"amount\":\"1.00\",\"reason\":\"x\"}").getStatusCode()).isEqualTo(201);
        assertThat(history("mem-42").getFirst().lots().getFirst().expiresAt())
                .contains(Instant.parse("2026-12-02T15:59:59Z"));
        var never = post("mem-42", "k-2", "{\"amount\":\"1.00\",\"reason\":\"x\",\"neverExpires\":true}");
        assertThat(never.getStatusCode()).isEqualTo(201);
        assertThat(history("mem-42").getFirst().lots().getFirst().expiresAt()).isEmpty();
        var until = post("mem-42", "k-3", "{\"amount\":\"1.00\",\"reason\":\"x\",\"expiresOn\":\"2027-01-31\"}");
        assertThat(until.getStatusCode()).isEqualTo(201);
        assertThat(history("mem-42").getFirst().lots().getFirst().expiresAt())
                .contains(Instant.parse("2027-01-31T15:59:59Z"));
    }

    @Test
    void aRetryWithTheSameKeyReturnsTheFirstResultAndAnotherBodyIs409() {
        world.member(SHOP, "mem-42", false, false);
        String body = "{\"amount\":\"5.00\",\"reason\":\"Sorry\"}";
        assertThat(post("mem-42", "k-1", body).getStatusCode()).isEqualTo(201);
        var again = post("mem-42", "k-1", body);
        assertThat(again.getStatusCode()).isEqualTo(200);
        assertThat(field(json(again), "operationId")).isEqualTo(field(json(post("mem-42", "k-1", body)), "operationId"));
        assertThat(history("mem-42")).hasSize(1);
        var reused = post("mem-42", "k-1", "{\"amount\":\"6.00\",\"reason\":\"Sorry\"}");
        assertThat(reused.getStatusCode()).isEqualTo(409);
        assertThat(reused.getBody()).contains("Idempotency-Key");
        assertThat(balance("mem-42")).isEqualTo(500);
    }

    @Test
    void aDeductionAboveTheBalanceIsRefusedWithTheBalanceInTheProblem() {
        world.member(SHOP, "mem-42", true, true);
        post("mem-42", "k-1", "{\"amount\":\"8.00\",\"reason\":\"gift\"}");

        var r = post("mem-42", "k-2", "{\"amount\":\"-10.00\",\"reason\":\"correction\"}");

        assertThat(r.getStatusCode()).isEqualTo(422);
        assertThat(r.getHeaders()).containsEntry("content-type", "application/problem+json");
        assertThat(r.getBody()).contains("balance of 8.00").contains("\"field\":\"amount\"");
        assertThat(balance("mem-42")).isEqualTo(800);
        var ok = post("mem-42", "k-3", "{\"amount\":\"-3.00\",\"reason\":\"correction\"}");
        assertThat(ok.getStatusCode()).isEqualTo(201);
        JournalEntry deduction = history("mem-42").getFirst();
        assertThat(deduction.kind()).isEqualTo(EntryKind.ADJUST_DEDUCT);
        assertThat(deduction.balanceAfter()).isEqualTo(500);
        assertThat(deduction.notification()).isEqualTo(NotifyChoice.NONE);
    }

    @Test
    void aDeductionSpendsTheSoonestExpiringCreditsFirst() {
        world.member(SHOP, "mem-42", true, true);
        post("mem-42", "k-1", "{\"amount\":\"5.00\",\"reason\":\"a\",\"neverExpires\":true}");
        post("mem-42", "k-2", "{\"amount\":\"5.00\",\"reason\":\"b\",\"validityDays\":90}");
        post("mem-42", "k-3", "{\"amount\":\"5.00\",\"reason\":\"c\",\"validityDays\":10}");
        var r = post("mem-42", "k-4", "{\"amount\":\"-7.00\",\"reason\":\"d\"}");
        assertThat(r.getStatusCode()).isEqualTo(201);
        assertThat(r.getBody()).contains("\"lots\":[{\"expiresAt\":\"2026-12-02T15:59:59Z\",\"expiresOn\":\"2026-12-02\","
                + "\"amount\":\"-5.00\"},{\"expiresAt\":\"2027-02-20T15:59:59Z\",\"expiresOn\":\"2027-02-20\","
                + "\"amount\":\"-2.00\"}]");
    }

    @Test
    void memberPointsAloneMayNotAdjustCreditsAndCustomerManagementMayOnlyView() {
        world.member(SHOP, "mem-42", true, true);
        String body = "{\"amount\":\"5.00\",\"reason\":\"x\"}";
        assertThat(post("mem-42", "k-1", body, Permission.MEMBER_POINTS).getStatusCode()).isEqualTo(403);
        assertThat(post("mem-42", "k-1", body, Permission.CUSTOMER_MANAGEMENT).getStatusCode()).isEqualTo(403);
        assertThat(post("mem-42", "k-1", body, Permission.MEMBER_POINTS, Permission.CUSTOMER_MANAGEMENT,
                Permission.SETTINGS, Permission.REPORTS).getBody()).contains("store_credits");
        assertThat(history("mem-42")).isEmpty();
        assertThat(post("mem-42", "k-1", body, Permission.STORE_CREDITS).getStatusCode()).isEqualTo(201);
        assertThat(get("mem-42", Permission.STORE_CREDITS).getStatusCode()).isEqualTo(403);
        assertThat(get("mem-42", Permission.MEMBER_POINTS).getStatusCode()).isEqualTo(403);
        assertThat(get("mem-42", Permission.CUSTOMER_MANAGEMENT).getStatusCode()).isEqualTo(200);
    }

    @Test
    void unknownOrAnotherStoresMemberIs404AndNothingIsWritten() {
        world.member(AdminWorld.OTHER_SHOP, "mem-42", true, true);
        assertThat(post("mem-42", "k-1", "{\"amount\":\"1.00\",\"reason\":\"x\"}").getStatusCode()).isEqualTo(404);
        assertThat(get("mem-42", Permission.CUSTOMER_MANAGEMENT).getStatusCode()).isEqualTo(404);
        assertThat(world.ledger.history(WalletRef.credits(AdminWorld.OTHER_SHOP, MemberId.of("mem-42")),
                PageRequest.first(10)).items()).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> 400 naming {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"amount\":\"0.00\",\"reason\":\"x\"}|amount",
            "{\"amount\":5,\"reason\":\"x\"}|amount",
            "{\"amount\":\"1.005\",\"reason\":\"x\"}|amount",
            "{\"amount\":\"1000000000.01\",\"reason\":\"x\"}|amount",
            "{\"amount\":\"-1000000000.01\",\"reason\":\"x\"}|amount",
            "{\"reason\":\"x\"}|amount",
            "{\"amount\":\"1.00\"}|reason",
            "{\"amount\":\"1.00\",\"reason\":\"  \"}|reason",
            "{\"amount\":\"1.00\",\"reason\":\"R201\"}|reason",
            "{\"amount\":\"1.00\",\"reason\":\"x\",\"validityDays\":0}|validityDays",
            "{\"amount\":\"1.00\",\"reason\":\"x\",\"validityDays\":3651}|validityDays",
            "{\"amount\":\"1.00\",\"reason\":\"x\",\"expiresOn\":\"2026-13-01\"}|expiresOn",
            "{\"amount\":\"1.00\",\"reason\":\"x\",\"expiresOn\":\"2026-11-21\"}|expiresOn",
            "{\"amount\":\"1.00\",\"reason\":\"x\",\"expiresOn\":\"2036-11-20\"}|expiresOn",
            "{\"amount\":\"1.00\",\"reason\":\"x\",\"neverExpires\":false}|neverExpires",
            "{\"amount\":\"1.00\",\"reason\":\"x\",\"validityDays\":5,\"expiresOn\":\"2027-01-01\"}|expiresOn",
            "{\"amount\":\"1.00\",\"reason\":\"x\",\"validityDays\":5,\"neverExpires\":true}|neverExpires",
            "{\"amount\":\"-1.00\",\"reason\":\"x\",\"validityDays\":5}|validityDays",
            "{\"amount\":\"-1.00\",\"reason\":\"x\",\"neverExpires\":true}|neverExpires",
            "{\"amount\":\"-1.00\",\"reason\":\"x\",\"sendEmail\":true}|sendEmail",
            "{\"amount\":\"-1.00\",\"reason\":\"x\",\"sendSms\":true}|sendSms",
            "{\"amount\":\"1.00\",\"reason\":\"x\",\"sendSms\":\"yes\"}|sendSms",
            "{\"amount\":\"1.00\",\"reason\":\"x\",\"idempotencyKey\":\"a b\"}|idempotencyKey",
            "{\"amount\":\"1.00\",\"reason\":\"x\",\"points\":5}|points",
    })
    void eachBadFieldIsA400NamingIt(String body, String field) {
        world.member(SHOP, "mem-42", true, true);
        var r = post("mem-42", "k-1", body.replace("R201", "r".repeat(201)));
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(400);
        assertThat(r.getBody()).contains("\"field\":\"" + field + "\"").doesNotContain("Exception");
        assertThat(history("mem-42")).isEmpty();
    }

    @Test
    void theIdempotencyKeyIsRequired() {
        world.member(SHOP, "mem-42", true, true);
        var missing = post("mem-42", null, "{\"amount\":\"1.00\",\"reason\":\"x\"}");
        assertThat(missing.getStatusCode()).isEqualTo(400);
        assertThat(missing.getBody()).contains("\"field\":\"Idempotency-Key\"");
        var inBody = post("mem-42", null, "{\"amount\":\"1.00\",\"reason\":\"x\",\"idempotencyKey\":\"b-1\"}");
        assertThat(inBody.getStatusCode()).isEqualTo(201);
        assertThat(history("mem-42")).hasSize(1);
    }

    @Test
    void theAdminCreditsViewShowsBalanceAndHistoryAsMoneyWithTheActors() {
        world.member(SHOP, "mem-42", true, true);
        post("mem-42", "k-1", "{\"amount\":\"10.00\",\"reason\":\"goodwill\"}");
        post("mem-42", "k-2", "{\"amount\":\"-2.50\",\"reason\":\"correction\"}");
        var r = get("mem-42", Permission.CUSTOMER_MANAGEMENT);
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(200);
        JsonObject body = json(r);
        assertThat(field(body, "balance")).isEqualTo("\"7.50\"");
        assertThat(field(body, "currency")).isEqualTo("\"TWD\"");
        List<JsonValue> items = ((JsonArray) ((JsonObject) body.get("history").orElseThrow()).get("items")
                .orElseThrow()).elements();
        assertThat(items).hasSize(2);
        JsonObject newest = (JsonObject) items.get(0);
        assertThat(field(newest, "change")).isEqualTo("\"-2.50\"");
        assertThat(field(newest, "reason")).isEqualTo("\"correction\"");
        assertThat(field(newest, "changedBy")).isEqualTo("\"staff-7\"");
        assertThat(field((JsonObject) items.get(1), "change")).isEqualTo("\"10.00\"");
    }

    @Test
    void theLiabilityCountersCountManualCredits() {
        world.member(SHOP, "mem-42", true, true);
        post("mem-42", "k-1", "{\"amount\":\"10.00\",\"reason\":\"a\",\"validityDays\":20}");
        post("mem-42", "k-2", "{\"amount\":\"-4.00\",\"reason\":\"b\"}");
        history("mem-42").forEach(world.liability::record);
        assertThat(world.liability.total(SHOP, Wallet.CREDITS)).isEqualTo(600);
        assertThat(world.liability.expiring(SHOP, Wallet.CREDITS, AdminWorld.NOW,
                AdminWorld.NOW.plus(java.time.Duration.ofDays(30)))).isEqualTo(600);
    }
}
