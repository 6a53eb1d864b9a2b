package com.memberpoints.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.functions.platform.json.Json;
import com.memberpoints.functions.platform.json.JsonObject;
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
 * Issue 11 items 4 and 7 where a user sees them, over HTTP against the whole local stack (DynamoDB Local underneath):
 * a cashier applies alice's points to an in-store sale, retries it, cancels the receipt and the points come back
 * with their original expiry; a store-spend receipt and the POS receipt are rows of their own kind in the orders
 * report, with the columns the merchant chose.
 */
class LocalPosIT {
    static final Instant START = OffsetDateTime.parse("2021-12-01T10:00:00+08:00").toInstant();
    static final String ALICE = "merchant_id=demo-shop&member_id=alice";
    static final String CASHIER = "merchant_id=demo-shop&staff_id=cashier-7&permissions=member_points";
    static final String CLERK = "merchant_id=demo-shop&staff_id=clerk-3&permissions=customer_management";
    static final String REPORTS = "merchant_id=demo-shop&staff_id=bob&permissions=reports";
    static final String POS = "/v1/admin/members/alice/pos-redemptions";

    static LocalStack stack;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws IOException {
        stack = LocalStack.start(LocalStack.Options.defaults().withPort(0).startingAt(START).withoutTicker());
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void aCashierRedeemsAtTheTillOnceCancelsTheReceiptAndTheReportListsTheReceipts() throws Exception {
        String lotsBefore = Json.write(json(send("GET", "/v1/storefront/me/points", ALICE, null)).get("byExpiry")
                .orElseThrow());
        // customer management alone may look alice up but not spend her points
        assertThat(send("GET", "/v1/admin/members/alice/points", CLERK, null).statusCode()).isEqualTo(200);
        assertThat(send("POST", POS, CLERK, "{\"receiptId\":\"T-1\",\"saleAmount\":\"64.90\",\"points\":\"maximum\"}")
                .statusCode()).isEqualTo(403);

        HttpResponse<String> first = send("POST", POS, CASHIER,
                "{\"receiptId\":\"T-1\",\"saleAmount\":\"64.90\",\"points\":\"maximum\"}");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(first.body()).contains("\"points\":640", "\"pointDiscount\":\"64.00\"", "\"amountDue\":\"0.90\"",
                "\"pointsBalanceAfter\":560", "\"changedBy\":\"cashier-7\"");
        HttpResponse<String> again = send("POST", POS, CASHIER,
                "{\"receiptId\":\"T-1\",\"saleAmount\":\"64.90\",\"points\":\"maximum\"}");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("\"repeat\":true", "\"pointsBalanceAfter\":560");
        assertThat(send("POST", POS, CASHIER, "{\"receiptId\":\"T-2\",\"saleAmount\":\"64.90\",\"points\":5}").body())
                .contains("At least 10 points must be entered");

        HttpResponse<String> history = send("GET", "/v1/storefront/me/points/history", ALICE, null);
        assertThat(history.body()).contains("In-store sale 64.90, receipt T-1", "pos-T-1");

        HttpResponse<String> cancel = send("POST", POS + "/T-1/cancellation", CASHIER, null);
        assertThat(cancel.statusCode()).as(cancel.body()).isEqualTo(200);
        assertThat(cancel.body()).contains("\"pointsReturned\":640", "\"pointsBalanceAfter\":1200");
        assertThat(send("POST", POS + "/T-1/cancellation", CASHIER, null).body()).contains("\"repeat\":true");
        JsonObject after = json(send("GET", "/v1/storefront/me/points", ALICE, null));
        assertThat(Json.write(after.get("byExpiry").orElseThrow())).isEqualTo(lotsBefore);

        HttpResponse<String> spend = send("POST", "/v1/admin/members/alice/store-spend", CASHIER,
                "{\"receiptId\":\"+S-1\",\"amount\":\"300.00\"}");
        assertThat(spend.statusCode()).as(spend.body()).isEqualTo(201);

        HttpResponse<String> report = send("GET", "/v1/admin/reports/orders.csv?from=2021-12-01&to=2021-12-01"
                + "&columns=row_type,order_id,receipt_id,status,item_subtotal,points_redeemed,point_discount,points_earned",
                REPORTS, null);
        assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
        assertThat(report.body()).isEqualTo("row_type,order_id,receipt_id,status,item_subtotal,points_redeemed,"
                + "point_discount,points_earned\r\n"
                + "POS_REDEMPTION,pos-T-1,T-1,CANCELLED,64.90,640,64.00,0\r\n"
                + "STORE_SPEND,retail-+S-1,'+S-1,COMPLETED,300.00,0,0.00,30\r\n");
        HttpResponse<String> unknown = send("GET", "/v1/admin/reports/orders.csv?from=2021-12-01&to=2021-12-01"
                + "&columns=order_id,orderTotal", REPORTS, null);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("\"columns\"", "unknown column orderTotal");
    }

    private static JsonObject json(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return (JsonObject) Json.parse(r.body());
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
}
