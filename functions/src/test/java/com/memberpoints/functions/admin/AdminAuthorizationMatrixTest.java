package com.memberpoints.functions.admin;

import com.memberpoints.functions.admin.reports.LiabilityReportHandler;

import static com.memberpoints.functions.admin.AdminWorld.SHOP;
import static com.memberpoints.functions.admin.AdminWorld.call;
import static com.memberpoints.functions.admin.AdminWorld.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.inmemory.InMemoryDeliveryStore;
import com.memberpoints.domain.inmemory.InMemoryLiabilityCounters;
import com.memberpoints.functions.platform.ApiEvents;
import com.memberpoints.functions.platform.ApiRoutes;
import com.memberpoints.functions.platform.http.Access;
import com.memberpoints.functions.platform.http.ApiHandler;
import com.memberpoints.functions.platform.http.Permission;
import com.memberpoints.functions.platform.log.JsonLogger;
import com.memberpoints.functions.admin.notifications.DeliveriesHandler;
import com.memberpoints.functions.admin.notifications.NotificationPreviewHandler;
import com.memberpoints.functions.admin.notifications.SmsUsageHandler;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every admin route of the route table × {no token, a member token, staff without the route's permission,
 * another merchant's staff with every permission}: 401 / 403 / 403 / 404-or-own-data, the handler's data
 * never in the answer, and nothing written.
 */
class AdminAuthorizationMatrixTest {
    static final String SECRET_REASON = "Shop1SecretReason";
    static final String SECRET_RULES = "Shop1SecretRules";

    /** A valid request for each admin route, so only the caller decides the answer. */
    static final Map<String, String> BODIES = Map.of(
            "PUT /v1/admin/settings", SettingsHandlersTest.body("0"),
            "PUT /v1/admin/store", StoreProfileTest.BODY,
            "POST /v1/admin/members/{memberId}/store-spend", "{\"receiptId\":\"R-9\",\"amount\":\"100.00\"}",
            "POST /v1/admin/members/{memberId}/points/adjustments", "{\"points\":5,\"reason\":\"x\",\"idempotencyKey\":\"k9\"}",
            "POST /v1/admin/points/bulk-assignments", "{\"memberIds\":[\"mem-42\"],\"points\":5,\"reason\":\"x\",\"dryRun\":true}",
            "POST /v1/admin/notifications/preview", "{\"kind\":\"STAFF_POINTS\",\"amount\":5,\"balance\":5,\"reason\":\"x\"}");

    static List<ApiRoutes.Route> adminRoutes() {
        return ApiRoutes.all().stream().filter(r -> r.path().startsWith("/v1/admin/")).toList();
    }

    static Stream<Arguments> matrix() {
        List<Arguments> out = new ArrayList<>();
        for (ApiRoutes.Route route : adminRoutes()) {
            out.add(Arguments.of(route.routeKey(), "no token", ApiEvents.noToken(), 401));
            out.add(Arguments.of(route.routeKey(), "member A (member token)", ApiEvents.member("shop-1", "mem-42"), 403));
            out.add(Arguments.of(route.routeKey(), "staff without the permission", Optional.<Map<String, String>>empty(), 403));
            out.add(Arguments.of(route.routeKey(), "another merchant's staff", ApiEvents.staff("shop-2", "s2",
                    Permission.values()), 404));
        }
        return out.stream();
    }

    static ApiHandler handler(Class<? extends ApiHandler> type, AdminWorld world) {
        // The notification routes are built over their own ports (the world's merchants, a delivery store).
        InMemoryDeliveryStore deliveries = new InMemoryDeliveryStore();
        if (type == NotificationPreviewHandler.class) {
            return new NotificationPreviewHandler(world.merchants, JsonLogger.discarding());
        }
        if (type == SmsUsageHandler.class) {
            return new SmsUsageHandler(world.merchants, deliveries, world.clock::get, JsonLogger.discarding());
        }
        if (type == LiabilityReportHandler.class) {
            // counters fed with everything the world's ledger holds for shop-1 (the secret 777 points)
            InMemoryLiabilityCounters counters = new InMemoryLiabilityCounters();
            world.ledger.history(WalletRef.points(SHOP, MemberId.of("mem-42")),
                    com.memberpoints.domain.model.PageRequest.first(100)).items().forEach(counters::record);
            return new LiabilityReportHandler(world.merchants, world.settings, counters, world.clock::get,
                    JsonLogger.discarding());
        }
        if (type == DeliveriesHandler.class) {
            return new DeliveriesHandler(world.merchants, deliveries, world.clock::get, JsonLogger.discarding());
        }
        // Every other admin handler takes its domain service (or ports) and a logger: each parameter is taken
        // from the world's services by type.
        Map<Class<?>, Object> parts = new java.util.HashMap<>();
        AdminServices s = world.services;
        parts.put(AdminServices.class, s);
        parts.put(JsonLogger.class, JsonLogger.discarding());
        parts.put(com.memberpoints.domain.settings.SettingsAdmin.class, s.settings());
        parts.put(com.memberpoints.domain.staff.PointsAdjustments.class, s.adjustments());
        parts.put(com.memberpoints.domain.staff.StoreSpend.class, s.storeSpend());
        parts.put(com.memberpoints.domain.merchant.StoreProfiles.class, s.storeProfiles());
        parts.put(com.memberpoints.domain.bulk.BulkAssignments.class, s.bulk());
        parts.put(com.memberpoints.domain.merchant.MerchantStore.class, s.merchants());
        parts.put(com.memberpoints.domain.settings.SettingsStore.class, s.settingsStore());
        parts.put(com.memberpoints.domain.order.OrderStore.class, s.orders());
        parts.put(com.memberpoints.domain.order.OrderViews.class, new com.memberpoints.domain.order.OrderViews(
                s.orders(), s.ledger(), s.settingsStore(), s.merchants()));
        for (java.lang.reflect.Constructor<?> c : type.getConstructors()) {
            if (c.getParameterCount() > 0 && java.util.Arrays.stream(c.getParameterTypes()).allMatch(parts::containsKey)) {
                try {
                    return (ApiHandler) c.newInstance(java.util.Arrays.stream(c.getParameterTypes()).map(parts::get).toArray());
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError("could not build " + type, e);
                }
            }
        }
        throw new AssertionError(type + " needs a constructor over the admin services and a JsonLogger");
    }

    @ParameterizedTest(name = "{0} as {1} -> {3}")
    @MethodSource("matrix")
    void everyAdminRouteRefusesTheWrongCallerWithoutLeaking(String routeKey, String who,
                                                            Optional<Map<String, String>> claims, int expected) {
        AdminWorld world = new AdminWorld();
        world.member(SHOP, "mem-42", true, true);
        world.ledger.apply(LedgerCommand.manualAdd(WalletRef.points(SHOP, MemberId.of("mem-42")), "seed", 777,
                Optional.empty(), SECRET_REASON, Actor.staff("boss"), AdminWorld.NOW));
        world.saveSettings(SHOP, withRules(AdjustPointsHandlerTest.withExpiry(
                com.memberpoints.domain.settings.ExpiryPolicy.NEVER)));
        world.services.bulk().start(SHOP, new com.memberpoints.domain.bulk.BulkAssignments.Request(
                List.of(MemberId.of("mem-42")), 3, SECRET_REASON, com.memberpoints.domain.ledger.NotifyChoice.NONE,
                Optional.of("job1")), Actor.staff("boss"));
        int ledgerEntries = history(world);

        ApiRoutes.Route route = adminRoutes().stream().filter(r -> r.routeKey().equals(routeKey)).findFirst().orElseThrow();
        ApiHandler handler = handler(route.handler(), world);
        Permission required = ((Access.StaffWith) handler.access()).permission();
        if (who.startsWith("staff without")) {
            EnumSet<Permission> others = EnumSet.complementOf(EnumSet.of(required));
            claims = ApiEvents.staff("shop-1", "s1", others.toArray(Permission[]::new));
        }
        Map<String, String> params = new HashMap<>();
        if (route.path().contains("{memberId}")) {
            params.put("memberId", "mem-42");
        }
        if (route.path().contains("{jobId}")) {
            params.put("jobId", "bulk-job1");
        }
        if (route.path().contains("{orderId}")) {
            // shop-1 has this order: another store's staff must get 404 all the same (issue 11.5)
            world.orders.save(AdminOrderViewTest.order(SHOP, "o-shop1"));
            params.put("orderId", "o-shop1");
        }
        Map<String, String> query = route.path().endsWith(".csv")
                ? Map.of("from", "2026-11-01", "to", "2026-11-30") : Map.of();
        Map<String, String> headers = route.method().equals("PUT") ? Map.of("If-Match", "\"0\"") : Map.of();
        APIGatewayV2HTTPResponse r = call(handler, event(route.method(), route.path(), params, query, headers,
                BODIES.get(routeKey), claims));

        int status = r.getStatusCode();
        boolean ownData = routeKey.endsWith("/v1/admin/settings") || routeKey.endsWith("/bulk-assignments")
                || routeKey.endsWith("/v1/admin/activity-log") || routeKey.endsWith(".csv")
                || routeKey.endsWith("/v1/admin/store") || routeKey.contains("/v1/admin/notifications/")
                || routeKey.endsWith("/v1/admin/reports/liability");
        if (expected == 404 && ownData) {
            // Store-wide routes answer from the caller's own store: never the other store's data.
            assertThat(status).as(r.getBody()).isIn(200, 409);
        } else {
            assertThat(status).as(r.getBody()).isEqualTo(expected);
            assertThat(r.getHeaders()).containsEntry("content-type", "application/problem+json");
        }
        assertThat(r.getBody()).doesNotContain(SECRET_REASON).doesNotContain(SECRET_RULES).doesNotContain("777")
                .doesNotContain("Exception").doesNotContain("at com.");
        assertThat(history(world)).as("nothing written").isEqualTo(ledgerEntries);
        assertThat(world.settings.current(SHOP).orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void theMatrixCoversEveryAdminRoute() {
        assertThat(adminRoutes()).hasSizeGreaterThanOrEqualTo(7);
        for (ApiRoutes.Route route : adminRoutes()) {
            assertThat(handler(route.handler(), new AdminWorld()).access()).isInstanceOf(Access.StaffWith.class);
        }
    }

    private static int history(AdminWorld world) {
        return world.ledger.history(WalletRef.points(SHOP, MemberId.of("mem-42")),
                com.memberpoints.domain.model.PageRequest.first(100)).items().size()
                + world.ledger.history(WalletRef.points(AdminWorld.OTHER_SHOP, MemberId.of("mem-42")),
                com.memberpoints.domain.model.PageRequest.first(100)).items().size();
    }

    private static com.memberpoints.domain.settings.MerchantSettings withRules(
            com.memberpoints.domain.settings.MerchantSettings s) {
        return new com.memberpoints.domain.settings.MerchantSettings(s.version(), s.points(), s.redeem(), s.tiers(),
                s.credits(), new java.util.TreeMap<>(Map.of("en", SECRET_RULES)));
    }
}
