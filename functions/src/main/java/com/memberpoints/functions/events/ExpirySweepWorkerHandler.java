package com.memberpoints.functions.events;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.memberpoints.domain.sweep.ExpiryWalker;
import com.memberpoints.functions.platform.AppConfig;
import com.memberpoints.functions.platform.PrimedHandler;
import com.memberpoints.functions.platform.ReadsEnvironment;
import com.memberpoints.functions.platform.Wiring;
import com.memberpoints.functions.platform.log.JsonLogger;
import java.time.Duration;
import java.util.Objects;

/**
 * The expiry sweep worker (issue 16 change 7): its own function, fed by the expiry walks SQS queue (batch size 1,
 * partial batch responses). Each message is one step of a walk over one part of a merchant's expiry index
 * ({@link ExpiryWalker}): it stops at {@link Wiring#EXPIRY_WALK_WALLETS} wallets or when less than
 * {@link Wiring#EXPIRY_WALK_TIME_RESERVE} of the invocation is left, and queues its continuation. A failed step is a
 * batch item failure (redelivered, then the dead-letter queue); a malformed message is logged and dropped.
 */
@ReadsEnvironment({AppConfig.TABLE_NAME, AppConfig.EXPIRY_WALKS_QUEUE_URL})
public final class ExpirySweepWorkerHandler extends PrimedHandler
        implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final ExpiryWalkMessages walks;
    private final JsonLogger logger;

    public ExpirySweepWorkerHandler() {
        this(Wiring.expiryWalker(), JsonLogger.stdout());
        primeBeforeSnapshot();
    }

    public ExpirySweepWorkerHandler(ExpiryWalker walker, JsonLogger logger) {
        this.walks = new ExpiryWalkMessages(walker);
        this.logger = Objects.requireNonNull(logger, "logger");
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        ExpiryWalker.Budget budget = new ExpiryWalker.Budget(Wiring.EXPIRY_WALK_WALLETS,
                () -> Duration.ofMillis(context.getRemainingTimeInMillis()), Wiring.EXPIRY_WALK_TIME_RESERVE);
        return logger.call(context, () -> Batches.messages(event,
                m -> walks.deliver(logger, m.getMessageId(), m.getBody(), budget)));
    }

    /** SnapStart: a made-up walk message decoded (and a malformed one), the request model loaded; no port. */
    @Override
    public void prime() {
        EventsWarmUp.expiryWalkMessage();
    }
}
