package com.memberpoints.functions.events;

import com.memberpoints.functions.platform.ReadsEnvironment;
import com.memberpoints.functions.platform.AppConfig;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import org.crac.Core;
import org.crac.Resource;
import com.memberpoints.domain.order.LifecycleOutcome;
import com.memberpoints.domain.order.OrderLifecycle;
import com.memberpoints.domain.order.OrderNotKnownException;
import com.memberpoints.domain.model.InvalidInputException;
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
public final class ScheduledAssignmentHandler implements RequestStreamHandler, Resource {
    private final OrderLifecycle lifecycle;
    private final JsonLogger log;

    public ScheduledAssignmentHandler() {
        this(Wiring.orderLifecycle(), JsonLogger.stdout());
        Core.getGlobalContext().register(this); // SnapStart: prime() before the snapshot
    }

    public ScheduledAssignmentHandler(OrderLifecycle lifecycle, JsonLogger log) {
        this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
        this.log = Objects.requireNonNull(log, "log");
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        EventInput.write(output, handle(EventInput.read(input)));
    }

    public JsonObject handle(String payload) {
        AssignmentPayloadCodec.Payload t;
        try {
            t = AssignmentPayloadCodec.decode(payload);
        } catch (InvalidInputException e) {
            log.warn("scheduled assignment rejected", Map.of("errors", EventInput.errors(e)));
            return JsonObject.builder().put("result", "rejected").put("errors", EventInput.errors(e)).build();
        }
        try {
            LifecycleOutcome out = lifecycle.assignDue(t.merchant(), t.order());
            log.info("scheduled assignment", Map.of("merchantId", t.merchant().value(), "orderId", t.order().value(),
                    "transition", out.transition(), "ledgerApplied", out.appliedCount()));
            return JsonObject.builder().put("result", "applied").put("orderId", t.order().value())
                    .put("transition", out.transition()).put("ledgerApplied", out.appliedCount()).build();
        } catch (OrderNotKnownException e) {
            log.error("scheduled assignment for an unknown order", Map.of("merchantId", t.merchant().value(),
                    "orderId", t.order().value()), null);
            return JsonObject.builder().put("result", "ignored").put("orderId", t.order().value()).build();
        } catch (RuntimeException e) {
            log.error("scheduled assignment failed; the Scheduler will retry", Map.of("merchantId",
                    t.merchant().value(), "orderId", t.order().value()), e);
            throw new RetryLaterException("assignment of order " + t.order().value() + " could not be made now", e);
        }
    }

    /**
     * SnapStart priming: the schedule payload parsed (and a refused one), the DynamoDB request model loaded — no port is called, nothing is sent or
     * logged. The SDK clients themselves were built by the no-arg constructor (init phase).
     */
    public void prime() {
        OrdersWarmUp.scheduledAssignment();
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        prime();
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // Nothing: the clients re-resolve credentials themselves.
    }
}
