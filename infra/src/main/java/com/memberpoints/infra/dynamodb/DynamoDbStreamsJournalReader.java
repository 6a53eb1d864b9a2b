package com.memberpoints.infra.dynamodb;

import com.memberpoints.domain.ledger.JournalEntry;
import com.memberpoints.domain.ledger.JournalRangeReader;
import com.memberpoints.domain.ledger.StreamRange;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * {@link JournalRangeReader} on DynamoDB Streams: {@code GetShardIterator} at the range's first sequence number, then
 * {@code GetRecords} pages until the record at (or past) the range's last sequence number. Each journal-item INSERT's
 * new image is read by the ledger adapter ({@link DynamoDbLedgerStore#journalEntryOf}) exactly as the stream consumers
 * read it; every other record is skipped.
 *
 * <p>Past retention: {@code TrimmedDataAccessException} (the first record was trimmed: older than 24 h) and
 * {@code ResourceNotFoundException} (the stream or shard no longer exists) mean the records are gone for good —
 * {@link JournalRangeReader.PastRetention}. An expired iterator ({@code ExpiredIteratorException}, 15 min) can only
 * come from this read itself being slow; it is thrown, and a later read of the range gets a fresh iterator.
 * A page with no records means the reader is at the shard's tip: after {@value #EMPTY_PAGES} of them in a row the
 * read ends incomplete (a closed shard ends with no next iterator: complete).
 */
public final class DynamoDbStreamsJournalReader implements JournalRangeReader {
    static final int EMPTY_PAGES = 3;
    private static final int PAGE = 1_000;

    private final DynamoDbStreamsClient streams;

    public DynamoDbStreamsJournalReader(DynamoDbStreamsClient streams) {
        this.streams = Objects.requireNonNull(streams, "streams");
    }

    @Override
    public RangeRead read(StreamRange range) {
        BigInteger last = new BigInteger(range.lastSequence());
        List<JournalEntry> entries = new ArrayList<>();
        try {
            String iterator = streams.getShardIterator(b -> b.streamArn(range.stream()).shardId(range.shard())
                    .shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER)
                    .sequenceNumber(range.firstSequence())).shardIterator();
            int emptyPages = 0;
            while (iterator != null && emptyPages < EMPTY_PAGES) {
                String current = iterator;
                GetRecordsResponse page = streams.getRecords(b -> b.shardIterator(current).limit(PAGE));
                emptyPages = page.records().isEmpty() ? emptyPages + 1 : 0;
                for (Record record : page.records()) {
                    int position = new BigInteger(record.dynamodb().sequenceNumber()).compareTo(last);
                    if (position > 0) {
                        return new Entries(entries, true);
                    }
                    journalEntry(record).ifPresent(entries::add);
                    if (position == 0) {
                        return new Entries(entries, true);
                    }
                }
                iterator = page.nextShardIterator();
            }
            return new Entries(entries, iterator == null);
        } catch (TrimmedDataAccessException e) {
            return new PastRetention("the stream no longer holds the range (trimmed: older than its 24 h retention)");
        } catch (ResourceNotFoundException e) {
            return new PastRetention("the stream or shard no longer exists");
        }
    }

    private static java.util.Optional<JournalEntry> journalEntry(Record record) {
        if (record.eventName() != OperationType.INSERT || !record.dynamodb().hasNewImage()) {
            return java.util.Optional.empty();
        }
        return DynamoDbLedgerStore.journalEntryOf(record.dynamodb().newImage());
    }
}
