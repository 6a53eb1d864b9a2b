package com.memberpoints.functions.events;

import com.memberpoints.functions.platform.ReadsEnvironment;
import com.memberpoints.functions.platform.AppConfig;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.memberpoints.domain.order.OrderLifecycle;
import com.memberpoints.domain.order.OrderNotKnownException;
import com.memberpoints.domain.model.InvalidInputException;
import com.memberpoints.functions.platform.PrimedHandler;
import com.memberpoints.functions.platform.Wiring;
import com.memberpoints.functions.platform.json.JsonObject;
import com.memberpoints.functions.platform.log.JsonLogger;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.Objects;

/**
 * EventBridge target for the commerce platform's order and member events. The input is the EventBridge event
 * JSON itself (a {@link RequestStreamHandler}, parsed strictly by {@link OrderEventParser}; one event per
 * invocation, as EventBridge delivers them).
 *
 * <ul>
 *   <li>Malformed event or one that contradicts what is known: logged at WARN as {@code order event rejected}
 *       with every bad field; the invocation succeeds (a retry could not help) and nothing is written.</li>
 *   <li>Order not placed yet (an event ahead of its {@code OrderPlaced}) or a store failure: logged and the
 *       invocation fails with {@link RetryLaterException}, so EventBridge delivers it again.</li>
 *   <li>Otherwise the lifecycle applies it (exactly once in the ledger, however often it arrives).</li>
 * </ul>
 */
@ReadsEnvironment({AppConfig.TABLE_NAME, AppConfig.SCHEDULE_GROUP_NAME, AppConfig.ASSIGNMENT_FUNCTION_ARN,
        AppConfig.SCHEDULER_ROLE_ARN, AppConfig.SCHEDULER_DLQ_ARN})
public final class OrderEventsHandler extends PrimedHandler implements RequestStreamHandler {
    private final OrderLifecycle lifecycle;
    private final JsonLogger log;

    /** Lambda entry point: the DynamoDB stores and the EventBridge scheduler of this container. */
    public OrderEventsHandler() {
        this(Wiring.orderLifecycle(), JsonLogger.stdout());
        primeBeforeSnapshot();
    }

    public OrderEventsHandler(OrderLifecycle lifecycle, JsonLogger log) {
        this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
        this.log = Objects.requireNonNull(log, "log");
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        log.run(context, () -> EventInput.write(output, handle(EventInput.read(input))));
    }

    /** Handles the JSON text of one EventBridge event; returns what was done. */
    public JsonObject handle(String eventJson) {
        OrderEventParser.Parsed parsed;
        try {
            parsed = OrderEventParser.parse(eventJson);
        } catch (InvalidInputException e) {
            return EventOutcomes.rejected(log, "unknown", e);
        }
        try {
            return switch (parsed) {
                case OrderEventParser.MemberUpserted m -> EventOutcomes.memberUpserted(log, m, lifecycle.upsertMember(m.profile()));
                case OrderEventParser.OrderEventParsed o -> EventOutcomes.orderApplied(log, o, lifecycle.handle(o.event()));
            };
        } catch (InvalidInputException e) {
            return EventOutcomes.rejected(log, parsed.detailType(), e);
        } catch (RuntimeException e) {
            throw EventOutcomes.retryLater(log, parsed.detailType(), e);
        }
    }

    /**
     * SnapStart priming: every order and member event kind parsed (and a refused one), the DynamoDB request model
     * loaded — no port is called, nothing is sent or logged. The SDK clients were built by the no-arg constructor.
     */
    @Override
    public void prime() {
        OrdersWarmUp.orderEvents();
    }
}
