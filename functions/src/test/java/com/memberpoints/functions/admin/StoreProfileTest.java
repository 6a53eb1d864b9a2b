package com.memberpoints.functions.admin;

import com.memberpoints.functions.admin.settings.GetStoreProfileHandler;
import com.memberpoints.functions.admin.settings.PutStoreProfileHandler;


import static com.memberpoints.functions.admin.AdminWorld.call;
import static com.memberpoints.functions.admin.AdminWorld.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.functions.platform.ApiEvents;
import com.memberpoints.functions.platform.http.Permission;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StoreProfileTest {
    static final MerchantId NEW_SHOP = MerchantId.of("shop-new");
    static final String BODY = """
            {"name":"Tea House","currency":"TWD","timeZone":"Asia/Taipei","defaultLocale":"zh-TW",
             "supportedLocales":["en"],"smsEnabled":true,"open":true,"membershipTiers":["gold","silver"]}""";

    final AdminWorld world = newWorld();
    final PutStoreProfileHandler put = new PutStoreProfileHandler(world.services.settings(), world.log().logger());
    final GetStoreProfileHandler get = new GetStoreProfileHandler(world.services.merchants(), world.log().logger());

    AdminWorld newWorld() {
        return new AdminWorld();
    }

    APIGatewayV2HTTPResponse putBody(String body) {
        return call(put, event("PUT", "/v1/admin/store", Map.of(), Map.of(), Map.of(), body,
                ApiEvents.staff("shop-new", "s", Permission.SETTINGS)));
    }

    APIGatewayV2HTTPResponse read() {
        return call(get, event("GET", "/v1/admin/store", Map.of(), Map.of(), Map.of(), null,
                ApiEvents.staff("shop-new", "s", Permission.SETTINGS)));
    }

    @Test
    void createReadReplaceAndTheCurrencyIsLocked() {
        assertThat(read().getStatusCode()).isEqualTo(404);
        var created = putBody(BODY);
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(201);
        assertThat(read().getBody()).contains("\"merchantId\":\"shop-new\"", "\"timeZone\":\"Asia/Taipei\"",
                "\"supportedLocales\":[\"zh-TW\",\"en\"]", "\"membershipTiers\":[\"gold\",\"silver\"]");
        var replaced = putBody(BODY.replace("\"smsEnabled\":true", "\"smsEnabled\":false"));
        assertThat(replaced.getStatusCode()).isEqualTo(200);
        assertThat(world.merchants.find(NEW_SHOP).orElseThrow().smsEnabled()).isFalse();
        var currency = putBody(BODY.replace("TWD", "USD"));
        assertThat(currency.getStatusCode()).isEqualTo(409);
        assertThat(world.merchants.find(NEW_SHOP).orElseThrow().currency().getCurrencyCode()).isEqualTo("TWD");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "\"TWD\"|\"twd\"|currency",
            "\"TWD\"|\"XXXX\"|currency",
            "\"Asia/Taipei\"|\"Mars/Base\"|timeZone",
            "\"defaultLocale\":\"zh-TW\"|\"defaultLocale\":\"??\"|defaultLocale",
            "[\"en\"]|[\"en\",\"_x\"]|supportedLocales[1]",
            "\"name\":\"Tea House\"|\"name\":\"\"|name",
            "\"smsEnabled\":true|\"smsEnabled\":\"on\"|smsEnabled",
            "[\"gold\",\"silver\"]|[\"gold tier\"]|membershipTiers[0]",
            "{\"name\"|{\"merchantId\":\"shop-1\",\"name\"|merchantId",
            "\"currency\":\"TWD\",|\"tz\":1,|currency",
            "\"TWD\"|null|currency",
            "\"Asia/Taipei\"|null|timeZone",
            "\"defaultLocale\":\"zh-TW\"|\"defaultLocale\":null|defaultLocale",
    })
    void eachBadFieldIsA400NamingIt(String from, String to, String field) {
        String bad = BODY.replace(from, to);
        assertThat(bad).isNotEqualTo(BODY);
        var r = putBody(bad);
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(400);
        assertThat(r.getBody()).contains("\"field\":\"" + field + "\"");
        assertThat(world.merchants.find(NEW_SHOP)).isEmpty();
    }

    APIGatewayV2HTTPResponse putWithTag(String ifMatch, String body) {
        return call(put, event("PUT", "/v1/admin/store", Map.of(), Map.of(), Map.of("If-Match", ifMatch), body,
                ApiEvents.staff("shop-new", "amy", Permission.SETTINGS)));
    }

    java.util.List<com.memberpoints.domain.settings.SettingsStore.ActivityLogEntry> log() {
        return world.settings.activityLog(NEW_SHOP, com.memberpoints.domain.model.PageRequest.first(50)).items();
    }

    @Test
    void everyProfileChangeIsLoggedWithTheActorAndOldToNewUnderStoreProfile() {
        putBody(BODY);
        world.clock.set(AdminWorld.NOW.plusSeconds(60)); // entries of one millisecond have no defined order
        var smsOff = putWithTag(read().getHeaders().get("etag"),
                BODY.replace("\"smsEnabled\":true", "\"smsEnabled\":false").replace("\"open\":true", "\"open\":false"));
        assertThat(smsOff.getStatusCode()).as(smsOff.getBody()).isEqualTo(200);

        var entries = log();
        assertThat(entries).hasSize(2);
        var latest = entries.getFirst();
        assertThat(latest.section()).isEqualTo("store-profile");
        assertThat(latest.actor()).isEqualTo(com.memberpoints.domain.model.Actor.staff("amy"));
        assertThat(latest.version()).as("no settings version is produced: the one in force (none)").isZero();
        assertThat(latest.changes()).containsExactly(
                new com.memberpoints.domain.settings.SettingChange("open", java.util.Optional.of("true"),
                        java.util.Optional.of("false")),
                new com.memberpoints.domain.settings.SettingChange("smsEnabled", java.util.Optional.of("true"),
                        java.util.Optional.of("false")));
        assertThat(entries.get(1).changes()).as("creation logs every field, old absent")
                .hasSize(8).allSatisfy(c -> assertThat(c.oldValue()).isEmpty());
        assertThat(world.settings.current(NEW_SHOP)).as("the settings document is not touched").isEmpty();

        // the same profile again changes nothing and logs nothing
        assertThat(putBody(BODY.replace("\"smsEnabled\":true", "\"smsEnabled\":false")
                .replace("\"open\":true", "\"open\":false")).getStatusCode()).isEqualTo(200);
        assertThat(log()).hasSize(2);
    }

    @Test
    void aStaleIfMatchIs412AndChangesNothing() {
        putBody(BODY);
        String tag = read().getHeaders().get("etag");
        assertThat(tag).matches("\"[0-9a-f]{16}\"");
        assertThat(putWithTag(tag, BODY.replace("\"open\":true", "\"open\":false")).getStatusCode()).isEqualTo(200);
        var stale = putWithTag(tag, BODY.replace("\"smsEnabled\":true", "\"smsEnabled\":false"));
        assertThat(stale.getStatusCode()).isEqualTo(412);
        assertThat(world.merchants.find(NEW_SHOP).orElseThrow().smsEnabled()).isTrue();
        assertThat(world.merchants.find(NEW_SHOP).orElseThrow().open()).isFalse();
        assertThat(log()).hasSize(2);
        assertThat(putWithTag("\"3\"", BODY).getStatusCode()).isEqualTo(400);
    }

    @Test
    void theLogShowsProfileEntriesBetweenTheSettingsVersionsTheyFollow() {
        putBody(BODY);
        world.saveSettings(NEW_SHOP, com.memberpoints.domain.settings.MerchantSettings.defaults());
        putBody(BODY.replace("\"open\":true", "\"open\":false"));
        world.saveSettings(NEW_SHOP, com.memberpoints.domain.settings.MerchantSettings.defaults());
        assertThat(log()).extracting(e -> e.section() + "@" + e.version())
                .containsExactly("all@2", "store-profile@1", "all@1", "store-profile@0");
    }
}
