package com.memberpoints.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
 * Who may change what, on the local stack over HTTP as an admin screen would call it (docs/decisions.md, "11.6 Who
 * may change what"): staff with `member_points` read the rules but cannot change them; `store_credits` and
 * `membership_tiers` staff change their own sections at the same time without losing each other's change; the
 * activity log names each section, and an SMS switch-off on the store profile is logged with the actor, old → new.
 */
class LocalSettingsSectionsIT {
    static final Instant START = OffsetDateTime.parse("2026-11-22T10:00:00+08:00").toInstant();
    static final HttpClient http = HttpClient.newHttpClient();
    static LocalStack stack;

    @BeforeAll
    static void start() throws IOException {
        stack = LocalStack.start(LocalStack.Options.defaults().withPort(0).startingAt(START).withoutTicker(),
                LocalHandlers::register);
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    static final String CREDITS = """
            {"credits":{"enabled":true,"minimum":"1000.00","type":{"kind":"FIXED","credit":"50.00","cumulative":false},
                        "validity":{"type":"DAYS","days":90}}}""";
    static final String TIERS = """
            {"tiers":[{"tier":"gold","credits":{"minimum":"500.00","type":{"kind":"PERCENT","percent":"5"},
                                                "validity":{"type":"NEVER"}}}]}""";

    @Test
    void eachStaffChangesTheirOwnSectionAndTheLogSaysWhichAndWho() throws Exception {
        // member_points staff read the points rules, cannot change them
        HttpResponse<String> rules = send("GET", "/v1/admin/settings/member-points", "amy", "member_points", null, null);
        assertThat(rules.statusCode()).as(rules.body()).isEqualTo(200);
        assertThat(rules.body()).contains("\"rulesText\":{\"en\":\"Spend 10.00, get 1 point.");
        String rulesTag = rules.headers().firstValue("etag").orElseThrow();
        HttpResponse<String> refused = send("PUT", "/v1/admin/settings/member-points", "amy", "member_points", rulesTag,
                rules.body());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("settings permission");

        // store_credits staff cannot set tier credits (article note 5); membership_tiers staff can (note 6)
        assertThat(send("GET", "/v1/admin/settings/membership-tiers", "cat", "store_credits", null, null).statusCode())
                .isEqualTo(403);
        String creditsTag = send("GET", "/v1/admin/settings/order-reward-credits", "cat", "store_credits", null, null)
                .headers().firstValue("etag").orElseThrow();
        String tiersTag = send("GET", "/v1/admin/settings/membership-tiers", "dan", "membership_tiers", null, null)
                .headers().firstValue("etag").orElseThrow();
        HttpResponse<String> tiers = send("PUT", "/v1/admin/settings/membership-tiers", "dan", "membership_tiers",
                tiersTag, TIERS);
        assertThat(tiers.statusCode()).as(tiers.body()).isEqualTo(200);
        // cat read the credits before dan saved: not a conflict, and dan's change stays
        HttpResponse<String> credits = send("PUT", "/v1/admin/settings/order-reward-credits", "cat", "store_credits",
                creditsTag, CREDITS);
        assertThat(credits.statusCode()).as(credits.body()).isEqualTo(200);
        assertThat(credits.body()).contains("\"settingsVersion\":3");
        HttpResponse<String> whole = send("GET", "/v1/admin/settings", "boss", "settings", null, null);
        assertThat(whole.body()).contains("\"version\":3", "\"percent\":\"5\"", "\"credit\":\"50.00\"",
                "\"rulesText\":{\"en\":\"Spend 10.00");

        // the store profile: SMS off, logged with who and old -> new
        HttpResponse<String> profile = send("GET", "/v1/admin/store", "boss", "settings", null, null);
        String off = profile.body().replace("\"smsEnabled\":true", "\"smsEnabled\":false")
                .replace("\"merchantId\":\"demo-shop\",", "");
        HttpResponse<String> smsOff = send("PUT", "/v1/admin/store", "boss", "settings",
                profile.headers().firstValue("etag").orElseThrow(), off);
        assertThat(smsOff.statusCode()).as(smsOff.body()).isEqualTo(200);

        HttpResponse<String> log = send("GET", "/v1/admin/activity-log", "boss", "settings", null, null);
        assertThat(log.body()).containsSubsequence(
                "\"section\":\"store-profile\",\"changedBy\":\"boss\"",
                "{\"field\":\"smsEnabled\",\"section\":\"store-profile\",\"old\":\"true\",\"new\":\"false\"}",
                "\"version\":3", "\"section\":\"order-reward-credits\",\"changedBy\":\"cat\"",
                "\"version\":2", "\"section\":\"membership-tiers\",\"changedBy\":\"dan\"",
                "\"field\":\"tiers[gold].credits.type.percent\",\"section\":\"membership-tiers\",\"old\":null,\"new\":\"5\"");
    }

    private static HttpResponse<String> send(String method, String path, String staff, String permissions,
                                             String ifMatch, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(stack.baseUri() + path))
                .header("X-Local-Caller", "merchant_id=demo-shop&staff_id=" + staff + "&permissions=" + permissions);
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        if (body != null) {
            b.header("content-type", "application/json");
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
