package com.memberpoints.functions.admin;

import com.memberpoints.functions.admin.settings.GetSettingsHandler;
import com.memberpoints.functions.admin.settings.UpdateSettingsHandler;


import static com.memberpoints.functions.admin.AdminWorld.SHOP;
import static com.memberpoints.functions.admin.AdminWorld.call;
import static com.memberpoints.functions.admin.AdminWorld.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.settings.SettingChange;
import com.memberpoints.functions.platform.ApiEvents;
import com.memberpoints.functions.platform.http.Permission;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettingsHandlersTest {
    static final String ROUTE = "/v1/admin/settings";

    final AdminWorld world = newWorld();

    AdminWorld newWorld() {
        return new AdminWorld();
    }
    final GetSettingsHandler get = new GetSettingsHandler(world.services.settings(), world.log().logger());
    final UpdateSettingsHandler put = new UpdateSettingsHandler(world.services.settings(), world.log().logger());

    static final String VALID = """
            {"points":{"enabled":true,"earn":{"enabled":true,"spend":"10.00","points":1},
                       "channels":{"retailEnabled":true},"expiry":{"type":"ANNUAL_DATE","month":12,"day":31},
                       "assignment":{"type":"AFTER_DELIVERY","days":3}},
             "redeem":{"enabled":true,"pointsPerUnit":10,"minimumOrderAmount":"200.00","cap":{"type":"PERCENT","percent":"2"}},
             "tiers":[{"tier":"gold","earn":{"spend":"10.00","points":2}}],
             "credits":{"enabled":false,"minimum":"100.00","type":{"kind":"FIXED","credit":"10.00","cumulative":true},
                        "validity":{"type":"DAYS","days":30}},
             "rulesText":{"en":"Earn 1 point per 10.00.","zh-TW":"每消費 10 元得 1 點"}VERSION}
            """;

    APIGatewayV2HTTPResponse getAs(Optional<Map<String, String>> claims) {
        return call(get, event("GET", ROUTE, Map.of(), Map.of(), Map.of(), null, claims));
    }

    APIGatewayV2HTTPResponse putWith(String ifMatch, String body) {
        Map<String, String> headers = new HashMap<>();
        if (ifMatch != null) {
            headers.put("If-Match", ifMatch);
        }
        return call(put, event("PUT", ROUTE, Map.of(), Map.of(), headers, body,
                ApiEvents.staff("shop-1", "staff-9", Permission.SETTINGS)));
    }

    static String body(String version) {
        return VALID.replace("VERSION", version == null ? "" : ",\"version\":" + version);
    }

    @Test
    void aStoreWithoutSettingsReadsAsVersionZeroDefaults() {
        var r = getAs(ApiEvents.staff("shop-1", "s", Permission.SETTINGS));
        assertThat(r.getStatusCode()).isEqualTo(200);
        assertThat(r.getHeaders()).containsEntry("etag", "\"0\"");
        assertThat(r.getBody()).contains("\"version\":0").contains("\"pointsPerUnit\":10");
    }

    @Test
    void saveThenReadBackWithTheNewVersionAndAnActivityLogEntry() {
        var saved = putWith("\"0\"", body(null));
        assertThat(saved.getStatusCode()).as(saved.getBody()).isEqualTo(200);
        assertThat(saved.getHeaders()).containsEntry("etag", "\"1\"");
        var read = getAs(ApiEvents.staff("shop-1", "s", Permission.SETTINGS));
        assertThat(read.getBody()).contains("\"version\":1").contains("\"percent\":\"2\"")
                .contains("每消費 10 元得 1 點").contains("\"tier\":\"gold\"");
        assertThat(world.activity()).hasSize(1);
        assertThat(world.activity().getFirst().actor()).isEqualTo(Actor.staff("staff-9"));
        assertThat(world.activity().getFirst().changes()).contains(
                new SettingChange("redeem.cap.percent", Optional.empty(), Optional.of("2")));

        // Second admin changes only the rate, by body version.
        var second = putWith(null, body("1").replace("\"spend\":\"10.00\",\"points\":1}", "\"spend\":\"10.00\",\"points\":3}"));
        assertThat(second.getStatusCode()).as(second.getBody()).isEqualTo(200);
        assertThat(second.getBody()).contains("\"field\":\"points.earn.points\",\"section\":\"member-points\",\"old\":\"1\",\"new\":\"3\"");
        assertThat(world.activity()).hasSize(2);
    }

    @Test
    void twoAdminsCannotOverwriteEachOther() {
        assertThat(putWith("\"0\"", body(null)).getStatusCode()).isEqualTo(200);
        // A second admin who also read version 0 is refused: 412 by If-Match, 409 by body version.
        var stale = putWith("\"0\"", body(null).replace("\"days\":3", "\"days\":5"));
        assertThat(stale.getStatusCode()).isEqualTo(412);
        var staleBody = putWith(null, body("0").replace("\"days\":3", "\"days\":5"));
        assertThat(staleBody.getStatusCode()).isEqualTo(409);
        assertThat(staleBody.getBody()).contains("version 1");
        assertThat(world.settings.current(SHOP).orElseThrow().version()).isEqualTo(1);
        assertThat(world.activity()).hasSize(1);
    }

    @Test
    void theVersionIsRequiredAndMustAgree() {
        var none = putWith(null, body(null));
        assertThat(none.getStatusCode()).isEqualTo(400);
        assertThat(none.getBody()).contains("\"field\":\"version\"");
        var disagree = putWith("\"0\"", body("3"));
        assertThat(disagree.getStatusCode()).isEqualTo(400);
        var badTag = putWith("abc", body(null));
        assertThat(badTag.getStatusCode()).isEqualTo(400);
        assertThat(badTag.getBody()).contains("\"field\":\"If-Match\"");
        assertThat(world.activity()).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "\"spend\":\"10.00\",\"points\":1}|\"spend\":\"0\",\"points\":1}|points.earn.spend",
            "\"spend\":\"10.00\",\"points\":1}|\"spend\":\"10.00\",\"points\":0}|points.earn.points",
            "\"spend\":\"10.00\",\"points\":1}|\"spend\":\"ten\",\"points\":1}|points.earn.spend",
            "\"month\":12,\"day\":31|\"month\":13,\"day\":31|points.expiry.month",
            "\"month\":12,\"day\":31|\"month\":2,\"day\":30|points.expiry.day",
            "\"type\":\"ANNUAL_DATE\"|\"type\":\"YEARLY\"|points.expiry.type",
            "\"days\":3|\"days\":-1|points.assignment.days",
            "\"pointsPerUnit\":10|\"pointsPerUnit\":0|redeem.pointsPerUnit",
            "\"minimumOrderAmount\":\"200.00\"|\"minimumOrderAmount\":\"-1\"|redeem.minimumOrderAmount",
            "\"percent\":\"2\"}|\"percent\":\"101\"}|redeem.cap.percent",
            "\"tier\":\"gold\"|\"tier\":\"platinum\"|tiers[0].tier",
            "\"credit\":\"10.00\"|\"credit\":\"0\"|credits.type.credit",
            "\"validity\":{\"type\":\"DAYS\",\"days\":30}|\"validity\":{\"type\":\"DAYS\",\"days\":0}|credits.validity.days",
            "\"zh-TW\":|\"fr\":|rulesText.fr",
            "\"retailEnabled\":true|\"retailEnabled\":\"yes\"|points.channels.retailEnabled",
            "\"enabled\":false,\"minimum\"|\"enabled\":false,\"extra\":1,\"minimum\"|credits.extra",
    })
    void eachBadFieldIsA400NamingIt(String from, String to, String field) {
        String bad = body(null).replace(from, to);
        assertThat(bad).as("fixture edit applies").isNotEqualTo(body(null));
        var r = putWith("\"0\"", bad);
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(400);
        assertThat(r.getBody()).contains("\"field\":\"" + field + "\"");
        assertThat(world.activity()).isEmpty();
    }

    @Test
    void viewingAndSavingNeedTheSettingsPermission() {
        assertThat(getAs(ApiEvents.staff("shop-1", "s", Permission.CUSTOMER_MANAGEMENT, Permission.MEMBER_POINTS,
                Permission.REPORTS)).getStatusCode()).isEqualTo(403);
        assertThat(getAs(ApiEvents.noToken()).getStatusCode()).isEqualTo(401);
    }
}
