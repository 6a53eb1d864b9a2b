package com.memberpoints.functions.admin;

import com.memberpoints.functions.admin.reports.LiabilityReportHandler;


import static com.memberpoints.functions.admin.AdminWorld.OTHER_SHOP;
import static com.memberpoints.functions.admin.AdminWorld.SHOP;
import static com.memberpoints.functions.admin.AdminWorld.call;
import static com.memberpoints.functions.admin.AdminWorld.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.ledger.LedgerResult;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.domain.settings.MerchantSettings;
import com.memberpoints.domain.settings.RedeemCap;
import com.memberpoints.domain.settings.RedeemRule;
import com.memberpoints.functions.platform.ApiEvents;
import com.memberpoints.functions.platform.http.Permission;
import com.memberpoints.functions.platform.json.Json;
import com.memberpoints.functions.platform.json.JsonValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /v1/admin/reports/liability} through API Gateway v2 events. The handler is built over the merchant,
 * settings and liability-counter ports only — it has no ledger or member store to scan. The counters are fed the
 * entries the ledger really produced (the stream consumer's job in production).
 */
class LiabilityReportTest {
    final AdminWorld world = newWorld();
    final LiabilityReportHandler handler = new LiabilityReportHandler(world.merchants, world.settings, world.liability,
            world.clock::get, world.log().logger());

    AdminWorld newWorld() {
        return new AdminWorld();
    }

    // NOW = 2026-11-22T08:00Z = 16:00 in Taipei: today 2026-11-22, +30 = 2026-12-22, +90 = 2027-02-20 (local)
    static final Instant END_OF_DAY_30 = Instant.parse("2026-12-22T15:59:59Z");
    static final Instant DAY_31 = Instant.parse("2026-12-23T15:59:59Z");
    static final Instant DAY_90 = Instant.parse("2027-02-20T15:59:59Z");
    static final Instant DAY_91 = Instant.parse("2027-02-21T15:59:59Z");
    static final Instant YESTERDAY = Instant.parse("2026-11-21T15:59:59Z");

    private void apply(LedgerCommand command) {
        LedgerResult r = world.ledger.apply(command);
        assertThat(r).isInstanceOf(LedgerResult.Applied.class);
        world.liability.record(((LedgerResult.Applied) r).entry());
    }

    private void earn(MerchantId shop, String member, String order, long points, Optional<Instant> expiresAt) {
        apply(LedgerCommand.earn(shop, MemberId.of(member), OrderId.of(order), points, expiresAt,
                Instant.parse("2026-11-01T00:00:00Z")));
    }

    private void redemptionAt(long pointsPerUnit, boolean enabled) {
        MerchantSettings d = MerchantSettings.defaults();
        world.saveSettings(SHOP, new MerchantSettings(d.version(), d.points(),
                new RedeemRule(enabled, pointsPerUnit, BigDecimal.ZERO, RedeemCap.NONE), d.tiers(), d.credits(),
                d.rulesText()));
    }

    APIGatewayV2HTTPResponse get(String shop, Map<String, String> query) {
        return call(handler, event("GET", "/v1/admin/reports/liability", Map.of(), query, Map.of(), null,
                ApiEvents.staff(shop, "s", Permission.REPORTS)));
    }

    static String at(JsonValue v, String path) {
        JsonValue cur = v;
        for (String p : path.split("\\.")) {
            cur = cur instanceof com.memberpoints.functions.platform.json.JsonArray a
                    ? a.elements().get(Integer.parseInt(p))
                    : ((com.memberpoints.functions.platform.json.JsonObject) cur).get(p)
                    .orElseThrow(() -> new AssertionError("no " + path));
        }
        return Json.write(cur);
    }

    @Test
    void outstandingCashValueAndWhatExpiresIn30And90LocalDays() {
        redemptionAt(10, true);
        earn(SHOP, "amy", "o-1", 1000, Optional.of(END_OF_DAY_30)); // last second of day 30: inside 30
        earn(SHOP, "ben", "o-2", 500, Optional.of(DAY_31));
        earn(SHOP, "dee", "o-4", 200, Optional.of(DAY_91));           // beyond 90
        earn(SHOP, "fay", "o-6", 70, Optional.of(DAY_90));            // last day of 90
        earn(SHOP, "eve", "o-5", 50, Optional.of(YESTERDAY));         // expired, not swept yet
        apply(LedgerCommand.manualAdd(WalletRef.points(SHOP, MemberId.of("cy")), "k-1", 300, Optional.empty(),
                "gift", Actor.staff("bob"), AdminWorld.NOW));
        apply(LedgerCommand.rewardCredit(SHOP, MemberId.of("amy"), OrderId.of("o-1"), 12_345,
                Optional.of(Instant.parse("2027-01-10T15:59:59Z")), AdminWorld.NOW));
        apply(LedgerCommand.redeem(WalletRef.points(SHOP, MemberId.of("amy")), OrderId.of("o-9"), 105, false,
                AdminWorld.NOW));
        earn(OTHER_SHOP, "amy", "o-1", 99_999, Optional.of(END_OF_DAY_30));

        var r = get("shop-1", Map.of());

        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(200);
        JsonValue body = Json.parse(r.getBody());
        assertThat(at(body, "today")).isEqualTo("\"2026-11-22\"");
        assertThat(at(body, "timeZone")).isEqualTo("\"Asia/Taipei\"");
        assertThat(at(body, "pointsPerUnit")).isEqualTo("10");
        // 1000 + 500 + 200 + 70 + 300 - 105 = 1965 spendable; eve's 50 expired awaiting the sweep
        assertThat(at(body, "points.outstanding")).isEqualTo("1965");
        assertThat(at(body, "points.expiredAwaitingSweep")).isEqualTo("50");
        assertThat(at(body, "points.cashValue")).isEqualTo("\"196.50\"");
        assertThat(at(body, "points.expiring.0.until")).isEqualTo("\"2026-12-22\"");
        assertThat(at(body, "points.expiring.0.points")).isEqualTo("895");
        assertThat(at(body, "points.expiring.0.cashValue")).isEqualTo("\"89.50\"");
        assertThat(at(body, "points.expiring.1.until")).isEqualTo("\"2027-02-20\"");
        assertThat(at(body, "points.expiring.1.points")).isEqualTo("1465");
        assertThat(at(body, "credits.outstanding")).isEqualTo("\"123.45\"");
        assertThat(at(body, "credits.expiring.0.amount")).isEqualTo("\"0.00\"");
        assertThat(at(body, "credits.expiring.1.amount")).isEqualTo("\"123.45\"");
        assertThat(r.getBody()).doesNotContain("99999").doesNotContain("99,999");

        // the sweep removes eve's expired lot: outstanding unchanged, nothing awaiting
        apply(LedgerCommand.expire(WalletRef.points(SHOP, MemberId.of("eve")), YESTERDAY, AdminWorld.NOW));
        JsonValue after = Json.parse(get("shop-1", Map.of()).getBody());
        assertThat(at(after, "points.outstanding")).isEqualTo("1965");
        assertThat(at(after, "points.expiredAwaitingSweep")).isEqualTo("0");
    }

    @Test
    void withRedemptionOffThereIsNoCashValue() {
        redemptionAt(10, false);
        earn(SHOP, "amy", "o-1", 100, Optional.empty());
        var r = get("shop-1", Map.of());
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(200);
        assertThat(r.getBody()).contains("\"redemptionEnabled\":false").doesNotContain("cashValue")
                .doesNotContain("pointsPerUnit");
        assertThat(at(Json.parse(r.getBody()), "points.outstanding")).isEqualTo("100");
    }

    @Test
    void aStoreWithoutAProfileIs409AndAnUnknownParameterIs400() {
        var none = get("shop-3", Map.of());
        assertThat(none.getStatusCode()).isEqualTo(409);
        assertThat(none.getHeaders()).containsEntry("content-type", "application/problem+json");
        var bad = get("shop-1", Map.of("days", "30"));
        assertThat(bad.getStatusCode()).isEqualTo(400);
        assertThat(bad.getBody()).contains("days");
    }
}
