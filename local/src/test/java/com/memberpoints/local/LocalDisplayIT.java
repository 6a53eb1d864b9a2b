package com.memberpoints.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.functions.platform.json.Json;
import com.memberpoints.functions.platform.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 11.5 where a user sees it, over HTTP against the whole local stack: a guest's cart reminder without any
 * caller, the quote saying when points and credits are given, the member center's structured rules, the admin
 * order view of an order moved by the platform's events, and the admin member view's reach.
 */
class LocalDisplayIT {
    static final Instant START = OffsetDateTime.parse("2021-12-01T10:00:00+08:00").toInstant();
    static final String ALICE = "merchant_id=demo-shop&member_id=alice";
    static final String ADMIN = "merchant_id=demo-shop&staff_id=bob&permissions=customer_management+settings";

    static LocalStack stack;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        stack = LocalStack.start(LocalStack.Options.defaults().withPort(0).startingAt(START).withoutTicker());
        // The demo store has no reward-credit rule on: the admin switches "spend 100.00 get 10.00" on.
        HttpResponse<String> current = send("GET", "/v1/admin/settings", ADMIN, null);
        assertThat(current.statusCode()).as(current.body()).isEqualTo(200);
        String on = current.body().replace("\"enabled\":false},\"rulesText\"", "\"enabled\":true},\"rulesText\"");
        assertThat(on).isNotEqualTo(current.body());
        HttpResponse<String> saved = send("PUT", "/v1/admin/settings", ADMIN, on);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void aGuestWithACartSeesTheReminderWithoutLoggingIn() throws Exception {
        HttpResponse<String> r = send("POST", "/v1/storefront/merchants/demo-shop/credit-reminder?locale=zh-TW", null,
                "{\"items\":[{\"amount\":\"60.00\"},{\"amount\":\"20.00\"}]}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonObject reminder = (JsonObject) ((JsonObject) Json.parse(r.body())).get("creditReminder").orElseThrow();
        assertThat(Json.write(reminder.get("kind").orElseThrow())).isEqualTo("\"BUY_MORE\"");
        assertThat(Json.write(reminder.get("shortfall").orElseThrow())).isEqualTo("\"20.00\"");
        assertThat(Json.write(reminder.get("rule").orElseThrow())).contains("\"threshold\":\"100.00\"");
        assertThat(Json.write(reminder.get("text").orElseThrow())).contains("再買");
        assertThat(Json.write(reminder.get("texts").orElseThrow())).contains("Buy NT$20.00 more to get the offer");
        assertThat(send("POST", "/v1/storefront/merchants/nobody/credit-reminder", null,
                "{\"items\":[{\"amount\":\"1.00\"}]}").statusCode()).isEqualTo(404);
    }

    @Test
    void theQuoteAndTheMemberCenterSayWhenPointsAreGivenAndListTheRules() throws Exception {
        JsonObject quote = ok("POST", "/v1/storefront/checkout/quote", ALICE,
                "{\"items\":[{\"amount\":\"1000.00\"}],\"points\":0}");
        assertThat(Json.write(((JsonObject) quote.get("earn").orElseThrow()).get("pointsGivenWhen").orElseThrow()))
                .isEqualTo("{\"kind\":\"DAYS_AFTER_DELIVERY\",\"days\":3,\"text\":\"Points earned 3 days after delivery\"}");
        assertThat(Json.write(((JsonObject) quote.get("earn").orElseThrow()).get("creditsGivenWhen").orElseThrow()))
                .contains("ON_PAYMENT");
        JsonObject points = ok("GET", "/v1/storefront/me/points", ALICE, null);
        assertThat(Json.write(points.get("rulesSummary").orElseThrow()))
                .contains("\"pointsPerUnit\":10", "Points expire on December 31 of the year after they are earned");
    }

    @Test
    void theAdminSeesAnOrdersPointsAndCredits_andWhetherTheMemberCanBeMessaged() throws Exception {
        accepted("{\"detailType\":\"OrderPlaced\",\"detail\":{\"merchantId\":\"demo-shop\",\"orderId\":\"o-view\","
                + "\"memberId\":\"alice\",\"checkout\":\"MEMBER_LOGGED_IN\",\"channel\":\"ONLINE\",\"kind\":\"NORMAL\","
                + "\"amounts\":{\"currency\":\"TWD\",\"itemSubtotal\":\"500.00\",\"discounts\":\"0.00\","
                + "\"storeCredits\":\"0.00\",\"redeemedPoints\":0,\"pointDiscount\":\"0.00\",\"deliveryFee\":\"60.00\","
                + "\"paymentFee\":\"0.00\"},\"placedAt\":\"2021-12-01T02:00:00Z\"}}");
        accepted("{\"detailType\":\"OrderPaid\",\"detail\":{\"merchantId\":\"demo-shop\",\"orderId\":\"o-view\","
                + "\"storeOpen\":true,\"paidAt\":\"2021-12-01T02:00:00Z\"}}");
        accepted("{\"detailType\":\"OrderDeliveryStatusChanged\",\"detail\":{\"merchantId\":\"demo-shop\","
                + "\"orderId\":\"o-view\",\"status\":\"COLLECTED\",\"changedAt\":\"2021-12-01T02:00:00Z\"}}");
        JsonObject view = ok("GET", "/v1/admin/orders/o-view", ADMIN, null);
        String points = Json.write(view.get("points").orElseThrow());
        assertThat(points).contains("\"points\":50", "\"status\":\"scheduled\"", "\"expectedOn\":\"2021-12-04\"",
                "Points earned 3 days after delivery");
        assertThat(Json.write(view.get("credits").orElseThrow())).contains("\"rewardedBy\":\"ORDER_PAID\"");
        assertThat(send("GET", "/v1/admin/orders/o-none", ADMIN, null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/v1/admin/orders/o-view", ALICE, null).statusCode()).isEqualTo(403);

        JsonObject alice = ok("GET", "/v1/admin/members/alice/points", ADMIN, null);
        assertThat(Json.write(alice.get("reach").orElseThrow())).isEqualTo("{\"email\":true,\"sms\":true}");
    }

    private static void accepted(String body) throws Exception {
        HttpResponse<String> r = send("POST", "/local/order-events", null, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    }

    private static JsonObject ok(String method, String path, String caller, String body) throws Exception {
        HttpResponse<String> r = send(method, path, caller, body);
        assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isEqualTo(200);
        return (JsonObject) Json.parse(r.body());
    }

    private static HttpResponse<String> send(String method, String path, String caller, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(stack.baseUri() + path));
        if (caller != null) {
            b.header("X-Local-Caller", caller);
        }
        if (body != null) {
            b.header("content-type", "application/json");
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
