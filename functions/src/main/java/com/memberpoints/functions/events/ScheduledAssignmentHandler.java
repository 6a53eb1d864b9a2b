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
import com.memberpoints.infra.scheduler.AssignmentPayloadCodec;
import com.memberpoints.functions.platform.json.JsonObject;
import com.memberpoints.functions.platform.log.JsonLogger;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.Objects;

/**
 * EventBridge Scheduler target: the one-time schedule of an order fired. Input: the
 * {@link AssignmentPayloadCodec} payload the scheduler adapter wrote (read strictly by the same codec). Assigns the
 * order's points unless it was cancelled or already assigned (completion mode). A malformed payload or an
 * unknown order is logged and acknowledged (retrying cannot help); a store failure fails the invocation so that
 * the Scheduler's retry policy (then its dead-letter queue, then the daily reconcile) takes over.
 */
@ReadsEnvironment({AppConfig.TABLE_NAME})
public final class ScheduledAssignmentHandler extends PrimedHandler implements RequestStreamHandler {
    private final OrderLifecycle lifecycle;
    private final JsonLogger log;

    public ScheduledAssignmentHandler() {
        this(Wiring.orderLifecycle(), JsonLogger.stdout());
        primeBeforeSnapshot();
    }

    public ScheduledAssignmentHandler(OrderLifecycle lifecycle, JsonLogger log) {
        this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
        this.log = Objects.requireNonNull(log, "log");
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        log.run(context, () -> EventInput.write(output, handle(EventInput.read(input))));
    }

    public JsonObject handle(String payload) {
        AssignmentPayloadCodec.Payload t;
        try {
            t = AssignmentPayloadCodec.decode(payload);
        } catch (InvalidInputException e) {
            return EventOutcomes.assignmentRejected(log, e);
        }
        try {
            return EventOutcomes.assigned(log, t, lifecycle.assignDue(t.merchant(), t.order()));
        } catch (OrderNotKnownException e) {
            return EventOutcomes.assignmentIgnored(log, t);
        } catch (RuntimeException e) {
            log.error("scheduled assignment failed; the Scheduler will retry", EventOutcomes.ids(t), e);
            throw new RetryLaterException("assignment of order " + t.order().value() + " could not be made now", e);
        }
    }

    /**
     * SnapStart priming: the schedule payload parsed (and a refused one), the DynamoDB request model loaded — no port
     * is called, nothing is sent or logged. The SDK clients were built by the no-arg constructor (init phase).
     */
    @Override
    public void prime() {
        OrdersWarmUp.scheduledAssignment();
    }
}
