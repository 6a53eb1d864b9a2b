package com.memberpoints.functions.admin;

import static com.memberpoints.functions.admin.AdminWorld.SHOP;
import static com.memberpoints.functions.admin.AdminWorld.call;
import static com.memberpoints.functions.admin.AdminWorld.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.memberpoints.domain.inmemory.InMemoryAssignmentScheduler;
import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.CheckoutIdentity;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.Money;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.domain.model.OrderKind;
import com.memberpoints.domain.model.SalesChannel;
import com.memberpoints.domain.order.AssignmentWindow;
import com.memberpoints.domain.order.Delivery;
import com.memberpoints.domain.order.DeliveryStatus;
import com.memberpoints.domain.order.EarnRecord;
import com.memberpoints.domain.order.Order;
import com.memberpoints.domain.order.OrderAmounts;
import com.memberpoints.domain.order.OrderEvent;
import com.memberpoints.domain.order.OrderLifecycle;
import com.memberpoints.domain.order.OrderStatus;
import com.memberpoints.domain.order.OrderViews;
import com.memberpoints.domain.settings.AssignmentPolicy;
import com.memberpoints.domain.settings.BoundRule;
import com.memberpoints.domain.settings.Channels;
import com.memberpoints.domain.settings.CreditRule;
import com.memberpoints.domain.settings.CreditType;
import com.memberpoints.domain.settings.CreditValidity;
import com.memberpoints.domain.settings.EarnRate;
import com.memberpoints.domain.settings.EarnRule;
import com.memberpoints.domain.settings.ExpiryPolicy;
import com.memberpoints.domain.settings.MerchantSettings;
import com.memberpoints.domain.settings.OrderRewardCredits;
import com.memberpoints.domain.settings.PointsProgram;
import com.memberpoints.domain.settings.RedeemCap;
import com.memberpoints.domain.settings.RedeemRule;
import com.memberpoints.functions.admin.members.MemberPointsHandler;
import com.memberpoints.functions.admin.orders.OrderPointsHandler;
import com.memberpoints.functions.platform.ApiEvents;
import com.memberpoints.functions.platform.http.Permission;
import com.memberpoints.functions.platform.json.Json;
import com.memberpoints.functions.platform.json.JsonObject;
import com.memberpoints.functions.platform.json.JsonValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Issue 11.5, admin side: the order view {@code GET /v1/admin/orders/{orderId}} over orders the real lifecycle moved,
 * and the member view's {@code reach}. Over the in-memory stores here; {@code AdminDisplayOverDynamoDbIT} runs the
 * same tests over DynamoDB Local.
 */
class AdminOrderViewTest {
    static final Currency TWD = Currency.getInstance("TWD");
    static final Optional<Map<String, String>> VIEWER = ApiEvents.staff("shop-1", "s-view", Permission.CUSTOMER_MANAGEMENT);

    final AdminWorld world = newWorld();
    final OrderPointsHandler handler = new OrderPointsHandler(
            new OrderViews(world.orders, world.ledger, world.settings, world.merchants), world.log().logger());
    final InMemoryAssignmentScheduler scheduler = new InMemoryAssignmentScheduler();
    final OrderLifecycle lifecycle = new OrderLifecycle(world.orders, world.ledger, world.settings, world.merchants,
            world.members, scheduler, world.clock::get, AssignmentWindow.NONE);

    AdminWorld newWorld() {
        return new AdminWorld();
    }

    /** An open order of mem-42 under the default settings (for the authorization matrix). */
    static Order order(MerchantId merchant, String id) {
        OrderAmounts amounts = OrderAmounts.ofSubtotal(Money.of("100.00", TWD));
        return new Order(merchant, OrderId.of(id), Optional.of(MemberId.of("mem-42")), CheckoutIdentity.MEMBER_LOGGED_IN,
                SalesChannel.ONLINE, OrderKind.NORMAL, Optional.empty(), AdminWorld.NOW, amounts,
                BoundRule.bind(MerchantSettings.defaults(), Optional.empty()), OrderStatus.OPEN, Optional.empty(),
                Delivery.PENDING, Optional.empty(), EarnRecord.nothing(TWD), 0);
    }

    static MerchantSettings settings(AssignmentPolicy mode) {
        return MerchantSettings.of(0,
                new PointsProgram(true, new EarnRule(true, EarnRate.of("10", 1)), Channels.DEFAULT, ExpiryPolicy.annual(12, 31),
                        mode),
                new RedeemRule(true, 10, BigDecimal.ZERO, RedeemCap.NONE), List.of(),
                new OrderRewardCredits(true, new CreditRule(new BigDecimal("500"), CreditType.fixed("100", false),
                        CreditValidity.NEVER)),
                new TreeMap<>());
    }

    APIGatewayV2HTTPResponse get(String order, Map<String, String> query) {
        return call(handler, event("GET", "/v1/admin/orders/{orderId}", Map.of("orderId", order), query, Map.of(), null,
                VIEWER));
    }

    static JsonValue at(APIGatewayV2HTTPResponse r, String path) {
        JsonValue v = Json.parse(r.getBody());
        for (String part : path.split("\\.")) {
            v = ((JsonObject) v).get(part).orElseThrow(() -> new AssertionError("no " + path + " in " + r.getBody()));
        }
        return v;
    }

    static String text(APIGatewayV2HTTPResponse r, String path) {
        return Json.write(at(r, path));
    }

    void advance(String isoInstant) {
        world.clock.set(Instant.parse(isoInstant));
    }

    @Test
    void theOrdersLifeAsTheAdminSeesIt_pendingWithItsDate_thenAssignedByTheSchedule() {
        world.member(SHOP, "mem-42", true, true);
        world.saveSettings(SHOP, settings(AssignmentPolicy.afterDelivery(3)));
        MemberId mem = MemberId.of("mem-42");
        world.ledger.apply(LedgerCommand.manualAdd(WalletRef.points(SHOP, mem), "seed", 500, Optional.empty(), "seed",
                Actor.staff("boss"), AdminWorld.NOW));
        world.ledger.apply(LedgerCommand.redeem(WalletRef.points(SHOP, mem), OrderId.of("o-1"), 200, true, AdminWorld.NOW));
        lifecycle.handle(new OrderEvent.OrderPlaced(SHOP, OrderId.of("o-1"), Optional.of(mem),
                CheckoutIdentity.MEMBER_LOGGED_IN, SalesChannel.ONLINE, OrderKind.NORMAL,
                new OrderAmounts(Money.of("1000.00", TWD), Money.of("0.00", TWD), Money.of("0.00", TWD), 200,
                        Money.of("20.00", TWD), Money.of("60.00", TWD), Money.of("0.00", TWD)), AdminWorld.NOW));
        lifecycle.handle(new OrderEvent.OrderPaid(SHOP, OrderId.of("o-1"), Optional.of(true), AdminWorld.NOW));
        advance("2026-11-30T02:00:00Z"); // 10:00 Taipei
        lifecycle.handle(new OrderEvent.OrderDeliveryStatusChanged(SHOP, OrderId.of("o-1"), DeliveryStatus.COLLECTED,
                world.clock.get()));

        APIGatewayV2HTTPResponse r = get("o-1", Map.of());
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(200);
        assertThat(text(r, "boundRule.settingsVersion")).isEqualTo("1");
        assertThat(text(r, "boundRule.earn")).isEqualTo("{\"spend\":\"10.00\",\"points\":1,\"source\":\"STORE\"}");
        assertThat(text(r, "boundRule.creditRule")).contains("\"type\":\"FIXED_NON_CUMULATIVE\"", "\"threshold\":\"500.00\"");
        assertThat(text(r, "points.givenWhen"))
                .isEqualTo("{\"kind\":\"DAYS_AFTER_DELIVERY\",\"days\":3,\"text\":\"Points earned 3 days after delivery\"}");
        // earn base 1000 - 20 (point discount) = 980 -> 98 points, due on 2026-12-03 local
        assertThat(text(r, "points.expected")).contains("\"points\":98", "\"status\":\"scheduled\"",
                "\"expectedOn\":\"2026-12-03\"");
        assertThat(text(r, "points.assigned")).isEqualTo("null");
        assertThat(text(r, "points.redeemed")).isEqualTo("200");
        assertThat(text(r, "credits.rewarded")).isEqualTo("\"100.00\"");
        assertThat(text(r, "credits.rewardedBy")).isEqualTo("\"ORDER_PAID\"");
        assertThat(text(r, "credits.givenWhen")).contains("\"kind\":\"ON_PAYMENT\"", "Credits earned on payment");

        advance("2026-12-02T16:00:00Z"); // 2026-12-03 00:00 Taipei
        lifecycle.assignDue(SHOP, OrderId.of("o-1"));
        APIGatewayV2HTTPResponse done = get("o-1", Map.of("locale", "zh-TW"));
        assertThat(text(done, "points.expected")).isEqualTo("null");
        assertThat(text(done, "points.assigned")).contains("\"on\":\"2026-12-03\"", "\"by\":\"ASSIGNMENT_SCHEDULE\"",
                "\"points\":98", "\"expiresAt\":\"2027-12-31T15:59:59Z\"");
        assertThat(text(done, "points.earned")).isEqualTo("98");
        assertThat(text(done, "points.givenWhen")).contains("送達 3 天後獲得點數");
    }

    @Test
    void completionMode_saysAfterCompleted_andCompletionAssignsBoth() {
        world.member(SHOP, "mem-42", true, true);
        world.saveSettings(SHOP, settings(AssignmentPolicy.ON_COMPLETION));
        lifecycle.handle(new OrderEvent.OrderPlaced(SHOP, OrderId.of("o-2"), Optional.of(MemberId.of("mem-42")),
                CheckoutIdentity.MEMBER_LOGGED_IN, SalesChannel.ONLINE, OrderKind.NORMAL,
                OrderAmounts.ofSubtotal(Money.of("600.00", TWD)), AdminWorld.NOW));
        lifecycle.handle(new OrderEvent.OrderPaid(SHOP, OrderId.of("o-2"), Optional.of(true), AdminWorld.NOW));
        assertThat(text(get("o-2", Map.of()), "points.givenWhen"))
                .isEqualTo("{\"kind\":\"AFTER_COMPLETED\",\"text\":\"Points earned after completed\"}");
        assertThat(text(get("o-2", Map.of()), "credits.givenWhen"))
                .isEqualTo("{\"kind\":\"AFTER_COMPLETED\",\"text\":\"Credits earned after completed\"}");
        assertThat(text(get("o-2", Map.of()), "credits.rewardedAt")).isEqualTo("null");
        lifecycle.handle(new OrderEvent.OrderCompleted(SHOP, OrderId.of("o-2"), AdminWorld.NOW.plusSeconds(60)));
        APIGatewayV2HTTPResponse r = get("o-2", Map.of());
        assertThat(text(r, "points.assigned")).contains("\"by\":\"ORDER_COMPLETED\"", "\"points\":60");
        assertThat(text(r, "credits.rewardedBy")).isEqualTo("\"ORDER_COMPLETED\"");
        assertThat(text(r, "credits.inLedger")).isEqualTo("\"100.00\"");
        assertThat(text(r, "status")).isEqualTo("\"COMPLETED\"");
    }

    @Test
    void returnsAndWhatCouldNotBeTakenBackAreShown_issue12_3() {
        world.member(SHOP, "mem-42", true, true);
        world.saveSettings(SHOP, settings(AssignmentPolicy.afterDelivery(0)));
        MemberId mem = MemberId.of("mem-42");
        lifecycle.handle(new OrderEvent.OrderPlaced(SHOP, OrderId.of("o-r"), Optional.of(mem),
                CheckoutIdentity.MEMBER_LOGGED_IN, SalesChannel.ONLINE, OrderKind.NORMAL,
                OrderAmounts.ofSubtotal(Money.of("1000.00", TWD)), AdminWorld.NOW));
        lifecycle.handle(new OrderEvent.OrderDeliveryStatusChanged(SHOP, OrderId.of("o-r"), DeliveryStatus.ARRIVED,
                AdminWorld.NOW));
        // the member spends 90 of the 100 points, then 600.00 of the order comes back: 60 owed, 10 left
        world.ledger.apply(LedgerCommand.manualDeduct(WalletRef.points(SHOP, mem), "spent", 90, "spent",
                Actor.staff("boss"), AdminWorld.NOW));
        lifecycle.handle(new OrderEvent.OrderReturned(SHOP, OrderId.of("o-r"), "ret-1", Money.of("600.00", TWD),
                List.of(), false, AdminWorld.NOW));

        APIGatewayV2HTTPResponse r = get("o-r", Map.of());
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(200);
        assertThat(text(r, "returns.full")).isEqualTo("false");
        assertThat(text(r, "returns.returnedTotal")).isEqualTo("\"600.00\"");
        assertThat(text(r, "returns.applied")).contains("\"returnId\":\"ret-1\"", "\"amount\":\"600.00\"");
        assertThat(text(r, "returns.pointsNotRecovered")).isEqualTo("50");
        assertThat(text(r, "points.earned")).isEqualTo("90"); // 100 earned, the 10 left taken back; 50 kept
    }

    @Test
    void anUnknownOrderIs404_aBadIdOrLocale400() {
        assertThat(get("o-none", Map.of()).getStatusCode()).isEqualTo(404);
        world.orders.save(order(AdminWorld.OTHER_SHOP, "o-foreign"));
        APIGatewayV2HTTPResponse foreign = get("o-foreign", Map.of());
        assertThat(foreign.getStatusCode()).isEqualTo(404);
        assertThat(foreign.getBody()).contains("Order not found.").doesNotContain("o-foreign");
        APIGatewayV2HTTPResponse bad = get("o-1", Map.of("locale", "not a tag!"));
        assertThat(bad.getStatusCode()).isEqualTo(400);
        assertThat(bad.getBody()).contains("locale");
        assertThat(get("o-1", Map.of("verbose", "1")).getStatusCode()).isEqualTo(400);
    }

    @Test
    void theMemberViewSaysWhetherEmailAndSmsCanReachTheMember() {
        MemberPointsHandler points = new MemberPointsHandler(world.services, world.log().logger());
        world.member(SHOP, "both", true, true);
        world.member(SHOP, "nothing", false, false);
        assertThat(text(member(points, "both"), "reach")).isEqualTo("{\"email\":true,\"sms\":true}");
        assertThat(text(member(points, "nothing"), "reach")).isEqualTo(
                "{\"email\":false,\"emailUnavailableReason\":\"NO_EMAIL\",\"sms\":false,\"smsUnavailableReason\":\"NO_PHONE\"}");
        world.merchants.save(AdminWorld.merchant(SHOP, false)); // the store switches SMS off
        assertThat(text(member(points, "both"), "reach"))
                .isEqualTo("{\"email\":true,\"sms\":false,\"smsUnavailableReason\":\"STORE_SMS_OFF\"}");
        assertThat(member(points, "ghost").getStatusCode()).isEqualTo(404);
    }

    private static APIGatewayV2HTTPResponse member(MemberPointsHandler points, String id) {
        return call(points, event("GET", "/v1/admin/members/{memberId}/points", Map.of("memberId", id), Map.of(),
                Map.of(), null, VIEWER));
    }
}
