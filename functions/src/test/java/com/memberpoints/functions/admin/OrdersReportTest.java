package com.memberpoints.functions.admin;

import com.memberpoints.functions.admin.reports.OrdersReportHandler;


import static com.memberpoints.functions.admin.AdminWorld.SHOP;
import static com.memberpoints.functions.admin.AdminWorld.call;
import static com.memberpoints.functions.admin.AdminWorld.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.Money;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.domain.model.CheckoutIdentity;
import com.memberpoints.domain.order.Delivery;
import com.memberpoints.domain.order.EarnRecord;
import com.memberpoints.domain.order.Order;
import com.memberpoints.domain.order.OrderAmounts;
import com.memberpoints.domain.model.OrderKind;
import com.memberpoints.domain.order.OrderStatus;
import com.memberpoints.domain.model.SalesChannel;
import com.memberpoints.domain.settings.BoundRule;
import com.memberpoints.domain.settings.MerchantSettings;
import com.memberpoints.functions.platform.ApiEvents;
import com.memberpoints.functions.platform.http.Permission;
import java.time.Instant;
import java.util.Currency;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrdersReportTest {
    static final Currency TWD = Currency.getInstance("TWD");
    final AdminWorld world = newWorld();
    final OrdersReportHandler handler = new OrdersReportHandler(world.services.orders(), world.services.merchants(), world.log().logger());

    AdminWorld newWorld() {
        return new AdminWorld();
    }

    Order order(MerchantId merchant, String id, Instant placedAt, EarnRecord earned) {
        OrderAmounts amounts = new OrderAmounts(Money.of("1000.00", TWD), Money.of("100.00", TWD), Money.of("50.00", TWD),
                200, Money.of("20.00", TWD), Money.of("60.00", TWD), Money.of("0.00", TWD));
        return new Order(merchant, OrderId.of(id), Optional.of(MemberId.of("mem-42")), CheckoutIdentity.MEMBER_LOGGED_IN,
                SalesChannel.ONLINE, OrderKind.NORMAL, Optional.empty(), placedAt, amounts,
                BoundRule.bind(MerchantSettings.defaults(), Optional.empty()), OrderStatus.OPEN, Optional.empty(),
                Delivery.PENDING, Optional.empty(), earned, 0);
    }

    APIGatewayV2HTTPResponse get(Map<String, String> query) {
        return call(handler, event("GET", "/v1/admin/reports/orders.csv", Map.of(), query, Map.of(), null,
                ApiEvents.staff("shop-1", "s", Permission.REPORTS)));
    }

    @Test
    void oneEscapedRowPerOrderPlacedOnTheLocalDaysWithLocalTimes() {
        // 2026-11-01 00:30 Taipei = 2026-10-31T16:30Z: inside a from=2026-11-01 report, outside 2026-10-31.
        world.orders.save(order(SHOP, "o-1", Instant.parse("2026-10-31T16:30:00Z"),
                new EarnRecord(90, Optional.of(Instant.parse("2026-11-05T02:00:00Z")), Optional.empty(),
                        Money.of("10.00", TWD), Optional.of(Instant.parse("2026-11-01T03:00:00Z")))));
        world.orders.save(order(SHOP, "+cmd@x", Instant.parse("2026-11-02T01:00:00Z"), EarnRecord.nothing(TWD)));
        world.orders.save(order(SHOP, "o-late", Instant.parse("2026-11-30T16:00:00Z"), EarnRecord.nothing(TWD)));
        world.orders.save(order(AdminWorld.OTHER_SHOP, "o-foreign", Instant.parse("2026-11-02T01:00:00Z"),
                EarnRecord.nothing(TWD)));

        var r = get(Map.of("from", "2026-11-01", "to", "2026-11-30"));

        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(200);
        assertThat(r.getHeaders().get("content-type")).startsWith("text/csv");
        String[] lines = r.getBody().split("\r\n");
        assertThat(lines[0]).isEqualTo(com.memberpoints.functions.admin.reports.ReportsJson.ORDERS_HEADER.strip());
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).isEqualTo("o-1,mem-42,2026-11-01T00:30:00,OPEN,ONLINE,NORMAL,,1000.00,100.00,50.00,200,"
                + "20.00,90,2026-11-05T10:00:00,,10.00,2026-11-01T11:00:00,TWD");
        assertThat(lines[2]).startsWith("'+cmd@x,mem-42,2026-11-02T09:00:00,");
        assertThat(r.getBody()).doesNotContain("o-foreign").doesNotContain("o-late");
    }

    @Test
    void fieldsAreQuotedAsRfc4180AndFormulasDefused() {
        assertThat(com.memberpoints.functions.admin.reports.ReportsJson.field(new StringBuilder(), "a,\"b\"\nc").toString()).isEqualTo("\"a,\"\"b\"\"\nc\"");
        assertThat(com.memberpoints.functions.admin.reports.ReportsJson.field(new StringBuilder(), "=SUM(A1)").toString()).isEqualTo("'=SUM(A1)");
        assertThat(com.memberpoints.functions.admin.reports.ReportsJson.field(new StringBuilder(), "-20.00").toString()).isEqualTo("-20.00");
    }

    @ParameterizedTest(name = "{0} -> 400 naming {1}")
    @CsvSource(delimiter = '|', value = {
            "from=2026-11-01|to",
            "to=2026-11-01|from",
            "from=2026-13-01,to=2026-11-01|from",
            "from=2026-11-02,to=2026-11-01|to",
            "from=2026-01-01,to=2026-12-31|to",
            "from=2026-11-01,to=2026-11-02,format=xls|format",
    })
    void badParametersAreNamed(String query, String field) {
        Map<String, String> params = new java.util.HashMap<>();
        for (String kv : query.split(",")) {
            String[] p = kv.split("=", 2);
            params.put(p[0], p[1]);
        }
        var r = get(params);
        assertThat(r.getStatusCode()).isEqualTo(400);
        assertThat(r.getBody()).contains("\"field\":\"" + field + "\"");
    }
}
