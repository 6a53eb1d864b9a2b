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
    final OrdersReportHandler handler = new OrdersReportHandler(world.services.orders(), world.services.receipts(),
            world.services.merchants(), world.log().logger());

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
        // text starting with '-' is neutralised; a number column writes a negative number as a number
        assertThat(com.memberpoints.functions.admin.reports.ReportsJson.field(new StringBuilder(), "-20.00").toString()).isEqualTo("'-20.00");
        assertThat(com.memberpoints.functions.admin.reports.ReportsJson.number(new StringBuilder(), "-20.00").toString()).isEqualTo("-20.00");
        assertThat(com.memberpoints.functions.admin.reports.ReportsJson.number(new StringBuilder(), "-1+1").toString()).isEqualTo("'-1+1");
        assertThat(com.memberpoints.functions.admin.reports.ReportsJson.field(new StringBuilder(), "\tcmd").toString()).isEqualTo("'\tcmd");
        assertThat(com.memberpoints.functions.admin.reports.ReportsJson.field(new StringBuilder(), "\rcmd").toString()).isEqualTo("\"'\rcmd\"");
        assertThat(com.memberpoints.functions.admin.reports.ReportsJson.field(new StringBuilder(), "@x").toString()).isEqualTo("'@x");
        assertThat(com.memberpoints.functions.admin.reports.ReportsJson.field(new StringBuilder(), "a=b").toString()).isEqualTo("a=b");
    }

    @Test
    void theMerchantChoosesTheColumnsAndTheirOrder() {
        world.orders.save(order(SHOP, "o-1", Instant.parse("2026-11-02T01:00:00Z"),
                new EarnRecord(90, Optional.of(Instant.parse("2026-11-05T02:00:00Z")), Optional.empty(),
                        Money.of("10.00", TWD), Optional.empty())));
        var r = get(Map.of("from", "2026-11-01", "to", "2026-11-30", "columns", "points_earned,order_id,placed_at"));
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(200);
        assertThat(r.getBody()).isEqualTo("points_earned,order_id,placed_at\r\n90,o-1,2026-11-02T09:00:00\r\n");
    }

    @ParameterizedTest(name = "columns={0} -> 400 saying {1}")
    @CsvSource(delimiter = '|', value = {
            "order_id,bogus,placed_at|unknown column bogus",
            "orderId,pointsEarned|unknown columns orderId, pointsEarned",
            "order_id,,placed_at|unknown column (empty)",
            "order_id,order_id|repeated column order_id",
    })
    void unknownOrRepeatedColumnsAre400NamingThem(String columns, String message) {
        var r = get(Map.of("from", "2026-11-01", "to", "2026-11-30", "columns", columns));
        assertThat(r.getStatusCode()).isEqualTo(400);
        assertThat(r.getBody()).contains("\"field\":\"columns\"", message);
    }

    @Test
    void inStoreReceiptsAreRowsOfTheirOwnKind_afterTheOrders() {
        world.member(SHOP, "mem-42", true, true);
        MerchantSettings p = StoreSpendTest.program(true);
        world.saveSettings(SHOP, new MerchantSettings(1, p.points(), new com.memberpoints.domain.settings.RedeemRule(true,
                10, java.math.BigDecimal.ZERO, com.memberpoints.domain.settings.RedeemCap.NONE), p.tiers(), p.credits(),
                p.rulesText()));
        world.orders.save(order(SHOP, "o-1", Instant.parse("2026-11-02T01:00:00Z"), EarnRecord.nothing(TWD)));
        world.clock.set(Instant.parse("2026-11-03T02:00:00Z"));
        assertThat(world.services.storeSpend().record(SHOP, MemberId.of("mem-42"), "+R-1", Money.of("100.00", TWD),
                com.memberpoints.domain.model.Actor.staff("cashier-7"))).isInstanceOf(
                com.memberpoints.domain.staff.StoreSpend.Outcome.Earned.class);
        world.clock.set(Instant.parse("2026-11-04T02:00:00Z"));
        assertThat(world.services.posRedemptions().redeem(SHOP, MemberId.of("mem-42"),
                new com.memberpoints.domain.staff.PosRedemptions.Request("R-2", Money.of("5.50", TWD),
                        com.memberpoints.domain.checkout.PointsRequest.MAXIMUM),
                com.memberpoints.domain.model.Actor.staff("cashier-7"))).isInstanceOf(
                com.memberpoints.domain.staff.PosRedemptions.Outcome.Redeemed.class);

        var all = get(Map.of("from", "2026-11-01", "to", "2026-11-30"));
        String[] lines = all.getBody().split("\r\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[1]).startsWith("o-1,");
        assertThat(lines[2]).isEqualTo("retail-+R-1,mem-42,2026-11-03T10:00:00,COMPLETED,POS,STORE_SPEND,,100.00,0.00,"
                + "0.00,0,0.00,10,2026-11-03T10:00:00,,0.00,,TWD");
        assertThat(lines[3]).isEqualTo("pos-R-2,mem-42,2026-11-04T10:00:00,COMPLETED,POS,POS_REDEMPTION,,5.50,0.00,"
                + "0.00,10,1.00,0,,,0.00,,TWD");

        world.services.posRedemptions().cancel(SHOP, MemberId.of("mem-42"), "R-2",
                com.memberpoints.domain.model.Actor.staff("manager-2"));
        var kinds = get(Map.of("from", "2026-11-01", "to", "2026-11-30", "columns", "row_type,receipt_id,status"));
        assertThat(kinds.getBody()).isEqualTo("row_type,receipt_id,status\r\nORDER,,OPEN\r\n"
                + "STORE_SPEND,'+R-1,COMPLETED\r\nPOS_REDEMPTION,R-2,CANCELLED\r\n");
    }

    @ParameterizedTest(name = "{0} -> 400 naming {1}")
    @CsvSource(delimiter = '|', value = {
            "from=2026-11-01|to",
            "to=2026-11-01|from",
            "from=2026-13-01,to=2026-11-01|from",
            "from=2026-11-02,to=2026-11-01|to",
            "from=2026-01-01,to=2026-12-31|to",
            "from=2026-11-01,to=2026-11-02,format=xls|format",
            "from=2026-11-01,to=2026-11-02,columns=x|columns",
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
