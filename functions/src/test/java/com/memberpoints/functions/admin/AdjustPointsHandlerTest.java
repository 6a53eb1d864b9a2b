package com.memberpoints.functions.admin;

import com.memberpoints.functions.admin.members.AdjustPointsHandler;


import static com.memberpoints.functions.admin.AdminWorld.SHOP;
import static com.memberpoints.functions.admin.AdminWorld.call;
import static com.memberpoints.functions.admin.AdminWorld.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.memberpoints.domain.ledger.EntryKind;
import com.memberpoints.domain.ledger.JournalEntry;
import com.memberpoints.domain.ledger.NotifyChoice;
import com.memberpoints.domain.model.PageRequest;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.settings.ExpiryPolicy;
import com.memberpoints.domain.settings.MerchantSettings;
import com.memberpoints.domain.settings.PointsProgram;
import com.memberpoints.functions.platform.ApiEvents;
import com.memberpoints.functions.platform.http.Permission;
import com.memberpoints.functions.platform.json.Json;
import com.memberpoints.functions.platform.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AdjustPointsHandlerTest {
    static final String ROUTE = "/v1/admin/members/{memberId}/points/adjustments";

    final AdminWorld world = newWorld();
    final AdjustPointsHandler handler = new AdjustPointsHandler(world.services.adjustments(), world.services.merchants(), world.log().logger());

    /** The ports under test: in memory here, DynamoDB Local in {@link AdminRoutesOverDynamoDbIT}. */
    AdminWorld newWorld() {
        return new AdminWorld();
    }

    APIGatewayV2HTTPResponse post(String member, String key, String body) {
        return call(handler, event("POST", ROUTE, Map.of("memberId", member), Map.of(),
                key == null ? Map.of() : Map.of("Idempotency-Key", key), body,
                ApiEvents.staff("shop-1", "staff-7", Permission.MEMBER_POINTS)));
    }

    static JsonObject json(APIGatewayV2HTTPResponse r) {
        return (JsonObject) Json.parse(r.getBody());
    }

    List<JournalEntry> history(String member) {
        return world.ledger.history(WalletRef.points(SHOP, MemberId.of(member)), PageRequest.first(100)).items();
    }

    @Test
    void addsPointsWithExpiryNotificationChoicesAndWhoDidIt() {
        world.member(SHOP, "mem-42", true, true);
        world.saveSettings(SHOP, withExpiry(ExpiryPolicy.annual(12, 31)));

        var r = post("mem-42", "k-1", "{\"points\":120,\"reason\":\"Birthday gift\",\"sendEmail\":true}");

        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(201);
        JsonObject body = json(r);
        assertThat(body.get("change")).hasValueSatisfying(v -> assertThat(Json.write(v)).isEqualTo("120"));
        assertThat(Json.write(body.get("changedBy").orElseThrow())).isEqualTo("\"staff-7\"");
        JournalEntry entry = history("mem-42").getFirst();
        assertThat(entry.kind()).isEqualTo(EntryKind.ADJUST_ADD);
        assertThat(entry.reason()).isEqualTo("Birthday gift");
        assertThat(entry.notification()).isEqualTo(new NotifyChoice(true, false));
        // assigned 2026-11-22 (Taipei) under "expire 12/31" -> 2027-12-31 23:59:59 Taipei
        assertThat(entry.lots().getFirst().expiresAt()).contains(Instant.parse("2027-12-31T15:59:59Z"));
    }

    @Test
    void aRetryWithTheSameKeyReturnsTheFirstResultAndCreditsOnce() {
        world.member(SHOP, "mem-42", false, false);
        String body = "{\"points\":50,\"reason\":\"Sorry\"}";
        assertThat(post("mem-42", "k-1", body).getStatusCode()).isEqualTo(201);
        var again = post("mem-42", "k-1", body);
        assertThat(again.getStatusCode()).isEqualTo(200);
        assertThat(history("mem-42")).hasSize(1);
        var reused = post("mem-42", "k-1", "{\"points\":60,\"reason\":\"Sorry\"}");
        assertThat(reused.getStatusCode()).isEqualTo(409);
        assertThat(history("mem-42")).hasSize(1);
    }

    @Test
    void aDeductionAboveTheBalanceIsRefusedWithTheBalance() {
        world.member(SHOP, "mem-42", true, true);
        post("mem-42", "k-1", "{\"points\":100,\"reason\":\"gift\"}");

        var r = post("mem-42", "k-2", "{\"points\":-150,\"reason\":\"correction\"}");

        assertThat(r.getStatusCode()).isEqualTo(422);
        assertThat(r.getHeaders()).containsEntry("content-type", "application/problem+json");
        assertThat(r.getBody()).contains("balance of 100 points").contains("\"field\":\"points\"");
        var ok = post("mem-42", "k-3", "{\"points\":-40,\"reason\":\"correction\"}");
        assertThat(ok.getStatusCode()).isEqualTo(201);
        JournalEntry deduction = history("mem-42").getFirst();
        assertThat(deduction.kind()).isEqualTo(EntryKind.ADJUST_DEDUCT);
        assertThat(deduction.balanceAfter()).isEqualTo(60);
        assertThat(deduction.notification()).isEqualTo(NotifyChoice.NONE);
    }

    @Test
    void unknownMemberIs404AndNothingIsWritten() {
        var r = post("mem-404", "k-1", "{\"points\":10,\"reason\":\"gift\"}");
        assertThat(r.getStatusCode()).isEqualTo(404);
        assertThat(history("mem-404")).isEmpty();
    }

    @Test
    void anotherMerchantsMemberIs404() {
        world.member(AdminWorld.OTHER_SHOP, "mem-42", true, true);
        var r = post("mem-42", "k-1", "{\"points\":10,\"reason\":\"gift\"}");
        assertThat(r.getStatusCode()).isEqualTo(404);
        assertThat(world.ledger.history(WalletRef.points(AdminWorld.OTHER_SHOP, MemberId.of("mem-42")),
                PageRequest.first(10)).items()).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> 400 naming {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"points\":0,\"reason\":\"x\"}|points",
            "{\"points\":\"10\",\"reason\":\"x\"}|points",
            "{\"points\":1.5,\"reason\":\"x\"}|points",
            "{\"points\":100000001,\"reason\":\"x\"}|points",
            "{\"reason\":\"x\"}|points",
            "{\"points\":10}|reason",
            "{\"points\":10,\"reason\":\"   \"}|reason",
            "{\"points\":10,\"reason\":\"R201\"}|reason",
            "{\"points\":10,\"reason\":\"x\",\"sendEmail\":\"yes\"}|sendEmail",
            "{\"points\":10,\"reason\":\"x\",\"sendSms\":1}|sendSms",
            "{\"points\":-10,\"reason\":\"x\",\"sendEmail\":true}|sendEmail",
            "{\"points\":-10,\"reason\":\"x\",\"sendSms\":true}|sendSms",
            "{\"points\":10,\"reason\":\"x\",\"idempotencyKey\":\"a b\"}|idempotencyKey",
            "{\"points\":10,\"reason\":\"x\",\"memberId\":\"mem-1\"}|memberId",
    })
    void eachBadFieldIsA400NamingIt(String body, String field) {
        world.member(SHOP, "mem-42", true, true);
        var r = post("mem-42", "k-1", body.replace("R201", "r".repeat(201)));
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(400);
        assertThat(r.getBody()).contains("\"field\":\"" + field + "\"");
        assertThat(history("mem-42")).isEmpty();
    }

    @Test
    void theIdempotencyKeyIsRequiredAndValidated() {
        world.member(SHOP, "mem-42", true, true);
        var missing = post("mem-42", null, "{\"points\":10,\"reason\":\"x\"}");
        assertThat(missing.getStatusCode()).isEqualTo(400);
        assertThat(missing.getBody()).contains("\"field\":\"Idempotency-Key\"");
        var bad = post("mem-42", "no spaces", "{\"points\":10,\"reason\":\"x\"}");
        assertThat(bad.getStatusCode()).isEqualTo(400);
        assertThat(bad.getBody()).contains("\"field\":\"Idempotency-Key\"");
        var inBody = post("mem-42", null, "{\"points\":10,\"reason\":\"x\",\"idempotencyKey\":\"b-1\"}");
        assertThat(inBody.getStatusCode()).isEqualTo(201);
        assertThat(history("mem-42")).hasSize(1);
    }

    static MerchantSettings withExpiry(ExpiryPolicy expiry) {
        MerchantSettings d = MerchantSettings.defaults();
        PointsProgram p = d.points();
        return new MerchantSettings(1, new PointsProgram(true, p.earn(), p.channels(), expiry, p.assignment()),
                d.redeem(), d.tiers(), d.credits(), d.rulesText());
    }
}
