package com.memberpoints.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.functions.platform.json.Json;
import com.memberpoints.functions.platform.json.JsonArray;
import com.memberpoints.functions.platform.json.JsonNumber;
import com.memberpoints.functions.platform.json.JsonObject;
import com.memberpoints.functions.platform.json.JsonString;
import com.memberpoints.functions.platform.json.JsonValue;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SPEC §4a, examples 16 and 17, as a user of the local stack sees them (HTTP, the real handlers, time travel): the
 * demo store assigns 3 days after delivery; a pick-up-in-store order's Arrived schedules nothing and its Collected
 * does; a 7-11 C2C order Arrived at the shop and returned uncollected earns nothing and leaves the member center's
 * pending list. The merchant maps its own option through the settings document first.
 */
class LocalDeliveryOptionsIT {
    static final Instant START = OffsetDateTime.parse("2021-12-01T10:00:00+08:00").toInstant();
    static final String ALICE = "merchant_id=demo-shop&member_id=alice";
    static final String ADMIN = "merchant_id=demo-shop&staff_id=bob&permissions=settings";

    static LocalStack stack;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws java.io.IOException {
        stack = LocalStack.start(LocalStack.Options.defaults().withPort(0).startingAt(START).withoutTicker());
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    static String placed(String order, String option, String at) {
        return placed(order, option, at, "alice");
    }

    static String placed(String order, String option, String at, String member) {
        return "{\"detailType\":\"OrderPlaced\",\"detail\":{\"merchantId\":\"demo-shop\",\"orderId\":\"" + order + "\","
                + "\"memberId\":\"" + member + "\",\"checkout\":\"MEMBER_LOGGED_IN\",\"channel\":\"ONLINE\","
                + "\"amounts\":{\"currency\":\"TWD\",\"itemSubtotal\":\"500.00\"},\"placedAt\":\"" + at + "\","
                + "\"deliveryOption\":\"" + option + "\"}}";
    }

    static String status(String order, String status, String at) {
        return "{\"detailType\":\"OrderDeliveryStatusChanged\",\"detail\":{\"merchantId\":\"demo-shop\","
                + "\"orderId\":\"" + order + "\",\"status\":\"" + status + "\",\"changedAt\":\"" + at + "\"}}";
    }

    @Test
    void example16_pickupInStore_and_example17_sevenElevenC2cReturned_throughTheLocalStack() throws Exception {
        // The merchant maps its own option through the settings document (GET, edit, PUT as read).
        HttpResponse<String> read = send("GET", "/v1/admin/settings", ADMIN, null);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        JsonObject doc = (JsonObject) Json.parse(read.body());
        assertThat(Json.write(doc.get("deliveryOptions").orElseThrow())).isEqualTo("{\"finalStatus\":{}}");
        String body = read.body().strip();
        body = body.replace("\"deliveryOptions\":{\"finalStatus\":{}}",
                "\"deliveryOptions\":{\"finalStatus\":{\"demo_locker\":\"COLLECTED\"}}");
        HttpResponse<String> saved = send("PUT", "/v1/admin/settings", ADMIN, body);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(saved.body()).contains("\"field\":\"deliveryOptions.finalStatus.demo_locker\","
                + "\"section\":\"delivery-options\",\"old\":null,\"new\":\"COLLECTED\"");

        // bob's parcel reaches the merchant's own locker: not final for that option, nothing scheduled
        accepted(placed("o-locker", "demo_locker", "2021-12-01T02:00:00Z", "bob"));
        accepted(status("o-locker", "ARRIVED", "2021-12-01T02:00:00Z"));
        assertThat(schedules()).isEmpty();

        long opening = number(ok("GET", "/v1/storefront/me/points", ALICE, null), "balance");
        accepted(placed("o-1601", "pickup_in_store", "2021-12-01T02:00:00Z"));
        accepted(placed("o-1701", "seven_eleven_c2c", "2021-12-01T02:00:00Z"));

        // 12/1: both parcels reach their pick-up points. Nothing is scheduled: Arrived is not their final status.
        accepted(status("o-1601", "ARRIVED", "2021-12-01T02:00:00Z"));
        accepted(status("o-1701", "ARRIVED", "2021-12-01T02:00:00Z"));
        assertThat(schedules()).isEmpty();
        assertThat(pending()).containsExactlyInAnyOrder("o-1601 awaiting-delivery", "o-1701 awaiting-delivery");

        // 12/5: o-1601 is collected at the store → due 12/8.
        ok("POST", "/local/clock", null, "{\"set\":\"2021-12-05T15:00:00+08:00\"}");
        assertThat(number(ok("GET", "/v1/storefront/me/points", ALICE, null), "balance")).isEqualTo(opening);
        accepted(status("o-1601", "COLLECTED", "2021-12-05T07:00:00Z"));
        assertThat(schedules()).singleElement().satisfies(s -> assertThat(s).startsWith("2021-12-08T0"));
        assertThat(pending()).contains("o-1601 scheduled 2021-12-08");

        // 12/9: the schedule of 12/8 has fired (50 points); o-1701 is returned uncollected → nothing, and gone.
        JsonObject travel = ok("POST", "/local/clock", null, "{\"set\":\"2021-12-09T15:00:00+08:00\"}");
        assertThat(Json.write(travel)).contains("demo-shop/o-1601");
        accepted(status("o-1701", "RETURNED", "2021-12-09T07:00:00Z"));
        assertThat(pending()).isEmpty();
        assertThat(number(ok("GET", "/v1/storefront/me/points", ALICE, null), "balance")).isEqualTo(opening + 50);
        assertThat(history()).contains("EARN 50 o-1601").noneMatch(h -> h.endsWith("o-1701"));

        ok("POST", "/local/clock", null, "{\"set\":\"2022-01-31T15:00:00+08:00\"}");
        assertThat(number(ok("GET", "/v1/storefront/me/points", ALICE, null), "balance")).isEqualTo(opening + 50);
    }

    // ------------------------------------------------------------------ helpers

    private List<String> schedules() throws Exception {
        List<String> out = new ArrayList<>();
        for (JsonValue v : ((JsonArray) ok("GET", "/local/schedules", null, null).get("pending").orElseThrow()).elements()) {
            out.add(string((JsonObject) v, "firesAt"));
        }
        return out;
    }

    private List<String> pending() throws Exception {
        List<String> out = new ArrayList<>();
        JsonObject points = ok("GET", "/v1/storefront/me/points", ALICE, null);
        for (JsonValue v : ((JsonArray) points.get("pending").orElseThrow()).elements()) {
            JsonObject p = (JsonObject) v;
            out.add(string(p, "orderId") + " " + string(p, "status")
                    + p.get("expectedOn").filter(JsonString.class::isInstance)
                            .map(d -> " " + ((JsonString) d).value()).orElse(""));
        }
        return out;
    }

    private List<String> history() throws Exception {
        List<String> out = new ArrayList<>();
        JsonObject page = ok("GET", "/v1/storefront/me/points/history", ALICE, null);
        for (JsonValue v : ((JsonArray) page.get("items").orElseThrow()).elements()) {
            JsonObject e = (JsonObject) v;
            out.add(string(e, "kind") + " " + number(e, "change") + " "
                    + e.get("orderId").map(o -> ((JsonString) o).value()).orElse("-"));
        }
        return out;
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

    private static String string(JsonObject o, String name) {
        return ((JsonString) o.get(name).orElseThrow(() -> new AssertionError("no " + name + " in " + Json.write(o)))).value();
    }

    private static long number(JsonObject o, String name) {
        return ((JsonNumber) o.get(name).orElseThrow(() -> new AssertionError("no " + name + " in " + Json.write(o))))
                .value().longValueExact();
    }
}
