package com.memberpoints.functions.events;

import com.memberpoints.functions.platform.ReadsEnvironment;
import com.memberpoints.functions.platform.AppConfig;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.memberpoints.domain.ledger.JournalEntry;
import com.memberpoints.domain.liability.LiabilityCounters;
import com.memberpoints.functions.platform.PrimedHandler;
import com.memberpoints.functions.platform.Wiring;
import com.memberpoints.functions.platform.log.JsonLogger;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Second consumer of the ledger table's DynamoDB stream (NEW_IMAGE; the mapping filters INSERTs of journal items,
 * {@code sk} begins with {@code J#}): adds every journal entry to its merchant's {@link LiabilityCounters}, which
 * the liability report reads. Counting is exactly once per entry (a marker written in the same transaction), so
 * Lambda's retries and duplicate deliveries are harmless. The batch is counted together ({@link
 * LiabilityCounters#recordAll}: few transactions, counters summed per item); if that fails, record by record, and a
 * record whose counting throws is reported in {@code batchItemFailures} and Lambda retries from it. Nothing here writes to the ledger.
 */
@ReadsEnvironment({AppConfig.TABLE_NAME})
public final class LiabilityStreamHandler extends PrimedHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    private final LiabilityCounters counters;
    private final JsonLogger log;

    /** Lambda entry point. */
    public LiabilityStreamHandler() {
        this(Wiring.liabilityCounters(), JsonLogger.stdout());
        primeBeforeSnapshot();
    }

    public LiabilityStreamHandler(LiabilityCounters counters, JsonLogger log) {
        this.counters = Objects.requireNonNull(counters, "counters");
        this.log = Objects.requireNonNull(log, "log");
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        return log.call(context, () -> count(event));
    }

    /** Counts every entry once; the first count of an entry also adds its ledger metrics (EventMetrics). */
    private StreamsEventResponse count(DynamodbEvent event) {
        int[] countedRepeated = new int[2];
        StreamsEventResponse response = Batches.journalEntriesTogether(event, log, "liability counting",
                entries -> tally(entries, counters.recordAll(entries), countedRepeated),
                entry -> tally(List.of(entry), List.of(counters.record(entry)), countedRepeated));
        log.info("liability counters updated", Map.of(
                "records", event == null || event.getRecords() == null ? 0 : event.getRecords().size(),
                "counted", countedRepeated[0], "repeated", countedRepeated[1],
                "failed", response.getBatchItemFailures().size()));
        return response;
    }

    private void tally(List<JournalEntry> entries, List<Boolean> first, int[] countedRepeated) {
        for (int i = 0; i < entries.size(); i++) {
            countedRepeated[first.get(i) ? 0 : 1]++;
            if (first.get(i)) {
                EventMetrics.journalEntry(log, entries.get(i));
            }
        }
    }

    /** SnapStart: a made-up stream record decoded, the request model loaded; no port, nothing logged. */
    @Override
    public void prime() {
        EventsWarmUp.streamRecord();
    }
}
