package com.memberpoints.local;

import com.memberpoints.functions.platform.json.Json;
import com.memberpoints.functions.platform.json.JsonArray;
import com.memberpoints.functions.platform.json.JsonNumber;
import com.memberpoints.functions.platform.json.JsonObject;
import com.memberpoints.functions.platform.json.JsonString;
import com.memberpoints.functions.platform.json.JsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's walk-through, over HTTP, against the whole local stack with the real handlers (LocalHandlers):
 * alice redeems points at checkout, the order is placed, paid and collected; three days later the assignment
 * schedule gives her the points and the dispatcher emails and texts her; the next year the hourly sweep expires
 * them. Each request here is one of the README's curl commands (same path, caller header and body).
 */
class LocalStoryIT {
    static final Instant START = OffsetDateTime.parse("2021-12-01T10:00:00+08:00").toInstant();
    static final String ALICE = "merchant_id=demo-shop&member_id=alice";
    static final String STAFF = "merchant_id=demo-shop&staff_id=bob&permissions=reports";
    static final String CART = "\"items\":[{\"amount\":\"1000.00\"}],\"discounts\":\"0.00\",\"storeCredits\":\"0.00\","
            + "\"deliveryFee\":\"60.00\",\"paymentFee\":\"0.00\",\"channel\":\"ONLINE\",\"points\":200";

    static LocalStack stack;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws IOException {
        // As `local/run --start 2021-12-01T10:00:00+08:00`, on a free port, without the background ticker
        // (the walk's jobs run when the clock is moved, in time order, exactly as with it).
        stack = LocalStack.start(LocalStack.Options.defaults().withPort(0).startingAt(START).withoutTicker());
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void checkoutWithPointsThenCollectedThenPointsAndMessagesThenExpiryNextYear() throws Exception {
        // 1. Alice's opening balance.
        JsonObject points = ok("GET", "/v1/storefront/me/points", ALICE, null);
        assertThat(number(points, "balance")).isEqualTo(1200);

        // 2. Quote a 1,000.00 cart using 200 points: 20.00 off, 98 points to earn.
        JsonObject quote = ok("POST", "/v1/storefront/checkout/quote", ALICE, "{" + CART + "}");
        assertThat(string(quote, "pointDiscount")).isEqualTo("20.00");
        assertThat(string(quote, "total")).isEqualTo("1040.00");
        assertThat(number(obj(quote, "earn"), "points")).isEqualTo(98);

        // 3. Redeem at checkout: 200 points held for order o-1001.
        JsonObject redemption = ok("POST", "/v1/storefront/checkout/redemptions", ALICE,
                "{\"orderId\":\"o-1001\"," + CART + "}");
        assertThat(string(redemption, "status")).isEqualTo("HELD");
        assertThat(number(redemption, "pointsBalanceAfter")).isEqualTo(1000);

        // 4. The commerce platform's events: placed, paid, collected.
        accepted("{\"detailType\":\"OrderPlaced\",\"detail\":{\"merchantId\":\"demo-shop\",\"orderId\":\"o-1001\","
                + "\"memberId\":\"alice\",\"checkout\":\"MEMBER_LOGGED_IN\",\"channel\":\"ONLINE\",\"kind\":\"NORMAL\","
                + "\"amounts\":{\"currency\":\"TWD\",\"itemSubtotal\":\"1000.00\",\"discounts\":\"0.00\","
                + "\"storeCredits\":\"0.00\",\"redeemedPoints\":200,\"pointDiscount\":\"20.00\",\"deliveryFee\":\"60.00\","
                + "\"paymentFee\":\"0.00\"},\"placedAt\":\"2021-12-01T02:00:00Z\"}}");
        accepted("{\"detailType\":\"OrderPaid\",\"detail\":{\"merchantId\":\"demo-shop\",\"orderId\":\"o-1001\","
                + "\"storeOpen\":true,\"paidAt\":\"2021-12-01T02:00:00Z\"}}");
        accepted("{\"detailType\":\"OrderDeliveryStatusChanged\",\"detail\":{\"merchantId\":\"demo-shop\","
                + "\"orderId\":\"o-1001\",\"status\":\"COLLECTED\",\"changedAt\":\"2021-12-01T02:00:00Z\"}}");
        JsonObject schedules = ok("GET", "/local/schedules", null, null);
        JsonArray pending = (JsonArray) schedules.get("pending").orElseThrow();
        assertThat(pending.size()).isEqualTo(1);
        // on the due date, at the order's offset in the 00:00-06:00 local window (issue 16)
        java.time.Instant firesAt = com.memberpoints.domain.order.AssignmentWindow.DEFAULT.firesAt(
                java.time.LocalDate.of(2021, 12, 4), java.time.ZoneId.of("Asia/Taipei"),
                com.memberpoints.domain.model.MerchantId.of("demo-shop"), com.memberpoints.domain.model.OrderId.of("o-1001"));
        assertThat(OffsetDateTime.parse(string((JsonObject) pending.get(0), "firesAt")).toInstant()).isEqualTo(firesAt);
        assertThat(string((JsonObject) pending.get(0), "firesAt")).startsWith("2021-12-04T0").endsWith("+08:00");
        assertThat(messages()).isEmpty();
        // The member center shows the order's points as pending, expected on the schedule's day.
        assertThat(Json.write(ok("GET", "/v1/storefront/me/points", ALICE, null).get("pending").orElseThrow()))
                .isEqualTo("[{\"orderId\":\"o-1001\",\"points\":98,\"status\":\"scheduled\",\"expectedOn\":\"2021-12-04\"}]");

        // 5. +3 days: the assignment schedule fires; 98 points, one email and one SMS.
        JsonObject travel = ok("POST", "/local/clock", null, "{\"advance\":\"P3D\"}");
        assertThat(ran(travel)).contains("assignment demo-shop/o-1001 ok");
        points = ok("GET", "/v1/storefront/me/points", ALICE, null);
        assertThat(number(points, "balance")).isEqualTo(1098);
        assertThat(((JsonArray) points.get("pending").orElseThrow()).size()).as("no longer pending").isZero();
        JsonObject expiry = (JsonObject) ((JsonArray) points.get("byExpiry").orElseThrow()).get(0);
        assertThat(string(expiry, "expiresOn")).isEqualTo("2022-12-31");
        assertThat(number(expiry, "points")).isEqualTo(1098);

        List<JsonObject> outbox = messages();
        outbox.forEach(m -> System.out.println("OUTBOX " + Json.write(m)));
        assertThat(outbox).hasSize(2);
        assertThat(string(outbox.get(0), "channel")).isEqualTo("email");
        assertThat(string(outbox.get(0), "to")).isEqualTo("alice@example.com");
        assertThat(string(outbox.get(0), "subject")).isEqualTo("Demo Shop: you earned 98 points");
        assertThat(string(outbox.get(0), "text")).contains("Your balance is now 1,098 points");
        assertThat(string(outbox.get(1), "channel")).isEqualTo("sms");
        assertThat(string(outbox.get(1), "to")).isEqualTo("+886912345678");
        assertThat(string(outbox.get(1), "text"))
                .isEqualTo("Demo Shop: you earned 98 points. Balance: 1,098 points. Next expiry: December 31, 2022.");

        // The merchant's liability (fed like the notifications, in place of the stream): alice 1,098 + bob 300.
        JsonObject liability = ok("GET", "/v1/admin/reports/liability", STAFF, null);
        assertThat(number(obj(liability, "points"), "outstanding")).isEqualTo(1098 + 300);

        List<String> history = history();
        assertThat(history).containsExactly("EARN 98 1098 o-1001", "REDEEM -200 1000 o-1001", "ADJUST_ADD 1200 1200 -");

        // The integration events put on the bus (GET /local/events): the redemption, then the order's points earned,
        // with a stable id, the order and the balance after; no personal data (the default).
        JsonArray busEvents = (JsonArray) ok("GET", "/local/events", null, null).get("events").orElseThrow();
        busEvents.elements().forEach(e -> System.out.println("EVENT " + Json.write(e)));
        assertThat(busEvents.size()).isEqualTo(2);
        assertThat(string((JsonObject) busEvents.get(0), "detail-type")).isEqualTo("PointsRedeemed");
        JsonObject earned = (JsonObject) busEvents.get(1);
        assertThat(string(earned, "detail-type")).isEqualTo("PointsEarned");
        assertThat(string(earned, "source")).isEqualTo("member-points");
        JsonObject earnedDetail = obj(earned, "detail");
        assertThat(string(earnedDetail, "orderId")).isEqualTo("o-1001");
        assertThat(string(earnedDetail, "memberId")).isEqualTo("alice");
        assertThat(number(earnedDetail, "points")).isEqualTo(98);
        assertThat(number(earnedDetail, "balanceAfter")).isEqualTo(1098);
        assertThat(string(earnedDetail, "eventId")).isEqualTo(string(earned, "id")).matches("mp-[0-9a-f]{32}");
        assertThat(Json.write(earned)).doesNotContain("alice@example.com", "+886");
        // 5b. Expiry reminders (issue 12 item 2; the demo store reminds 14 days before, by email and SMS): the first
        // hourly sweep of 17 December 2022 (Taipei) finds the lots expiring on 31 December in the expiry index and
        // writes one marker per member; each reaches the dispatcher (the stream in AWS) and the outbox.
        travel = ok("POST", "/local/clock", null, "{\"set\":\"2022-12-17T00:30:00+08:00\"}");
        assertThat(ran(travel)).containsExactly("2022-12-17T00:00+08:00 sweep all merchants ok");
        List<JsonObject> reminders = messages().subList(2, messages().size());
        reminders.forEach(m -> System.out.println("OUTBOX " + Json.write(m)));
        assertThat(reminders).extracting(m -> string(m, "channel") + " " + string(m, "to")).containsExactlyInAnyOrder(
                "email alice@example.com", "sms +886912345678", "email bob@example.com", "sms +886987654321");
        assertThat(reminders).filteredOn(m -> string(m, "to").equals("alice@example.com")).singleElement()
                .satisfies(m -> assertThat(string(m, "subject"))
                        .isEqualTo("Demo Shop: 1,098 points expire on December 31, 2022"));
        assertThat(reminders).filteredOn(m -> string(m, "to").equals("+886912345678")).singleElement()
                .satisfies(m -> assertThat(string(m, "text"))
                        .isEqualTo("Demo Shop: 1,098 points expire on December 31, 2022. Balance: 1,098 points."));
        // A day later (and every later run): nothing more — one reminder per member and expiry instant.
        travel = ok("POST", "/local/clock", null, "{\"advance\":\"P1D\"}");
        assertThat(ran(travel)).isEmpty();
        assertThat(messages()).hasSize(6);

        // 6. Next year, past 31 December 2022: the points expire at 23:59:59 on 31 December in the store's zone
        // (Asia/Taipei); the first hourly sweep after it, at 00:00 on 1 January local (16:00Z), expires all 1,098.
        // The ~330 hourly runs since the day after the reminder had nothing due: counted as idle, not run one by one.
        travel = ok("POST", "/local/clock", null, "{\"set\":\"2023-01-01T00:30:00+08:00\"}");
        assertThat(ran(travel)).containsExactly("2023-01-01T00:00+08:00 sweep all merchants ok");
        long hours = java.time.Duration.between(java.time.OffsetDateTime.parse("2022-12-18T00:30:00+08:00"),
                java.time.OffsetDateTime.parse("2023-01-01T00:00:00+08:00")).toHours();
        assertThat(number(travel, "idleSweeps")).isBetween(hours - 3, hours);
        assertThat(Json.write(travel).length()).as("the answer stays short").isLessThan(2_000);
        points = ok("GET", "/v1/storefront/me/points", ALICE, null);
        assertThat(number(points, "balance")).isZero();
        assertThat(((JsonArray) points.get("byExpiry").orElseThrow()).size()).isZero();
        assertThat(history()).first().isEqualTo("EXPIRE -1098 0 -");
        // Written by that run, at that simulated hour: within the hour after the store's 23:59:59 (not up to a day late).
        JsonObject expire = (JsonObject) ((JsonArray) ok("GET", "/v1/storefront/me/points/history", ALICE, null)
                .get("items").orElseThrow()).get(0);
        assertThat(java.time.OffsetDateTime.parse(string(expire, "at")).toInstant())
                .isBetween(java.time.Instant.parse("2022-12-31T16:00:00Z"), java.time.Instant.parse("2022-12-31T16:00:05Z"));
        assertThat(messages()).as("expiry sends no message").hasSize(6);
        JsonArray afterExpiry = (JsonArray) ok("GET", "/local/events?type=PointsExpired", null, null).get("events").orElseThrow();
        List<String> expired = new ArrayList<>();
        for (JsonValue v : afterExpiry.elements()) {
            JsonObject d = obj((JsonObject) v, "detail");
            expired.add(string(d, "memberId") + " " + number(d, "points") + " " + number(d, "balanceAfter"));
        }
        assertThat(expired).as("alice's points and bob's opening balance").containsExactlyInAnyOrder("alice -1098 0", "bob -300 0");
    }

    private List<String> history() throws Exception {
        JsonObject page = ok("GET", "/v1/storefront/me/points/history", ALICE, null);
        List<String> out = new ArrayList<>();
        for (JsonValue v : ((JsonArray) page.get("items").orElseThrow()).elements()) {
            JsonObject e = (JsonObject) v;
            out.add(string(e, "kind") + " " + number(e, "change") + " " + number(e, "balanceAfter") + " "
                    + e.get("orderId").map(o -> ((JsonString) o).value()).orElse("-"));
        }
        return out;
    }

    private List<JsonObject> messages() throws Exception {
        List<JsonObject> out = new ArrayList<>();
        for (JsonValue v : ((JsonArray) ok("GET", "/local/outbox", null, null).get("messages").orElseThrow()).elements()) {
            out.add((JsonObject) v);
        }
        return out;
    }

    private static List<String> ran(JsonObject travel) {
        List<String> out = new ArrayList<>();
        for (JsonValue v : ((JsonArray) travel.get("ran").orElseThrow()).elements()) {
            JsonObject r = (JsonObject) v;
            out.add((r.get("kind").map(k -> ((JsonString) k).value()).orElseThrow().equals("sweep") ? string(r, "at") + " " : "")
                    + string(r, "kind") + " " + string(r, "subject") + " " + string(r, "outcome"));
        }
        return out;
    }

    private static void accepted(String body) throws Exception {
        HttpResponse<String> r = send("POST", "/local/order-events", null, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    }

    private static JsonObject ok(String method, String path, String caller, String body) throws Exception {
        HttpResponse<String> r = send(method, path, caller, body);
        assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isEqualTo(
                path.endsWith("/redemptions") ? 201 : 200);
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

    private static JsonObject obj(JsonObject o, String name) {
        return (JsonObject) o.get(name).orElseThrow(() -> new AssertionError("no " + name + " in " + Json.write(o)));
    }

    private static String string(JsonObject o, String name) {
        return ((JsonString) o.get(name).orElseThrow(() -> new AssertionError("no " + name + " in " + Json.write(o)))).value();
    }

    private static long number(JsonObject o, String name) {
        return ((JsonNumber) o.get(name).orElseThrow(() -> new AssertionError("no " + name + " in " + Json.write(o))))
                .value().longValueExact();
    }
}
