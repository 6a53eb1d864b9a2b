package com.memberpoints.functions.events;

import com.memberpoints.domain.model.InvalidInputException;
import com.memberpoints.domain.sweep.ExpiryWalk;
import com.memberpoints.domain.sweep.ExpiryWalker;
import com.memberpoints.functions.platform.log.JsonLogger;
import com.memberpoints.infra.sqs.ExpiryWalkCodec;
import java.util.Map;
import java.util.Objects;

/**
 * One message of the expiry walks queue (issue 16 change 7; reminder walks, change 7b): decoded (a malformed one is logged and dropped: retrying
 * cannot fix it), walked one step, and logged — each line names the merchant, the part, the run instant and whether
 * the message started the walk or continued it, so an incident reads as the walk's story. A failure (a throttled
 * DynamoDB call beyond the SDK's retries) is logged, counted ({@code ExpiryWalksFailed}) and rethrown: SQS redelivers
 * the message and the walk resumes from its cursor. Both kinds of walk count the same {@code ExpiryWalks*} step
 * metrics (the log line's {@code kind} tells them apart); an expiry walk counts {@code LotsExpired}, a reminder walk
 * {@code RemindersDecided} (markers written).
 */
final class ExpiryWalkMessages {
    private final ExpiryWalker walker;

    ExpiryWalkMessages(ExpiryWalker walker) {
        this.walker = Objects.requireNonNull(walker, "walker");
    }

    void deliver(JsonLogger log, String messageId, String body, ExpiryWalker.Budget budget) {
        Map<String, Object> line = EventOutcomes.messageLine(messageId);
        ExpiryWalk walk;
        try {
            walk = ExpiryWalkCodec.decode(body);
        } catch (InvalidInputException e) {
            line.put("problem", "malformed message");
            log.error("expiry walk message dropped", line, e);
            return;
        }
        line.put("kind", walk.kind().name().toLowerCase(java.util.Locale.ROOT));
        line.put("merchantId", walk.merchant().value());
        line.put("part", walk.part());
        line.put("runAt", walk.runAt().toString());
        line.put("resumed", walk.cursor().isPresent());
        long started = System.nanoTime();
        ExpiryWalker.Step step;
        try {
            step = walker.walk(walk, budget);
        } catch (RuntimeException e) {
            line.put("durationMs", (System.nanoTime() - started) / 1_000_000L);
            log.error("expiry walk failed; SQS will redeliver it and the walk resumes from its cursor", line, e);
            log.count("ExpiryWalksFailed", 1);
            throw e;
        }
        line.put("durationMs", (System.nanoTime() - started) / 1_000_000L);
        switch (step) {
            case ExpiryWalker.Step.Finished f -> {
                done(log, line, walk.kind(), f.wallets(), f.expired(), f.notApplicable());
                log.info("expiry walk finished", line);
                log.count("ExpiryWalksFinished", 1);
            }
            case ExpiryWalker.Step.Continued c -> {
                done(log, line, walk.kind(), c.wallets(), c.expired(), c.notApplicable());
                log.info("expiry walk continued; the next part of the walk is queued", line);
                log.count("ExpiryWalksContinued", 1);
            }
            case ExpiryWalker.Step.Superseded s ->
                    log.info("expiry walk dropped: its part is finished or walked by a later run", line);
        }
    }

    private static void done(JsonLogger log, Map<String, Object> line, ExpiryWalk.Kind kind, int wallets, int applied,
                             int notApplicable) {
        line.put("wallets", wallets);
        if (kind == ExpiryWalk.Kind.REMIND) {
            line.put("remindersDecided", applied);
            line.put("alreadyReminded", notApplicable);
            log.count("RemindersDecided", applied);
        } else {
            line.put("lotsExpired", applied);
            line.put("notApplicable", notApplicable);
            log.count("LotsExpired", applied);
        }
    }
}
