package com.memberpoints.functions.admin;

import static com.memberpoints.functions.admin.AdminWorld.SHOP;
import static com.memberpoints.functions.admin.AdminWorld.call;
import static com.memberpoints.functions.admin.AdminWorld.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.memberpoints.domain.inmemory.InMemoryMerchantStore;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.settings.ExpiryReminders;
import com.memberpoints.domain.settings.SettingChange;
import com.memberpoints.functions.admin.notifications.NotificationPreviewHandler;
import com.memberpoints.functions.admin.settings.GetSettingsHandler;
import com.memberpoints.functions.admin.settings.UpdateSettingsHandler;
import com.memberpoints.functions.platform.ApiEvents;
import com.memberpoints.functions.platform.CapturedLog;
import com.memberpoints.functions.platform.http.Permission;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The expiry-reminders settings part through the settings routes, and the reminder kinds in the preview route. */
class ExpiryRemindersRoutesTest {
    static final String ROUTE = "/v1/admin/settings";
    static final String REMINDERS = ",\"expiryReminders\":{\"enabled\":true,\"daysBefore\":30,\"email\":true,\"sms\":true}";

    final AdminWorld world = new AdminWorld();
    final GetSettingsHandler get = new GetSettingsHandler(world.services.settings(), world.log().logger());
    final UpdateSettingsHandler put = new UpdateSettingsHandler(world.services.settings(), world.log().logger());

    APIGatewayV2HTTPResponse putWith(String body) {
        return call(put, event("PUT", ROUTE, Map.of(), Map.of(), Map.of("If-Match", "\"0\""), body,
                ApiEvents.staff("shop-1", "staff-9", Permission.SETTINGS)));
    }

    static String body(String reminders) {
        return SettingsHandlersTest.body(null).replace("每消費 10 元得 1 點\"}", "每消費 10 元得 1 點\"}" + reminders);
    }

    @Test
    void thePartIsSavedReadBackAndLogged() {
        var saved = putWith(body(REMINDERS));
        assertThat(saved.getStatusCode()).as(saved.getBody()).isEqualTo(200);
        assertThat(world.settings.current(SHOP).orElseThrow().expiryReminders())
                .isEqualTo(new ExpiryReminders(true, 30, true, true));
        var read = call(get, event("GET", ROUTE, Map.of(), Map.of(), Map.of(), null,
                ApiEvents.staff("shop-1", "s", Permission.SETTINGS)));
        assertThat(read.getBody())
                .contains("\"expiryReminders\":{\"enabled\":true,\"daysBefore\":30,\"email\":true,\"sms\":true}");
        assertThat(world.activity().getFirst().changes()).contains(
                new SettingChange("expiryReminders.daysBefore", Optional.of("14"), Optional.of("30")),
                new SettingChange("expiryReminders.enabled", Optional.of("false"), Optional.of("true")),
                new SettingChange("expiryReminders.sms", Optional.of("false"), Optional.of("true")));
    }

    @Test
    void aBodyWithoutThePartSavesRemindersOff() {
        var saved = putWith(body(""));
        assertThat(saved.getStatusCode()).as(saved.getBody()).isEqualTo(200);
        assertThat(world.settings.current(SHOP).orElseThrow().expiryReminders()).isEqualTo(ExpiryReminders.OFF);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "\"daysBefore\":30|\"daysBefore\":0|expiryReminders.daysBefore",
            "\"daysBefore\":30|\"daysBefore\":91|expiryReminders.daysBefore",
            "\"daysBefore\":30|\"daysBefore\":\"30\"|expiryReminders.daysBefore",
            "\"email\":true,\"sms\":true|\"email\":false,\"sms\":false|expiryReminders.email",
            "\"email\":true,\"sms\":true|\"email\":true|expiryReminders.sms",
            "\"enabled\":true|\"enabled\":\"on\"|expiryReminders.enabled",
            "\"sms\":true}|\"sms\":true,\"hours\":3}|expiryReminders.hours",
    })
    void eachBadFieldIsA400NamingIt(String from, String to, String field) {
        String bad = body(REMINDERS.replace(from, to));
        assertThat(bad).isNotEqualTo(body(REMINDERS));
        var r = putWith(bad);
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(400);
        assertThat(r.getHeaders()).containsEntry("content-type", "application/problem+json");
        assertThat(r.getBody()).contains("\"field\":\"" + field + "\"").doesNotContain("Exception");
        assertThat(world.activity()).isEmpty();
    }

    // ------------------------------------------------------------------ preview

    final InMemoryMerchantStore merchants = new InMemoryMerchantStore();
    final CapturedLog log = new CapturedLog();

    private APIGatewayV2HTTPResponse preview(String body) {
        merchants.save(new Merchant(MerchantId.of("shop-1"), "Tea & Co", Currency.getInstance("TWD"),
                ZoneId.of("Asia/Taipei"), Locale.ENGLISH, Set.of(Locale.forLanguageTag("zh-TW")), true, true, Set.of()));
        APIGatewayV2HTTPEvent e = ApiEvents.load("events/staff-notification-preview.json");
        e.setBody(body);
        e.getHeaders().put("content-length",
                Integer.toString(body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length));
        return call(new NotificationPreviewHandler(merchants, log.logger()), e);
    }

    @Test
    void thePointsReminderPreviewsInTheChosenLocale() {
        var en = preview("{\"kind\":\"POINTS_EXPIRING\",\"amount\":1098,\"balance\":1098,\"nearestExpiry\":\"2022-12-31\"}");
        assertThat(en.getStatusCode()).as(en.getBody()).isEqualTo(200);
        assertThat(en.getBody()).contains("\"subject\":\"Tea & Co: 1,098 points expire on December 31, 2022\"")
                .contains("Tea & Co: 1,098 points expire on December 31, 2022. Balance: 1,098 points.");
        var zh = preview("{\"kind\":\"POINTS_EXPIRING\",\"locale\":\"zh-TW\",\"amount\":1098,\"balance\":1098,"
                + "\"nearestExpiry\":\"2022-12-31\"}");
        assertThat(zh.getBody()).contains("\"locale\":\"zh-TW\"").contains("1,098 點將於 2022年12月31日 到期");
    }

    @Test
    void theCreditsReminderTakesMoney() {
        var r = preview("{\"kind\":\"CREDITS_EXPIRING\",\"amount\":\"150.00\",\"balance\":\"200.00\","
                + "\"nearestExpiry\":\"2022-12-31\"}");
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(200);
        assertThat(r.getBody()).contains("NT$150.00 in store credits expire on December 31, 2022");
    }

    @Test
    void aReminderPreviewWithoutItsDateNamesTheField() {
        var r = preview("{\"kind\":\"POINTS_EXPIRING\",\"amount\":10,\"balance\":10}");
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(400);
        assertThat(r.getBody()).contains("\"field\":\"nearestExpiry\"").doesNotContain("Exception");
    }
}
