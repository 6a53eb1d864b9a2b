package com.memberpoints.functions.events;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.memberpoints.domain.liability.LiabilityReplay;
import com.memberpoints.functions.platform.AppConfig;
import com.memberpoints.functions.platform.PrimedHandler;
import com.memberpoints.functions.platform.ReadsEnvironment;
import com.memberpoints.functions.platform.Wiring;
import com.memberpoints.functions.platform.log.JsonLogger;
import java.util.Objects;

/**
 * The liability stream consumer's replay (docs/scale.md change 8): fed by its on-failure queue, where Lambda puts only
 * the positions of a batch it gave up on. Each message's range ({@link StreamFailureRecords}) is read back from the
 * table stream and counted by {@link LiabilityReplay} — exactly once, so a replay after a partial count or a second
 * replay counts nothing twice. A range whose end was not readable yet is returned to the queue (retried after the
 * visibility timeout, then the replay dead-letter queue); a range past the stream's retention is parked in that
 * dead-letter queue by the use case and reported ({@link ReplayLog}). A malformed message is returned too, so that
 * it ends in the dead-letter queue rather than vanishing.
 */
@ReadsEnvironment({AppConfig.TABLE_NAME, AppConfig.LIABILITY_REPLAY_DLQ_URL})
public final class LiabilityReplayHandler extends PrimedHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final LiabilityReplay replay;
    private final JsonLogger log;

    /** Lambda entry point. */
    public LiabilityReplayHandler() {
        this(Wiring.liabilityReplay(), JsonLogger.stdout());
        primeBeforeSnapshot();
    }

    public LiabilityReplayHandler(LiabilityReplay replay, JsonLogger log) {
        this.replay = Objects.requireNonNull(replay, "replay");
        this.log = Objects.requireNonNull(log, "log");
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return log.call(context, () -> Batches.messages(event, this::replay));
    }

    private void replay(SQSEvent.SQSMessage message) {
        ReplayLog.report(log, message.getMessageId(), () -> replay.replay(StreamFailureRecords.range(message.getBody())));
    }

    /** SnapStart: a made-up on-failure record read (and a malformed one), the outcomes' logging classes loaded; no port. */
    @Override
    public void prime() {
        EventsWarmUp.streamFailureRecord();
    }
}
