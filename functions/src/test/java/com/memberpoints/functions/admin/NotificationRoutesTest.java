package com.memberpoints.functions.admin;

import com.memberpoints.functions.admin.notifications.DeliveriesHandler;
import com.memberpoints.functions.admin.notifications.NotificationPreviewHandler;
import com.memberpoints.functions.admin.notifications.SmsUsageHandler;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.memberpoints.domain.inmemory.InMemoryMerchantStore;
import com.memberpoints.domain.ledger.OperationId;
import com.memberpoints.domain.ledger.Wallet;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.notify.Channel;
import com.memberpoints.domain.notify.Delivery;
import com.memberpoints.domain.notify.DeliveryKey;
import com.memberpoints.domain.inmemory.InMemoryDeliveryStore;
import com.memberpoints.domain.model.TimeSource;
import com.memberpoints.domain.notify.SmsCounter;
import com.memberpoints.functions.platform.ApiEvents;
import com.memberpoints.functions.platform.CapturedLog;
import com.memberpoints.functions.platform.TestContext;
import com.memberpoints.functions.platform.http.ApiHandler;
import com.memberpoints.functions.platform.http.Permission;
import com.memberpoints.functions.platform.json.Json;
import com.memberpoints.functions.platform.json.JsonObject;
import com.memberpoints.functions.platform.json.JsonString;
import com.memberpoints.functions.platform.json.JsonNumber;
import com.memberpoints.functions.platform.json.JsonValue;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The notification admin routes through API Gateway v2 event fixtures, on in-memory ports. */
class NotificationRoutesTest {

    private final InMemoryMerchantStore merchants = new InMemoryMerchantStore();
    private final InMemoryDeliveryStore deliveries = new InMemoryDeliveryStore();
    private final CapturedLog log = new CapturedLog();
    private final Merchant shop = new Merchant(MerchantId.of("shop-1"), "Tea & Co", Currency.getInstance("TWD"),
            ZoneId.of("Asia/Taipei"), Locale.ENGLISH, Set.of(Locale.forLanguageTag("zh-TW")), true, true, Set.of());

    NotificationRoutesTest() {
        merchants.save(shop);
    }

    private static APIGatewayV2HTTPResponse call(ApiHandler handler, APIGatewayV2HTTPEvent event) {
        return com.memberpoints.functions.platform.OpenApiContract.call(handler, event);  // checked against docs/openapi.yaml
    }

    private static APIGatewayV2HTTPEvent withBody(String fixture, String body) {
        APIGatewayV2HTTPEvent e = ApiEvents.load(fixture);
        e.setBody(body);
        e.getHeaders().put("content-length", Integer.toString(body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length));
        return e;
    }

    private static String text(JsonValue object, String... path) {
        JsonValue v = object;
        for (String p : path) {
            v = ((JsonObject) v).get(p).orElseThrow(() -> new AssertionError("no " + p));
        }
        return v instanceof JsonString(String s) ? s : v instanceof JsonNumber n ? n.toString() : v.toString();
    }

    private NotificationPreviewHandler preview() {
        return new NotificationPreviewHandler(merchants, log.logger());
    }

    @Test
    void previewRendersEmailAndSmsWithThePartCount() {
        APIGatewayV2HTTPResponse r = call(preview(), ApiEvents.load("events/staff-notification-preview.json"));

        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(200);
        JsonValue body = Json.parse(r.getBody());
        assertThat(text(body, "locale")).isEqualTo("zh-TW");
        assertThat(text(body, "email", "subject")).isEqualTo("Tea & Co：已為您新增 120 點");
        assertThat(text(body, "email", "html")).contains("王小明 &lt;b&gt; 您好").contains("生日禮 &amp; 感謝")
                .contains("Tea &amp; Co").contains("2022年12月31日").doesNotContain("<b>");
        assertThat(text(body, "email", "text")).contains("王小明 <b> 您好").contains("目前點數餘額為 1,320 點。");
        String sms = text(body, "sms", "text");
        assertThat(sms).isEqualTo("Tea & Co：已新增 120 點（生日禮 & 感謝），餘額 1,320 點。最近到期日 2022年12月31日。");
        assertThat(body.toString()).contains("UCS_2");
        assertThat(Json.write(((JsonObject) body).get("sms").orElseThrow()))
                .contains("\"characters\":" + SmsCounter.count(sms).characters())
                .contains("\"parts\":" + SmsCounter.count(sms).parts());
    }

    @Test
    void previewOfCreditsReadsMoneyAndFallsBackToTheStoreLocale() {
        APIGatewayV2HTTPResponse r = call(preview(), withBody("events/staff-notification-preview.json",
                "{\"kind\":\"ORDER_CREDITS\",\"locale\":\"fr\",\"amount\":\"10.00\",\"balance\":\"25.50\"}"));

        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(200);
        JsonValue body = Json.parse(r.getBody());
        assertThat(text(body, "locale")).isEqualTo("en");
        assertThat(text(body, "email", "subject")).isEqualTo("Tea & Co: you received NT$10.00 in store credits");
        assertThat(text(body, "sms", "text")).isEqualTo("Tea & Co: you received NT$10.00 in store credits."
                + " Credit balance: NT$25.50.");
        assertThat(r.getBody()).contains("\"encoding\":\"GSM_7\"").contains("\"parts\":1");
    }

    @Test
    void previewOfStaffCreditsRendersInEveryTemplateLocaleWithTheReason() {
        // issue 11.2: the message a manual store-credit addition sends, before sending it
        for (var locale : com.memberpoints.domain.notify.NotificationTemplates.locales()) {
            APIGatewayV2HTTPResponse r = call(preview(), withBody("events/staff-notification-preview.json",
                    "{\"kind\":\"STAFF_CREDITS\",\"locale\":\"" + locale.toLanguageTag() + "\",\"amount\":\"10.00\","
                            + "\"balance\":\"25.50\",\"reason\":\"Order o-18\",\"nearestExpiry\":\"2022-12-31\"}"));
            assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(200);
            JsonValue body = Json.parse(r.getBody());
            assertThat(text(body, "kind")).isEqualTo("STAFF_CREDITS");
            assertThat(text(body, "locale")).isEqualTo(locale.toLanguageTag());
            for (String part : new String[] {text(body, "email", "subject"), text(body, "sms", "text")}) {
                assertThat(part).contains("Tea & Co").contains("10.00").doesNotContainPattern("\\{[a-z]+}");
            }
            assertThat(text(body, "email", "text")).contains("Order o-18").contains("25.50");
            assertThat(text(body, "sms", "text")).contains("Order o-18");
        }
        APIGatewayV2HTTPResponse en = call(preview(), withBody("events/staff-notification-preview.json",
                "{\"kind\":\"STAFF_CREDITS\",\"locale\":\"en\",\"amount\":\"10.00\",\"balance\":\"25.50\","
                        + "\"reason\":\"Order o-18\"}"));
        assertThat(text(Json.parse(en.getBody()), "sms", "text"))
                .isEqualTo("Tea & Co: NT$10.00 in store credits added (Order o-18). Credit balance: NT$25.50.");
        APIGatewayV2HTTPResponse noReason = call(preview(), withBody("events/staff-notification-preview.json",
                "{\"kind\":\"STAFF_CREDITS\",\"amount\":\"10.00\",\"balance\":\"25.50\"}"));
        assertThat(noReason.getStatusCode()).isEqualTo(400);
        assertThat(noReason.getBody()).contains("\"field\":\"reason\"");
    }

    @Test
    void previewNamesEveryBadField() {
        APIGatewayV2HTTPResponse r = call(preview(), withBody("events/staff-notification-preview.json",
                "{\"kind\":\"STAFF_POINTS\",\"amount\":0,\"balance\":-1,\"nearestExpiry\":\"31/12\",\"extra\":1}"));

        assertThat(r.getStatusCode()).isEqualTo(400);
        assertThat(r.getHeaders()).containsEntry("content-type", "application/problem+json");
        assertThat(r.getBody()).contains("amount").contains("balance").contains("nearestExpiry").contains("reason")
                .contains("extra").doesNotContain("Exception");
    }

    @Test
    void previewRefusesAnUnknownKindAndViewOnlyStaff() {
        APIGatewayV2HTTPResponse bad = call(preview(), withBody("events/staff-notification-preview.json",
                "{\"kind\":\"DEDUCTION\",\"amount\":1,\"balance\":1}"));
        assertThat(bad.getStatusCode()).isEqualTo(400);
        assertThat(bad.getBody()).contains("kind").contains("ORDER_POINTS");

        APIGatewayV2HTTPResponse viewer = call(preview(), ApiEvents.as(
                ApiEvents.load("events/staff-notification-preview.json"),
                ApiEvents.staff("shop-1", "s-2", Permission.CUSTOMER_MANAGEMENT)));
        assertThat(viewer.getStatusCode()).isEqualTo(403);
    }

    @Test
    void previewForAStoreWithoutAProfileIsNotFound() {
        APIGatewayV2HTTPResponse r = call(preview(), ApiEvents.as(ApiEvents.load("events/staff-notification-preview.json"),
                ApiEvents.staff("shop-2", "s-1", Permission.MEMBER_POINTS)));
        assertThat(r.getStatusCode()).isEqualTo(404);
    }

    private DeliveryKey key(String op, Channel channel) {
        return new DeliveryKey(shop.id(), YearMonth.of(2021, 12), MemberId.of("amy"), Wallet.POINTS,
                new OperationId("O#" + op + "#POINTS#EARN"), channel);
    }

    @Test
    void smsUsageReadsTheMeteredMonth() {
        DeliveryKey k = key("o-1", Channel.SMS);
        deliveries.claim(Delivery.claim(k, "+886912345678", "", "", "text", 3, Instant.EPOCH));
        deliveries.markSent(k, 1, "m-1", Instant.EPOCH, YearMonth.of(2021, 12));
        SmsUsageHandler handler = new SmsUsageHandler(merchants, deliveries,
                TimeSource.fixed(Instant.parse("2021-12-31T16:30:00Z")), log.logger());
        var event = ApiEvents.as(ApiEvents.load("events/staff-sms-usage.json"),
                ApiEvents.staff("shop-1", "s-1", Permission.REPORTS));

        APIGatewayV2HTTPResponse r = call(handler, event);

        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(200);
        assertThat(r.getBody()).contains("\"month\":\"2021-12\"").contains("\"parts\":3").contains("\"messages\":1")
                .contains("Asia/Taipei");

        // Without a month: the current month in the store's zone (already January in Taipei).
        event.setRawQueryString("");
        event.setQueryStringParameters(null);
        assertThat(call(handler, event).getBody()).contains("\"month\":\"2022-01\"").contains("\"parts\":0");

        event.setQueryStringParameters(Map.of("month", "2021-13"));
        APIGatewayV2HTTPResponse bad = call(handler, event);
        assertThat(bad.getStatusCode()).isEqualTo(400);
        assertThat(bad.getBody()).contains("month");
    }

    @Test
    void smsUsageNeedsTheReportsPermission() {
        SmsUsageHandler handler = new SmsUsageHandler(merchants, deliveries, TimeSource.system(), log.logger());
        assertThat(call(handler, ApiEvents.load("events/staff-sms-usage.json")).getStatusCode()).isEqualTo(403);
    }

    @Test
    void deliveriesListTheFailuresWithMaskedRecipients() {
        DeliveryKey failed = key("o-1", Channel.EMAIL);
        DeliveryKey sent = key("o-2", Channel.EMAIL);
        deliveries.claim(Delivery.claim(failed, "amy@example.com", "s", "h", "t", 0, Instant.EPOCH));
        deliveries.markFailed(failed, 1, "SES MessageRejected", Instant.EPOCH);
        deliveries.claim(Delivery.claim(sent, "amy@example.com", "s", "h", "t", 0, Instant.EPOCH));
        deliveries.markSent(sent, 1, "ok", Instant.EPOCH, YearMonth.of(2021, 12));
        DeliveriesHandler handler = new DeliveriesHandler(merchants, deliveries, TimeSource.system(), log.logger());

        APIGatewayV2HTTPResponse r = call(handler, ApiEvents.load("events/staff-notification-deliveries.json"));

        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(200);
        assertThat(r.getBody()).contains("O#o-1#POINTS#EARN").doesNotContain("O#o-2")
                .contains("FAILED_PERMANENT").contains("SES MessageRejected")
                .contains("a***@example.com").doesNotContain("amy@example.com");
    }

    @Test
    void unconfirmedDeliveriesAreListedByDefaultAndByTheirStatus() {
        DeliveryKey lost = key("o-1", Channel.SMS);
        DeliveryKey sent = key("o-2", Channel.SMS);
        deliveries.claim(Delivery.claim(lost, "+886912345678", "", "", "t", 1, Instant.EPOCH));
        deliveries.markUnconfirmed(lost, 1, "SNS SdkClientException: Read timed out", Instant.EPOCH);
        deliveries.claim(Delivery.claim(sent, "+886912345678", "", "", "t", 1, Instant.EPOCH));
        deliveries.markSent(sent, 1, "ok", Instant.EPOCH, YearMonth.of(2021, 12));
        DeliveriesHandler handler = new DeliveriesHandler(merchants, deliveries, TimeSource.system(), log.logger());
        APIGatewayV2HTTPEvent event = ApiEvents.load("events/staff-notification-deliveries.json");

        event.setQueryStringParameters(Map.of("month", "2021-12"));
        APIGatewayV2HTTPResponse byDefault = call(handler, event);
        assertThat(byDefault.getStatusCode()).as(byDefault.getBody()).isEqualTo(200);
        assertThat(byDefault.getBody()).contains("O#o-1#").contains("UNCONFIRMED").contains("Read timed out")
                .doesNotContain("O#o-2#");

        event.setQueryStringParameters(Map.of("month", "2021-12", "status", "UNCONFIRMED"));
        APIGatewayV2HTTPResponse filtered = call(handler, event);
        assertThat(filtered.getBody()).contains("O#o-1#").doesNotContain("O#o-2#");

        event.setQueryStringParameters(Map.of("month", "2021-12", "status", "MAYBE"));
        APIGatewayV2HTTPResponse bad = call(handler, event);
        assertThat(bad.getStatusCode()).isEqualTo(400);
        assertThat(bad.getBody()).contains("status").contains("UNCONFIRMED");
    }

    @Test
    void masking() {
        assertThat(com.memberpoints.functions.admin.notifications.NotificationsJson.mask("amy@example.com")).isEqualTo("a***@example.com");
        assertThat(com.memberpoints.functions.admin.notifications.NotificationsJson.mask("+886912345678")).isEqualTo("+886******678");
        assertThat(com.memberpoints.functions.admin.notifications.NotificationsJson.mask("+12")).isEqualTo("***");
    }

    @Test
    void deliveriesArePagedWithAnOpaqueCursor() {
        for (int i = 0; i < 3; i++) {
            DeliveryKey k = key("o-" + i, Channel.EMAIL);
            deliveries.claim(Delivery.claim(k, "amy@example.com", "s", "h", "t", 0, Instant.EPOCH));
        }
        DeliveriesHandler handler = new DeliveriesHandler(merchants, deliveries, TimeSource.system(), log.logger());
        APIGatewayV2HTTPEvent event = ApiEvents.load("events/staff-notification-deliveries.json");
        event.setQueryStringParameters(Map.of("month", "2021-12", "limit", "2"));

        APIGatewayV2HTTPResponse first = call(handler, event);
        assertThat(first.getStatusCode()).as(first.getBody()).isEqualTo(200);
        String cursor = text(Json.parse(first.getBody()), "nextCursor");
        assertThat(first.getBody()).contains("O#o-0#").contains("O#o-1#").doesNotContain("O#o-2#");

        event.setQueryStringParameters(Map.of("month", "2021-12", "limit", "2", "cursor", cursor));
        APIGatewayV2HTTPResponse second = call(handler, event);
        assertThat(second.getBody()).contains("O#o-2#").doesNotContain("O#o-0#").doesNotContain("nextCursor");

        event.setQueryStringParameters(Map.of("month", "2021-12", "cursor", "garbage"));
        APIGatewayV2HTTPResponse bad = call(handler, event);
        assertThat(bad.getStatusCode()).isEqualTo(400);
        assertThat(bad.getBody()).contains("cursor");
    }
}
