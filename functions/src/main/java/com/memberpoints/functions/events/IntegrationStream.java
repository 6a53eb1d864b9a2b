package com.memberpoints.functions.events;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.memberpoints.domain.bulk.BulkJob;
import com.memberpoints.domain.integration.IntegrationEvents;
import com.memberpoints.domain.integration.IntegrationFact;
import com.memberpoints.functions.platform.log.JsonLogger;
import com.memberpoints.infra.dynamodb.DynamoDbBulkJobStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The integration publisher's reading of a table-stream batch: the facts of its records, in order, each remembering
 * its record's sequence number, and the answer to Lambda (the earliest record not published, so that the stream
 * delivers it and every later record again).
 *
 * <ul>
 *   <li>a journal-entry INSERT ({@link LedgerStreamCodec}) → {@link IntegrationFact.Journal};</li>
 *   <li>a bulk job item ({@code BJ#…}/{@code JOB}, INSERT or MODIFY) whose every chunk is done →
 *       {@link IntegrationFact.BulkCompleted}, completed at the record's {@code ApproximateCreationDateTime} (exactly
 *       one write makes a job complete: the last chunk's);</li>
 *   <li>anything else: no fact. The expiry reminders' "reminder sent" marker (issue 12 item 2) joins here as
 *       {@link IntegrationFact.ReminderSent}, read by the reminder store's image reader.</li>
 * </ul>
 * A record that cannot be read fails the batch from that record on (the records before it are still published).
 */
final class IntegrationStream {
    private final List<IntegrationFact> facts = new ArrayList<>();
    private final List<String> sequences = new ArrayList<>();
    private Optional<String> unreadable = Optional.empty();
    private int records;

    private IntegrationStream() {}

    static IntegrationStream read(DynamodbEvent event, JsonLogger log) {
        IntegrationStream batch = new IntegrationStream();
        List<DynamodbEvent.DynamodbStreamRecord> records = event == null || event.getRecords() == null
                ? List.of() : event.getRecords();
        batch.records = records.size();
        for (DynamodbEvent.DynamodbStreamRecord record : records) {
            String sequence = record.getDynamodb() == null ? "" : String.valueOf(record.getDynamodb().getSequenceNumber());
            try {
                factOf(record).ifPresent(f -> {
                    batch.facts.add(f);
                    batch.sequences.add(sequence);
                });
            } catch (RuntimeException e) {
                log.error("integration events: unreadable stream record; the stream will retry from it",
                        Map.of("sequenceNumber", sequence), e);
                batch.unreadable = Optional.of(sequence);
                break;
            }
        }
        return batch;
    }

    static Optional<IntegrationFact> factOf(DynamodbEvent.DynamodbStreamRecord record) {
        Optional<IntegrationFact> journal = LedgerStreamCodec.journalEntry(record).map(IntegrationFact.Journal::new);
        if (journal.isPresent() || record.getDynamodb() == null || record.getDynamodb().getNewImage() == null
                || "REMOVE".equals(record.getEventName())) {
            return journal;
        }
        Optional<BulkJob> job = DynamoDbBulkJobStore.jobOfImage(StreamImages.toSdk(record.getDynamodb().getNewImage()));
        if (job.isEmpty() || job.get().status() != BulkJob.Status.COMPLETED) {
            return Optional.empty();
        }
        java.util.Date created = record.getDynamodb().getApproximateCreationDateTime();
        if (created == null) {
            throw new IllegalArgumentException("a stream record without ApproximateCreationDateTime");
        }
        return Optional.of(new IntegrationFact.BulkCompleted(job.get(), Instant.ofEpochMilli(created.getTime())));
    }

    List<IntegrationFact> facts() {
        return List.copyOf(facts);
    }

    int records() {
        return records;
    }

    /** The batch-item failure: the earliest record not published (a failed fact, or the unreadable record), if any. */
    StreamsEventResponse response(IntegrationEvents.Report report) {
        Optional<String> first = report.firstFailedFact().isPresent()
                ? Optional.of(sequences.get(report.firstFailedFact().getAsInt())) : unreadable;
        return new StreamsEventResponse(first.map(s -> List.of(new StreamsEventResponse.BatchItemFailure(s)))
                .orElse(List.of()));
    }
}
