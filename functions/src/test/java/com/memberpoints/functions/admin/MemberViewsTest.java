package com.memberpoints.functions.admin;

import com.memberpoints.functions.admin.members.MemberHistoryHandler;
import com.memberpoints.functions.admin.members.MemberPointsHandler;

import com.memberpoints.functions.admin.settings.ActivityLogHandler;
import com.memberpoints.functions.admin.settings.UpdateSettingsHandler;

import static com.memberpoints.functions.admin.AdminWorld.SHOP;
import static com.memberpoints.functions.admin.AdminWorld.call;
import static com.memberpoints.functions.admin.AdminWorld.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.domain.settings.ExpiryPolicy;
import com.memberpoints.functions.platform.ApiEvents;
import com.memberpoints.functions.platform.http.Permission;
import com.memberpoints.functions.platform.json.Json;
import com.memberpoints.functions.platform.json.JsonArray;
import com.memberpoints.functions.platform.json.JsonObject;
import com.memberpoints.functions.platform.json.JsonString;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The admin member views (points, history with who made each change) and the activity log. */
class MemberViewsTest {
    final AdminWorld world = newWorld();
    final MemberPointsHandler points = new MemberPointsHandler(world.services, world.log().logger());
    final MemberHistoryHandler history = new MemberHistoryHandler(world.services, world.log().logger());
    final ActivityLogHandler activity = new ActivityLogHandler(world.services.settingsStore(), world.log().logger());
    final UpdateSettingsHandler update = new UpdateSettingsHandler(world.services.settings(), world.log().logger());

    AdminWorld newWorld() {
        return new AdminWorld();
    }

    static final Optional<Map<String, String>> VIEWER = ApiEvents.staff("shop-1", "s-view", Permission.CUSTOMER_MANAGEMENT);
    static final Instant END_2026 = Instant.parse("2026-12-31T15:59:59Z");
    static final Instant END_2027 = Instant.parse("2027-12-31T15:59:59Z");

    void seed() {
        world.member(SHOP, "mem-42", true, true);
        WalletRef ref = WalletRef.points(SHOP, MemberId.of("mem-42"));
        world.ledger.apply(LedgerCommand.earn(SHOP, MemberId.of("mem-42"), OrderId.of("o-1"), 100, Optional.of(END_2026),
                AdminWorld.NOW.minusSeconds(3600)));
        world.ledger.apply(LedgerCommand.manualAdd(ref, "r-1", 55, Optional.of(END_2027), "Birthday", Actor.staff("staff-7"),
                AdminWorld.NOW.minusSeconds(60)));
        world.ledger.apply(LedgerCommand.manualAdd(ref, "r-2", 8, Optional.empty(), "Forever", Actor.staff("staff-7"),
                AdminWorld.NOW.minusSeconds(30)));
        world.ledger.apply(LedgerCommand.manualDeduct(ref, "r-3", 20, "Correction", Actor.staff("staff-8"),
                AdminWorld.NOW));
    }

    APIGatewayV2HTTPResponse get(com.memberpoints.functions.platform.http.ApiHandler handler, String template, String member,
                                 Map<String, String> query) {
        Map<String, String> params = new HashMap<>();
        if (member != null) {
            params.put("memberId", member);
        }
        return call(handler, event("GET", template, params, query, Map.of(), null, VIEWER));
    }

    @Test
    void pointsShowBalanceCashValueByExpiryAndNeverExpiring() {
        seed();
        var r = get(points, "/v1/admin/members/{memberId}/points", "mem-42", Map.of());
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(200);
        // 100 + 55 + 8 - 20 (taken from the lot expiring first) = 143; 10 points = 1.00 -> 14.00
        assertThat(r.getBody()).contains("\"points\":143", "\"cashValue\":\"14.00\"", "\"neverExpiring\":8",
                "{\"expiresAt\":\"2026-12-31T15:59:59Z\",\"expiresOn\":\"2026-12-31\",\"points\":80}",
                "{\"expiresAt\":\"2027-12-31T15:59:59Z\",\"expiresOn\":\"2027-12-31\",\"points\":55}",
                "\"storeCredits\":\"0.00\"");
    }

    @Test
    void historyIsNewestFirstWithWhoMadeEachChangeAndPages() {
        seed();
        var first = get(history, "/v1/admin/members/{memberId}/points/history", "mem-42", Map.of("limit", "2"));
        assertThat(first.getStatusCode()).as(first.getBody()).isEqualTo(200);
        JsonObject body = (JsonObject) Json.parse(first.getBody());
        JsonArray items = (JsonArray) body.get("items").orElseThrow();
        assertThat(items.size()).isEqualTo(2);
        assertThat(Json.write(items.get(0))).contains("\"kind\":\"ADJUST_DEDUCT\"", "\"change\":-20",
                "\"changedBy\":\"staff-8\"", "\"reason\":\"Correction\"");
        String cursor = ((JsonString) body.get("nextCursor").orElseThrow()).value();
        var second = get(history, "/v1/admin/members/{memberId}/points/history", "mem-42",
                Map.of("limit", "2", "cursor", cursor));
        assertThat(second.getBody()).contains("\"changedBy\":\"staff-7\"", "\"reason\":\"Birthday\"",
                "\"changedBy\":\"system\"", "\"orderId\":\"o-1\"");
    }

    @Test
    void unknownMemberAndBadParametersAreRefusedByName() {
        seed();
        assertThat(get(points, "/v1/admin/members/{memberId}/points", "nobody", Map.of()).getStatusCode()).isEqualTo(404);
        var badLimit = get(history, "/v1/admin/members/{memberId}/points/history", "mem-42", Map.of("limit", "0"));
        assertThat(badLimit.getStatusCode()).isEqualTo(400);
        assertThat(badLimit.getBody()).contains("\"field\":\"limit\"");
        var badWallet = get(history, "/v1/admin/members/{memberId}/points/history", "mem-42", Map.of("wallet", "gold"));
        assertThat(badWallet.getBody()).contains("\"field\":\"wallet\"");
        var unknown = get(points, "/v1/admin/members/{memberId}/points", "mem-42", Map.of("x", "1"));
        assertThat(unknown.getBody()).contains("\"field\":\"x\"");
        var badCursor = get(history, "/v1/admin/members/{memberId}/points/history", "mem-42", Map.of("cursor", "zzz"));
        assertThat(badCursor.getStatusCode()).isEqualTo(400);
        assertThat(badCursor.getBody()).contains("\"field\":\"cursor\"");
    }

    @Test
    void theActivityLogListsEachSavedChangeNewestFirst() {
        world.saveSettings(SHOP, AdjustPointsHandlerTest.withExpiry(ExpiryPolicy.NEVER));
        var put = call(update, event("PUT", "/v1/admin/settings", Map.of(), Map.of(), Map.of("If-Match", "\"1\""),
                SettingsHandlersTest.body(null), ApiEvents.staff("shop-1", "staff-9", Permission.SETTINGS)));
        assertThat(put.getStatusCode()).as(put.getBody()).isEqualTo(200);
        var r = call(activity, event("GET", "/v1/admin/activity-log", Map.of(), Map.of("limit", "1"), Map.of(), null,
                ApiEvents.staff("shop-1", "s", Permission.SETTINGS)));
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(200);
        assertThat(r.getBody()).contains("\"version\":2", "\"changedBy\":\"staff-9\"",
                "{\"field\":\"points.expiry.type\",\"section\":\"member-points\",\"old\":\"NEVER\",\"new\":\"ANNUAL_DATE\"}")
                .doesNotContain("\"nextCursor\":null");
        var viewerOnly = call(activity, event("GET", "/v1/admin/activity-log", Map.of(), Map.of(), Map.of(), null, VIEWER));
        assertThat(viewerOnly.getStatusCode()).isEqualTo(403);
    }

    @Test
    void memberPoints_showsPendingPointsLikeTheMemberCenter() {
        world.member(SHOP, "mem-42", true, true);
        world.saveSettings(SHOP, AdjustPointsHandlerTest.withExpiry(ExpiryPolicy.annual(12, 31)));
        var lifecycle = new com.memberpoints.domain.order.OrderLifecycle(world.orders, world.ledger, world.settings,
                world.merchants, world.members, new com.memberpoints.domain.inmemory.InMemoryAssignmentScheduler(), () -> AdminWorld.NOW);
        lifecycle.handle(new com.memberpoints.domain.order.OrderEvent.OrderPlaced(SHOP, OrderId.of("o-pend"),
                Optional.of(MemberId.of("mem-42")), com.memberpoints.domain.model.CheckoutIdentity.MEMBER_LOGGED_IN,
                com.memberpoints.domain.model.SalesChannel.ONLINE, com.memberpoints.domain.model.OrderKind.NORMAL,
                com.memberpoints.domain.order.OrderAmounts.ofSubtotal(com.memberpoints.domain.model.Money.of("100.00", "TWD")),
                AdminWorld.NOW.minusSeconds(600)));

        APIGatewayV2HTTPResponse r = get(points, "/v1/admin/members/{memberId}/points", "mem-42", Map.of());

        assertThat(r.getStatusCode()).isEqualTo(200);
        assertThat(r.getBody()).contains(
                "\"pending\":[{\"orderId\":\"o-pend\",\"points\":100,\"status\":\"awaiting-delivery\",\"expectedOn\":null}]")
                .contains("\"morePending\":false");
    }
}
