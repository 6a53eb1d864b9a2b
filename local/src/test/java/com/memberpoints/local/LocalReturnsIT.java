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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 12.3 on the local stack, over HTTP as the README's curl commands: a partial return before the due date
 * lowers the pending points the member center shows, the schedule assigns the rest, and a full return after the
 * assignment takes them back — each return once, however often it is sent.
 */
class LocalReturnsIT {
    static final Instant START = OffsetDateTime.parse("2021-12-01T10:00:00+08:00").toInstant();
    static final String ALICE = "merchant_id=demo-shop&member_id=alice";
    static LocalStack stack;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        stack = LocalStack.start(LocalStack.Options.defaults().withPort(0).startingAt(START).withoutTicker());
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void aPartialReturnLowersThePendingPointsAndAFullReturnTakesTheAssignedPointsBack() throws Exception {
        long opening = number(get("/v1/storefront/me/points"), "balance");
        event("OrderPlaced", "\"orderId\":\"o-2001\",\"memberId\":\"alice\",\"checkout\":\"MEMBER_LOGGED_IN\","
                + "\"channel\":\"ONLINE\",\"amounts\":{\"currency\":\"TWD\",\"itemSubtotal\":\"500.00\"},"
                + "\"placedAt\":\"2021-12-01T02:00:00Z\"");
        event("OrderDeliveryStatusChanged", "\"orderId\":\"o-2001\",\"status\":\"COLLECTED\","
                + "\"changedAt\":\"2021-12-01T02:00:00Z\"");
        assertThat(pendingPoints()).isEqualTo(50);

        String partial = "\"orderId\":\"o-2001\",\"returnId\":\"ret-1\",\"currency\":\"TWD\","
                + "\"items\":[{\"sku\":\"tea-200g\",\"quantity\":1,\"amount\":\"100.00\"}],"
                + "\"returnedAt\":\"2021-12-01T03:00:00Z\"";
        event("OrderReturned", partial);
        event("OrderReturned", partial); // sent twice
        assertThat(pendingPoints()).isEqualTo(40);

        post("/local/clock", "{\"advance\":\"P3D\"}");
        assertThat(number(get("/v1/storefront/me/points"), "balance")).isEqualTo(opening + 40);

        event("OrderReturned", "\"orderId\":\"o-2001\",\"returnId\":\"ret-2\",\"currency\":\"TWD\",\"full\":true,"
                + "\"returnedAt\":\"2021-12-05T03:00:00Z\"");
        assertThat(number(get("/v1/storefront/me/points"), "balance")).isEqualTo(opening);
        JsonObject last = (JsonObject) ((JsonArray) get("/v1/storefront/me/points/history").get("items").orElseThrow())
                .get(0);
        assertThat(((JsonString) last.get("orderId").orElseThrow()).value()).isEqualTo("o-2001");
        assertThat(((JsonNumber) last.get("change").orElseThrow()).value().longValueExact()).isEqualTo(-40);
    }

    private static long pendingPoints() throws Exception {
        long sum = 0;
        for (JsonValue v : ((JsonArray) get("/v1/storefront/me/points").get("pending").orElseThrow()).elements()) {
            sum += number((JsonObject) v, "points");
        }
        return sum;
    }

    private static void event(String type, String detail) throws Exception {
        HttpResponse<String> r = send("POST", "/local/order-events", null, "{\"detailType\":\"" + type
                + "\",\"detail\":{\"merchantId\":\"demo-shop\"," + detail + "}}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    }

    private static JsonObject get(String path) throws Exception {
        HttpResponse<String> r = send("GET", path, ALICE, null);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return (JsonObject) Json.parse(r.body());
    }

    private static void post(String path, String body) throws Exception {
        HttpResponse<String> r = send("POST", path, null, body);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
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

    private static long number(JsonObject o, String name) {
        return ((JsonNumber) o.get(name).orElseThrow(() -> new AssertionError("no " + name + " in " + Json.write(o))))
                .value().longValueExact();
    }

}
