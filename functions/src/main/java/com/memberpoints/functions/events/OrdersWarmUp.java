package com.memberpoints.functions.events;

import com.memberpoints.domain.model.InvalidInputException;
import com.memberpoints.functions.platform.Priming;
import com.memberpoints.functions.platform.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * SnapStart warm-up shared by the order handlers: parses made-up events of every kind (and a bad one, for the
 * rejection path), writes a result, builds DynamoDB requests that are never sent. Pure: no port, no network,
 * no log line.
 */
final class OrdersWarmUp {
    private OrdersWarmUp() {}

    private static final String DETAIL_PREFIX = "{\"source\":\"commerce.platform\",\"detail-type\":\"";
    private static final String AMOUNTS = "\"amounts\":{\"currency\":\"USD\",\"itemSubtotal\":\"100.00\","
            + "\"discounts\":\"0.00\",\"redeemedPoints\":10,\"pointDiscount\":\"1.00\"}";

    /** Sample events of every kind the parser knows; each must parse (checked by the priming test). */
    static final String[] EVENTS = {
        event("OrderPlaced", "\"orderId\":\"priming\",\"memberId\":\"priming\",\"checkout\":\"MEMBER_LOGGED_IN\","
                + "\"channel\":\"ONLINE\"," + AMOUNTS + ",\"placedAt\":\"2000-01-01T00:00:00Z\""),
        event("OrderPaid", "\"orderId\":\"priming\",\"paidAt\":\"2000-01-01T00:00:00Z\""),
        event("OrderDeliveryStatusChanged", "\"orderId\":\"priming\",\"status\":\"COLLECTED\","
                + "\"changedAt\":\"2000-01-01T00:00:00Z\""),
        event("OrderEdited", "\"orderId\":\"priming\",\"revision\":1," + AMOUNTS + ",\"editedAt\":\"2000-01-01T00:00:00Z\""),
        event("OrderReturned", "\"orderId\":\"priming\",\"returnId\":\"priming\",\"currency\":\"USD\","
                + "\"items\":[{\"sku\":\"priming\",\"quantity\":1,\"amount\":\"1.00\"}],"
                + "\"returnedAt\":\"2000-01-01T00:00:00Z\""),
        event("OrderCancelled", "\"orderId\":\"priming\",\"cancelledAt\":\"2000-01-01T00:00:00Z\""),
        event("MemberUpserted", "\"memberId\":\"priming\",\"name\":\"Priming\",\"email\":\"priming@example.com\","
                + "\"locale\":\"en\",\"updatedAt\":\"2000-01-01T00:00:00Z\""),
    };

    private static String event(String type, String detail) {
        return DETAIL_PREFIX + type + "\",\"detail\":{\"merchantId\":\"priming\"," + detail + "}}";
    }

    /** The order-event path: every event kind parsed, a refusal's error list and a result written. */
    static void orderEvents() {
        for (String e : EVENTS) {
            OrderEventParser.parse(e);
        }
        try {
            OrderEventParser.parse(DETAIL_PREFIX + "OrderPaid\",\"detail\":{\"merchantId\":\"\"}}");
        } catch (InvalidInputException expected) {
            EventInput.errors(expected);
        }
        io();
        Priming.dynamoDbRequestModel();
    }

    /** The scheduled-assignment path. */
    static void scheduledAssignment() {
        com.memberpoints.infra.scheduler.AssignmentPayloadCodec.decode("{\"merchantId\":\"priming\",\"orderId\":\"priming\"}");
        try {
            com.memberpoints.infra.scheduler.AssignmentPayloadCodec.decode("{\"merchantId\":\"priming\"}");
        } catch (InvalidInputException expected) {
            EventInput.errors(expected);
        }
        io();
        Priming.dynamoDbRequestModel();
    }

    /** The sweep's input and report path. */
    static void sweep() {
        io();
        Priming.dynamoDbRequestModel();
    }

    private static void io() {
        EventInput.read(new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)));
        EventInput.write(new ByteArrayOutputStream(), JsonObject.builder().put("result", "priming").put("n", 1).build());
    }
}
