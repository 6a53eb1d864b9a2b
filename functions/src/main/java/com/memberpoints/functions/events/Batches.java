package com.memberpoints.functions.events;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.memberpoints.domain.ledger.JournalEntry;
import com.memberpoints.domain.notify.ExpiryReminder;
import com.memberpoints.functions.platform.log.JsonLogger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The partial-failure loop of the batch functions, written once: a batch handler only says what to do with one
 * record, and a record whose work throws is reported back in {@code batchItemFailures}.
 *
 * <ul>
 *   <li>DynamoDB stream ({@link #journalEntries}): records are ordered, so Lambda retries from the first failed
 *       record on; the records after it are not touched in this invocation (they are in that retry). Only
 *       journal-entry INSERTs reach the action ({@link LedgerStreamCodec}); the rest is skipped.</li>
 *   <li>SQS ({@link #messages}): messages are independent; each failed message is reported, the others are done.</li>
 * </ul>
 */
public final class Batches {
    private Batches() {}

    /**
     * Runs {@code each} on the journal entry of every ledger-stream record in order, stopping at the first failure;
     * {@code work} names the work in the failure log line ("notification dispatch", ...).
     */
    public static StreamsEventResponse journalEntries(DynamodbEvent event, JsonLogger log, String work,
                                                      Consumer<JournalEntry> each) {
        List<DynamodbEvent.DynamodbStreamRecord> records = event == null || event.getRecords() == null
                ? List.of() : event.getRecords();
        for (DynamodbEvent.DynamodbStreamRecord record : records) {
            String sequence = record.getDynamodb() == null ? null : record.getDynamodb().getSequenceNumber();
            try {
                LedgerStreamCodec.journalEntry(record).ifPresent(each);
            } catch (RuntimeException e) {
                log.error(work + " failed; the stream will retry from this record",
                        Map.of("sequenceNumber", String.valueOf(sequence)), e);
                return new StreamsEventResponse(List.of(new StreamsEventResponse.BatchItemFailure(sequence)));
            }
        }
        return new StreamsEventResponse(List.of());
    }

    /**
     * As {@link #journalEntries}, but the journal entries of the whole batch go to {@code all} in one call first (work
     * that is cheaper done together, e.g. liability counting); when decoding or {@code all} throws, the records are run
     * one by one through {@code each} exactly as {@link #journalEntries} runs them, so the record reported is the one
     * that fails. Both must be idempotent per entry (what {@code all} did before it threw is a repeat for {@code each}).
     */
    public static StreamsEventResponse journalEntriesTogether(DynamodbEvent event, JsonLogger log, String work,
                                                              Consumer<List<JournalEntry>> all,
                                                              Consumer<JournalEntry> each) {
        List<DynamodbEvent.DynamodbStreamRecord> records = event == null || event.getRecords() == null
                ? List.of() : event.getRecords();
        try {
            List<JournalEntry> entries = new ArrayList<>(records.size());
            for (DynamodbEvent.DynamodbStreamRecord record : records) {
                LedgerStreamCodec.journalEntry(record).ifPresent(entries::add);
            }
            all.accept(entries);
            return new StreamsEventResponse(List.of());
        } catch (RuntimeException e) {
            log.warn(work + " of the batch failed; running its records one by one",
                    Map.of("records", String.valueOf(records.size()), "error", e.getClass().getSimpleName()));
            return journalEntries(event, log, work, each);
        }
    }

    /**
     * As {@link #journalEntries}, and also runs {@code eachReminder} on every expiry-reminder marker INSERT (the
     * notification dispatcher's second kind of outbox entry), in stream order, stopping at the first failure.
     */
    public static StreamsEventResponse journalEntriesAndReminders(DynamodbEvent event, JsonLogger log, String work,
                                                                  Consumer<JournalEntry> each,
                                                                  Consumer<ExpiryReminder> eachReminder) {
        List<DynamodbEvent.DynamodbStreamRecord> records = event == null || event.getRecords() == null
                ? List.of() : event.getRecords();
        for (DynamodbEvent.DynamodbStreamRecord record : records) {
            String sequence = record.getDynamodb() == null ? null : record.getDynamodb().getSequenceNumber();
            try {
                LedgerStreamCodec.journalEntry(record).ifPresent(each);
                LedgerStreamCodec.expiryReminder(record).ifPresent(eachReminder);
            } catch (RuntimeException e) {
                log.error(work + " failed; the stream will retry from this record",
                        Map.of("sequenceNumber", String.valueOf(sequence)), e);
                return new StreamsEventResponse(List.of(new StreamsEventResponse.BatchItemFailure(sequence)));
            }
        }
        return new StreamsEventResponse(List.of());
    }

    /** Runs {@code each} on every SQS message; a message whose work throws is reported for redelivery. */
    public static SQSBatchResponse messages(SQSEvent event, Consumer<SQSEvent.SQSMessage> each) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        List<SQSEvent.SQSMessage> records = event == null || event.getRecords() == null ? List.of() : event.getRecords();
        for (SQSEvent.SQSMessage m : records) {
            try {
                each.accept(m);
            } catch (RuntimeException e) {
                failures.add(SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(m.getMessageId()).build());
            }
        }
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }
}
