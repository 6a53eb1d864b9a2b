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
 *   <li>anything else: no fact ({@link #IMAGE_READERS}: the expiry reminders' "reminder sent" marker, issue 12 item 2,
 *       joins there as {@link IntegrationFact.ReminderSent}).</li>
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

    /** Reads one kind of non-journal item from a stream record's new image (empty: not that kind of item). */
    @FunctionalInterface
    interface ImageReader {
        Optional<IntegrationFact> read(Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> image,
                                       Instant recordCreated);
    }

    /**
     * The readers of non-journal items, tried in order. The expiry reminders' "reminder sent" marker joins here with one
     * line, {@code (image, at) -> <its store>.reminderSentOf(image).map(IntegrationFact.ReminderSent::new)}, and one
     * filter pattern on the mapping in template.yaml (docs/decisions.md "12.1 Integration events").
     */
    static final List<ImageReader> IMAGE_READERS = List.of(IntegrationStream::completedBulkJob,
            IntegrationStream::reminderSent);

    /** An expiry-reminder marker (issue 12.2): the reminder was decided and sent once for that wallet and instant. */
    private static Optional<IntegrationFact> reminderSent(
            Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> image, Instant recordCreated) {
        return com.memberpoints.infra.dynamodb.DynamoDbExpiryReminderStore.reminderOf(image).map(r ->
                new IntegrationFact.ReminderSent(new com.memberpoints.domain.integration.ExpiryReminderSent(
                        r.wallet().merchant(), r.wallet().member(), r.wallet().wallet(), r.amount(), r.expiresAt(),
                        r.decidedAt())));
    }

    static Optional<IntegrationFact> factOf(DynamodbEvent.DynamodbStreamRecord record) {
        Optional<IntegrationFact> journal = LedgerStreamCodec.journalEntry(record).map(IntegrationFact.Journal::new);
        if (journal.isPresent() || record.getDynamodb() == null || record.getDynamodb().getNewImage() == null
                || "REMOVE".equals(record.getEventName())) {
            return journal;
        }
        var image = StreamImages.toSdk(record.getDynamodb().getNewImage());
        java.util.Date created = record.getDynamodb().getApproximateCreationDateTime();
        Instant at = created == null ? null : Instant.ofEpochMilli(created.getTime());
        for (ImageReader reader : IMAGE_READERS) {
            Optional<IntegrationFact> fact = reader.read(image, at);
            if (fact.isPresent()) {
                return fact;
            }
        }
        return Optional.empty();
    }

    /** A bulk job item whose every chunk is done; completed at the record's creation time. */
    private static Optional<IntegrationFact> completedBulkJob(
            Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> image, Instant recordCreated) {
        Optional<BulkJob> job = DynamoDbBulkJobStore.jobOfImage(image);
        if (job.isEmpty() || job.get().status() != BulkJob.Status.COMPLETED) {
            return Optional.empty();
        }
        if (recordCreated == null) {
            throw new IllegalArgumentException("a stream record without ApproximateCreationDateTime");
        }
        return Optional.of(new IntegrationFact.BulkCompleted(job.get(), recordCreated));
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
