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
}
