package com.memberpoints.functions.admin;

import static com.memberpoints.functions.admin.AdminWorld.SHOP;
import static com.memberpoints.functions.admin.AdminWorld.call;
import static com.memberpoints.functions.admin.AdminWorld.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.domain.inmemory.InMemoryAssignmentScheduler;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.order.AssignmentWindow;
import com.memberpoints.domain.order.OrderLifecycle;
import com.memberpoints.domain.settings.CreditRule;
import com.memberpoints.domain.settings.CreditType;
import com.memberpoints.domain.settings.CreditValidity;
import com.memberpoints.domain.settings.MerchantSettings;
import com.memberpoints.domain.settings.OrderRewardCredits;
import com.memberpoints.functions.admin.members.AdjustCreditsHandler;
import com.memberpoints.functions.admin.members.MemberCreditsHandler;
import com.memberpoints.functions.events.OrderEventsHandler;
import com.memberpoints.functions.platform.ApiEvents;
import com.memberpoints.functions.platform.http.Permission;
import com.memberpoints.functions.platform.json.Json;
import com.memberpoints.functions.platform.json.JsonArray;
import com.memberpoints.functions.platform.json.JsonObject;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * SPEC §8 example 18 through the handlers: the order events through {@link OrderEventsHandler}, the merchant's
 * deduction through {@code POST .../credits/adjustments} and the history through {@code GET .../credits}, over
 * in-memory ports here and DynamoDB Local in {@link CreditRoutesOverDynamoDbIT}.
 */
class SpecExample18RoutesTest {

    AdminWorld newWorld() {
        return new AdminWorld();
    }

    private static String send(OrderEventsHandler events, String type, String detail) {
        return Json.write(events.handle("{\"version\":\"0\",\"id\":\"e-" + type + "\",\"source\":\"commerce.platform\","
                + "\"detail-type\":\"" + type + "\",\"account\":\"123456789012\",\"time\":\"2026-11-22T08:00:00Z\","
                + "\"region\":\"us-east-1\",\"resources\":[],\"detail\":" + detail + "}"));
    }

    @Test
    void example18_orderCancelledAfter10CreditsAssigned_creditsStay_merchantDeducts10ByHand_balance0_historyShowsBothWithTheActor() {
        AdminWorld world = newWorld();
        world.member(SHOP, "mem-42", true, true);
        MerchantSettings d = MerchantSettings.defaults();
        world.saveSettings(SHOP, new MerchantSettings(1, d.points(), d.redeem(), d.tiers(),
                new OrderRewardCredits(true, new CreditRule(new BigDecimal("100.00"), CreditType.fixed("10.00", false),
                        CreditValidity.NEVER)), d.rulesText()));
        OrderEventsHandler events = new OrderEventsHandler(new OrderLifecycle(world.orders, world.ledger,
                world.settings, world.merchants, world.members, new InMemoryAssignmentScheduler(), world.clock::get,
                AssignmentWindow.NONE), world.log().logger());

        send(events, "OrderPlaced", "{\"merchantId\":\"shop-1\",\"orderId\":\"o-18\",\"memberId\":\"mem-42\","
                + "\"checkout\":\"MEMBER_LOGGED_IN\",\"channel\":\"ONLINE\",\"amounts\":{\"currency\":\"TWD\","
                + "\"itemSubtotal\":\"150.00\"},\"placedAt\":\"2026-11-22T07:00:00Z\"}");
        send(events, "OrderPaid", "{\"merchantId\":\"shop-1\",\"orderId\":\"o-18\",\"paidAt\":\"2026-11-22T07:30:00Z\"}");
        WalletRef credits = WalletRef.credits(SHOP, MemberId.of("mem-42"));
        assertThat(world.ledger.wallet(credits).balance()).isEqualTo(1000);
        send(events, "OrderCancelled", "{\"merchantId\":\"shop-1\",\"orderId\":\"o-18\","
                + "\"cancelledAt\":\"2026-11-22T07:45:00Z\"}");
        assertThat(world.ledger.wallet(credits).balance()).as("the credits stay").isEqualTo(1000);

        AdjustCreditsHandler adjust = new AdjustCreditsHandler(world.services.creditAdjustments(), world.merchants,
                world.log().logger());
        var deducted = call(adjust, event("POST", AdjustCreditsHandlerTest.ROUTE, Map.of("memberId", "mem-42"), Map.of(),
                Map.of("Idempotency-Key", "cancel-o-18"), "{\"amount\":\"-10.00\",\"reason\":\"Order o-18 was cancelled\"}",
                ApiEvents.staff("shop-1", "staff-7", Permission.STORE_CREDITS)));
        assertThat(deducted.getStatusCode()).as(deducted.getBody()).isEqualTo(201);
        assertThat(deducted.getBody()).contains("\"balanceAfter\":\"0.00\"");

        var view = call(new MemberCreditsHandler(world.services.memberCenter(), world.log().logger()),
                event("GET", AdjustCreditsHandlerTest.VIEW, Map.of("memberId", "mem-42"), Map.of(), Map.of(), null,
                        ApiEvents.staff("shop-1", "staff-9", Permission.CUSTOMER_MANAGEMENT)));
        assertThat(view.getStatusCode()).as(view.getBody()).isEqualTo(200);
        JsonObject body = (JsonObject) Json.parse(view.getBody());
        assertThat(Json.write(body.get("balance").orElseThrow())).isEqualTo("\"0.00\"");
        JsonArray items = (JsonArray) ((JsonObject) body.get("history").orElseThrow()).get("items").orElseThrow();
        assertThat(items.size()).isEqualTo(2);
        String deduction = Json.write(items.get(0));
        String reward = Json.write(items.get(1));
        assertThat(deduction).contains("\"kind\":\"ADJUST_DEDUCT\"").contains("\"change\":\"-10.00\"")
                .contains("\"reason\":\"Order o-18 was cancelled\"").contains("\"changedBy\":\"staff-7\"")
                .contains("\"changedByType\":\"staff\"");
        assertThat(reward).contains("\"kind\":\"REWARD_CREDIT\"").contains("\"change\":\"10.00\"")
                .contains("\"orderId\":\"o-18\"").contains("\"changedBy\":\"system\"");
    }
}
