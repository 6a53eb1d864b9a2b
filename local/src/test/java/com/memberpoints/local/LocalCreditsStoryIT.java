package com.memberpoints.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.settings.CreditRule;
import com.memberpoints.domain.settings.CreditType;
import com.memberpoints.domain.settings.CreditValidity;
import com.memberpoints.domain.settings.MerchantSettings;
import com.memberpoints.domain.settings.OrderRewardCredits;
import com.memberpoints.domain.settings.SettingsStore;
import com.memberpoints.functions.platform.json.Json;
import com.memberpoints.functions.platform.json.JsonArray;
import com.memberpoints.functions.platform.json.JsonObject;
import com.memberpoints.functions.platform.json.JsonString;
import com.memberpoints.functions.platform.json.JsonValue;
import java.io.IOException;
import java.math.BigDecimal;
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
 * Issue 11.2 on the whole local stack, over HTTP with the real handlers: SPEC example 18 (an order's reward credits
 * stay after its cancellation; the merchant deducts them by hand with a reason; the history names the staff), and a
 * manual addition that notifies by email and SMS and counts in the liability report.
 */
class LocalCreditsStoryIT {
    static final Instant START = OffsetDateTime.parse("2021-12-01T10:00:00+08:00").toInstant();
    static final String ALICE = "merchant_id=demo-shop&member_id=alice";
    static final String CREDITS_STAFF = "merchant_id=demo-shop&staff_id=carol&permissions=store_credits";
    static final String POINTS_STAFF = "merchant_id=demo-shop&staff_id=dave&permissions=member_points";
    static final String VIEWER = "merchant_id=demo-shop&staff_id=erin&permissions=customer_management";
    static final String REPORTS = "merchant_id=demo-shop&staff_id=erin&permissions=reports";

    static LocalStack stack;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws IOException {
        stack = LocalStack.start(LocalStack.Options.defaults().withPort(0).startingAt(START).withoutTicker());
        // The demo store's "spend 100.00 get 10.00" reward credits, switched on (test setup through the store).
        SettingsStore settings = stack.adapters().settings();
        MerchantSettings demo = settings.current(DemoStore.MERCHANT).orElseThrow();
        MerchantSettings on = new MerchantSettings(demo.version() + 1, demo.points(), demo.redeem(), demo.tiers(),
                new OrderRewardCredits(true, new CreditRule(new BigDecimal("100.00"), CreditType.fixed("10.00", false),
                        CreditValidity.NEVER)), demo.rulesText());
        assertThat(settings.save(DemoStore.MERCHANT, on, demo.version(),
                new SettingsStore.ChangeLogEntry(Actor.SYSTEM, START, List.of())))
                .isInstanceOf(SettingsStore.SaveResult.Saved.class);
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void example18_orderCancelledAfter10CreditsAssigned_creditsStay_merchantDeducts10ByHand_balance0_historyShowsBothWithTheActor()
            throws Exception {
        accepted("{\"detailType\":\"OrderPlaced\",\"detail\":{\"merchantId\":\"demo-shop\",\"orderId\":\"o-18\","
                + "\"memberId\":\"alice\",\"checkout\":\"MEMBER_LOGGED_IN\",\"channel\":\"ONLINE\",\"kind\":\"NORMAL\","
                + "\"amounts\":{\"currency\":\"TWD\",\"itemSubtotal\":\"150.00\"},\"placedAt\":\"2021-12-01T02:00:00Z\"}}");
        accepted("{\"detailType\":\"OrderPaid\",\"detail\":{\"merchantId\":\"demo-shop\",\"orderId\":\"o-18\","
                + "\"storeOpen\":true,\"paidAt\":\"2021-12-01T02:00:00Z\"}}");
        assertThat(string(call("GET", "/v1/storefront/me/credits", ALICE, null, null, 200), "balance")).isEqualTo("10.00");
        accepted("{\"detailType\":\"OrderCancelled\",\"detail\":{\"merchantId\":\"demo-shop\",\"orderId\":\"o-18\","
                + "\"cancelledAt\":\"2021-12-01T03:00:00Z\"}}");
        assertThat(string(call("GET", "/v1/storefront/me/credits", ALICE, null, null, 200), "balance"))
                .as("the credits stay").isEqualTo("10.00");

        String deduct = "{\"amount\":\"-10.00\",\"reason\":\"Order o-18 was cancelled\"}";
        call("POST", "/v1/admin/members/alice/credits/adjustments", POINTS_STAFF, "cancel-o-18", deduct, 403);
        JsonObject entry = call("POST", "/v1/admin/members/alice/credits/adjustments", CREDITS_STAFF, "cancel-o-18",
                deduct, 201);
        assertThat(string(entry, "balanceAfter")).isEqualTo("0.00");
        // the same request again: the first answer, nothing deducted twice
        assertThat(string(call("POST", "/v1/admin/members/alice/credits/adjustments", CREDITS_STAFF, "cancel-o-18",
                deduct, 200), "operationId")).isEqualTo(string(entry, "operationId"));

        JsonObject view = call("GET", "/v1/admin/members/alice/credits", VIEWER, null, null, 200);
        assertThat(string(view, "balance")).isEqualTo("0.00");
        List<String> lines = new ArrayList<>();
        for (JsonValue v : ((JsonArray) ((JsonObject) view.get("history").orElseThrow()).get("items").orElseThrow())
                .elements()) {
            JsonObject e = (JsonObject) v;
            lines.add(string(e, "kind") + " " + string(e, "change") + " " + string(e, "changedBy") + " " + string(e, "reason"));
        }
        assertThat(lines).containsExactly("ADJUST_DEDUCT -10.00 carol Order o-18 was cancelled",
                "REWARD_CREDIT 10.00 system ");
        assertThat(string(call("GET", "/v1/storefront/me/credits", ALICE, null, null, 200), "balance")).isEqualTo("0.00");
    }

    @Test
    void aManualAdditionNotifiesByEmailAndSmsAndCountsInTheLiabilityReport() throws Exception {
        int before = messages().size();
        String before2 = string((JsonObject) call("GET", "/v1/admin/reports/liability", REPORTS, null, null, 200)
                .get("credits").orElseThrow(), "outstanding");
        JsonObject entry = call("POST", "/v1/admin/members/bob/credits/adjustments", CREDITS_STAFF, "gift-bob-1",
                "{\"amount\":\"25.00\",\"reason\":\"Sorry for the late parcel\",\"validityDays\":30,"
                        + "\"sendEmail\":true,\"sendSms\":true}", 201);
        assertThat(string(entry, "change")).isEqualTo("25.00");
        List<JsonObject> sent = messages().subList(before, messages().size());
        assertThat(sent).hasSize(2);
        assertThat(string(sent.get(0), "to")).isEqualTo("bob@example.com");
        assertThat(string(sent.get(0), "subject")).isEqualTo("Demo Shop: NT$25.00 in store credits added to your account");
        assertThat(string(sent.get(0), "text")).contains("Reason: Sorry for the late parcel");
        assertThat(string(sent.get(1), "to")).isEqualTo("+886987654321");
        assertThat(string(sent.get(1), "text")).startsWith("Demo Shop: NT$25.00 in store credits added")
                .contains("Next expiry: December 31, 2021.");
        String after = string((JsonObject) call("GET", "/v1/admin/reports/liability", REPORTS, null, null, 200)
                .get("credits").orElseThrow(), "outstanding");
        assertThat(new BigDecimal(after).subtract(new BigDecimal(before2))).isEqualByComparingTo("25.00");
    }

    private List<JsonObject> messages() throws Exception {
        List<JsonObject> out = new ArrayList<>();
        for (JsonValue v : ((JsonArray) call("GET", "/local/outbox", null, null, null, 200).get("messages")
                .orElseThrow()).elements()) {
            out.add((JsonObject) v);
        }
        return out;
    }

    private static void accepted(String body) throws Exception {
        call("POST", "/local/order-events", null, null, body, 202);
    }

    private static JsonObject call(String method, String path, String caller, String key, String body, int status)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(stack.baseUri() + path));
        if (caller != null) {
            b.header("X-Local-Caller", caller);
        }
        if (key != null) {
            b.header("Idempotency-Key", key);
        }
        if (body != null) {
            b.header("content-type", "application/json");
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isEqualTo(status);
        return (JsonObject) Json.parse(r.body());
    }

    private static String string(JsonObject o, String name) {
        return ((JsonString) o.get(name).orElseThrow(() -> new AssertionError("no " + name + " in " + Json.write(o))))
                .value();
    }
}
