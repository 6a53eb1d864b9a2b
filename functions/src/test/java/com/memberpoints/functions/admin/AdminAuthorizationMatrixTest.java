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
    static final Map<String, String> BODIES = withImportBodies(Map.of(
            "PUT /v1/admin/settings", SettingsHandlersTest.body("0"),
            "PUT /v1/admin/settings/{section}", SettingsSectionsTest.MEMBER_POINTS_BODY,
            "PUT /v1/admin/store", StoreProfileTest.BODY,
            "POST /v1/admin/members/{memberId}/store-spend", "{\"receiptId\":\"R-9\",\"amount\":\"100.00\"}",
            "POST /v1/admin/members/{memberId}/pos-redemptions",
            "{\"receiptId\":\"R-9\",\"saleAmount\":\"100.00\",\"points\":\"maximum\"}",
            "POST /v1/admin/members/{memberId}/points/adjustments", "{\"points\":5,\"reason\":\"x\",\"idempotencyKey\":\"k9\"}",
            "POST /v1/admin/points/bulk-assignments", "{\"memberIds\":[\"mem-42\"],\"points\":5,\"reason\":\"x\",\"dryRun\":true}",
            "POST /v1/admin/notifications/preview", "{\"kind\":\"STAFF_POINTS\",\"amount\":5,\"balance\":5,\"reason\":\"x\"}",
            "POST /v1/admin/members/{memberId}/credits/adjustments",
            "{\"amount\":\"-1.00\",\"reason\":\"x\",\"idempotencyKey\":\"k9\"}"));

    /** The balance import routes' bodies (12.4): a CSV part and the run's options. */
    static Map<String, String> withImportBodies(Map<String, String> bodies) {
        Map<String, String> all = new HashMap<>(bodies);
        all.put("PUT /v1/admin/imports/{importId}/parts/{part}", "memberId,wallet,amount,expiresOn,reason\nmem-42,points,5,never,x\n");
        all.put("POST /v1/admin/imports/{importId}/run", "{\"acceptErrors\":true}");
        return Map.copyOf(all);
    }

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
        parts.put(com.memberpoints.domain.staff.CreditAdjustments.class, s.creditAdjustments());
        parts.put(com.memberpoints.domain.membercenter.MemberCenter.class, s.memberCenter());
        parts.put(com.memberpoints.domain.staff.PosRedemptions.class, s.posRedemptions());
        parts.put(com.memberpoints.domain.bulk.BulkAssignments.class, s.bulk());
        parts.put(com.memberpoints.domain.merchant.MerchantStore.class, s.merchants());
        parts.put(com.memberpoints.domain.settings.SettingsStore.class, s.settingsStore());
        parts.put(com.memberpoints.domain.order.OrderStore.class, s.orders());
        parts.put(com.memberpoints.domain.migration.BalanceImports.class, world.imports());
        parts.put(com.memberpoints.domain.migration.BalanceExport.class, world.export());
        parts.put(com.memberpoints.domain.staff.ReceiptStore.class, s.receipts());
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
        // store credits too (7.77): the credits routes must not show them, nor let the wrong caller deduct them
        world.ledger.apply(LedgerCommand.manualAdd(WalletRef.credits(SHOP, MemberId.of("mem-42")), "seed", 777,
                Optional.empty(), SECRET_REASON, Actor.staff("boss"), AdminWorld.NOW));
        world.saveSettings(SHOP, withRules(AdjustPointsHandlerTest.withExpiry(
                com.memberpoints.domain.settings.ExpiryPolicy.NEVER)));
        world.services.bulk().start(SHOP, new com.memberpoints.domain.bulk.BulkAssignments.Request(
                List.of(MemberId.of("mem-42")), 3, SECRET_REASON, com.memberpoints.domain.ledger.NotifyChoice.NONE,
                Optional.of("job1")), Actor.staff("boss"));
        var seeded = world.imports().create(SHOP, Optional.of("job1"), Actor.staff("boss")); // import-job1 of shop-1
        world.imports().putPart(SHOP, "import-job1", 1, "memberId,wallet,amount,expiresOn,reason\nmem-42,points,1,never,"
                + SECRET_REASON + "\n");
        assertThat(seeded).isInstanceOf(com.memberpoints.domain.migration.BalanceImports.Outcome.Job.class);
        int ledgerEntries = history(world);

        ApiRoutes.Route route = adminRoutes().stream().filter(r -> r.routeKey().equals(routeKey)).findFirst().orElseThrow();
        ApiHandler handler = handler(route.handler(), world);
        java.util.Set<Permission> allowed = switch (handler.access()) {
            case Access.StaffWith w -> java.util.Set.of(w.permission());
            case Access.StaffPerPath p -> p.permissions().apply("member-points");
            default -> throw new AssertionError("not an admin access policy: " + handler.access());
        };
        if (who.startsWith("staff without")) {
            EnumSet<Permission> others = EnumSet.complementOf(EnumSet.copyOf(allowed));
            claims = ApiEvents.staff("shop-1", "s1", others.toArray(Permission[]::new));
        }
        Map<String, String> params = new HashMap<>();
        if (route.path().contains("{memberId}")) {
            params.put("memberId", "mem-42");
        }
        if (route.path().contains("{receiptId}")) {
            params.put("receiptId", "R-9");
        }
        if (route.path().contains("{jobId}")) {
            params.put("jobId", "bulk-job1");
        }
        if (route.path().contains("{section}")) {
            params.put("section", "member-points");
        }
        if (route.path().contains("{importId}")) {
            params.put("importId", "import-job1");
        }
        if (route.path().contains("{part}")) {
            params.put("part", "2");
        }
        if (route.path().contains("{orderId}")) {
            // shop-1 has this order: another store's staff must get 404 all the same (issue 11.5)
            world.orders.save(AdminOrderViewTest.order(SHOP, "o-shop1"));
            params.put("orderId", "o-shop1");
        }
        Map<String, String> query = route.path().endsWith("orders.csv")
                ? Map.of("from", "2026-11-01", "to", "2026-11-30") : Map.of();
        Map<String, String> headers = route.path().contains("{part}") ? Map.of("content-type", "text/csv")
                : !route.method().equals("PUT") || route.path().equals("/v1/admin/store") ? Map.of()
                : route.path().contains("{section}") ? Map.of("If-Match", SettingsSectionsTest.defaultTag("member-points"))
                : Map.of("If-Match", "\"0\"");
        APIGatewayV2HTTPResponse r = call(handler, event(route.method(), route.path(), params, query, headers,
                BODIES.get(routeKey), claims));

        int status = r.getStatusCode();
        boolean ownData = routeKey.endsWith("/v1/admin/settings") || routeKey.endsWith("/bulk-assignments")
                || routeKey.endsWith("/v1/admin/activity-log") || routeKey.endsWith(".csv")
                || routeKey.endsWith("/v1/admin/store") || routeKey.contains("/v1/admin/notifications/")
                || routeKey.endsWith("/v1/admin/reports/liability") || routeKey.endsWith("/v1/admin/settings/{section}")
                || routeKey.equals("POST /v1/admin/imports"); // creates the caller's own import
        if (expected == 404 && ownData) {
            // Store-wide routes answer from the caller's own store: never the other store's data.
            assertThat(status).as(r.getBody()).isIn(200, 201, 409);
        } else {
            assertThat(status).as(r.getBody()).isEqualTo(expected);
            assertThat(r.getHeaders()).containsEntry("content-type", "application/problem+json");
        }
        assertThat(r.getBody()).doesNotContain(SECRET_REASON).doesNotContain(SECRET_RULES).doesNotContain("777").doesNotContain("7.77")
                .doesNotContain("Exception").doesNotContain("at com.");
        assertThat(history(world)).as("nothing written").isEqualTo(ledgerEntries);
        assertThat(world.settings.current(SHOP).orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void theMatrixCoversEveryAdminRoute() {
        assertThat(adminRoutes()).hasSizeGreaterThanOrEqualTo(7);
        for (ApiRoutes.Route route : adminRoutes()) {
            assertThat(handler(route.handler(), new AdminWorld()).access())
                    .isInstanceOfAny(Access.StaffWith.class, Access.StaffPerPath.class);
        }
    }

    private static int history(AdminWorld world) {
        int n = 0;
        for (var shop : List.of(SHOP, AdminWorld.OTHER_SHOP)) {
            for (var ref : List.of(WalletRef.points(shop, MemberId.of("mem-42")),
                    WalletRef.credits(shop, MemberId.of("mem-42")))) {
                n += world.ledger.history(ref, com.memberpoints.domain.model.PageRequest.first(100)).items().size();
            }
        }
        return n;
    }

    private static com.memberpoints.domain.settings.MerchantSettings withRules(
            com.memberpoints.domain.settings.MerchantSettings s) {
        return new com.memberpoints.domain.settings.MerchantSettings(s.version(), s.points(), s.redeem(), s.tiers(),
                s.credits(), new java.util.TreeMap<>(Map.of("en", SECRET_RULES)));
    }
}
