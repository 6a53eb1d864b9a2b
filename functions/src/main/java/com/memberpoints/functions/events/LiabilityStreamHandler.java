package com.memberpoints.functions.events;

import com.memberpoints.functions.platform.ReadsEnvironment;
import com.memberpoints.functions.platform.AppConfig;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.memberpoints.domain.ledger.JournalEntry;
import com.memberpoints.domain.liability.LiabilityCounters;
import com.memberpoints.functions.platform.Wiring;
import com.memberpoints.functions.platform.log.JsonLogger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Second consumer of the ledger table's DynamoDB stream (NEW_IMAGE; the mapping filters INSERTs of journal items,
 * {@code sk} begins with {@code J#}): adds every journal entry to its merchant's {@link LiabilityCounters}, which
 * the liability report reads. Counting is exactly once per entry (a marker written in the same transaction), so
 * Lambda's retries and duplicate deliveries are harmless; a record whose counting throws is reported in
 * {@code batchItemFailures} and Lambda retries from it. Nothing here writes to the ledger.
 */
@ReadsEnvironment({AppConfig.TABLE_NAME})
public final class LiabilityStreamHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    private final LiabilityCounters counters;
    private final JsonLogger log;

    /** Lambda entry point. */
    public LiabilityStreamHandler() {
        this(Wiring.liabilityCounters(), JsonLogger.stdout());
    }

    public LiabilityStreamHandler(LiabilityCounters counters, JsonLogger log) {
        this.counters = Objects.requireNonNull(counters, "counters");
        this.log = Objects.requireNonNull(log, "log");
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
        List<DynamodbEvent.DynamodbStreamRecord> records = event.getRecords() == null ? List.of() : event.getRecords();
        int counted = 0;
        int repeated = 0;
        for (DynamodbEvent.DynamodbStreamRecord record : records) {
            String sequence = record.getDynamodb() == null ? null : record.getDynamodb().getSequenceNumber();
            if (!failures.isEmpty()) {
                continue; // Lambda retries from the first failure on
            }
            try {
                Optional<JournalEntry> entry = NotificationDispatcherHandler.journalEntry(record);
                if (entry.isEmpty()) {
                    continue;
                }
                if (counters.record(entry.get())) {
                    counted++;
                } else {
                    repeated++;
                }
            } catch (RuntimeException e) {
                log.error("liability counting failed; the stream will retry from this record",
                        Map.of("sequenceNumber", String.valueOf(sequence)), e);
                failures.add(new StreamsEventResponse.BatchItemFailure(sequence));
            }
        }
        log.info("liability counters updated", Map.of("records", records.size(), "counted", counted,
                "repeated", repeated, "failed", failures.size()));
        return new StreamsEventResponse(failures);
    }
}
