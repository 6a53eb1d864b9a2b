package com.memberpoints.functions.events;

import com.memberpoints.domain.ledger.StreamRange;
import com.memberpoints.domain.liability.LiabilityReplay;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import com.memberpoints.functions.platform.log.JsonLogger;

/**
 * What the liability replay says about one on-failure message: its log line, its metrics, and whether the message is
 * done (returns) or goes back to the queue (throws, so {@link Batches#messages} reports it for redelivery).
 * <ul>
 *   <li>replayed: INFO with the counts; {@code LiabilityEntriesReplayed} = entries counted for the first time (each
 *       also adds its ledger metric, as the stream consumer would have); done.</li>
 *   <li>replayed, end not reached: WARN, returned to the queue (the rest is read on a later attempt).</li>
 *   <li>past retention: ERROR naming the stream, shard and sequence range; {@code LiabilityRangesUnreplayable} 1;
 *       done (the use case parked the range in the replay dead-letter queue).</li>
 *   <li>malformed message or a failing read/count: ERROR, returned to the queue.</li>
 * </ul>
 */
final class ReplayLog {
    private ReplayLog() {}

    static void report(JsonLogger log, String messageId, Supplier<LiabilityReplay.Outcome> replay) {
        LiabilityReplay.Outcome outcome;
        try {
            outcome = replay.get();
        } catch (RuntimeException e) {
            log.error("liability replay failed; the message goes back to the queue", Map.of("messageId", messageId), e);
            throw e;
        }
        switch (outcome) {
            case LiabilityReplay.Replayed r -> {
                r.counted().forEach(entry -> EventMetrics.journalEntry(log, entry));
                log.count("LiabilityEntriesReplayed", r.counted().size());
                Map<String, Object> fields = fields(r.range());
                fields.put("counted", r.counted().size());
                fields.put("repeated", r.repeated());
                if (!r.complete()) {
                    log.warn("liability replay did not reach the range's end yet; retried later", fields);
                    throw new IllegalStateException("range end not reached");
                }
                log.info("liability range replayed", fields);
            }
            case LiabilityReplay.PastRetention gone -> {
                log.count("LiabilityRangesUnreplayable", 1);
                Map<String, Object> fields = fields(gone.range());
                fields.put("reason", gone.reason());
                log.error("liability range past the stream's retention: its entries are missing from the liability "
                        + "counters (range parked in the replay dead-letter queue; recovery: docs/observability.md)",
                        fields, null);
            }
        }
    }

    private static Map<String, Object> fields(StreamRange range) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("stream", range.stream());
        fields.put("shard", range.shard());
        fields.put("firstSequence", range.firstSequence());
        fields.put("lastSequence", range.lastSequence());
        return fields;
    }
}
