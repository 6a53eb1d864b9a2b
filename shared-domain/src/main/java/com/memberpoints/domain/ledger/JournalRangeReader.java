package com.memberpoints.domain.ledger;

import java.util.List;
import java.util.Objects;

/**
 * Reads a range of the ledger's change stream back: the journal entries inserted in it, in stream order (other
 * records of the range — balance updates, other item types — are skipped). Used to replay a batch a stream consumer
 * gave up on.
 */
public interface JournalRangeReader {

    /** The range's journal entries, or why they cannot be read any more. */
    RangeRead read(StreamRange range);

    /** What reading a range found. */
    sealed interface RangeRead {}

    /**
     * The journal entries of the range, in order. {@code complete} is false when the stream ended before the range's
     * last record was reached (the shard is still being written and the tail was not readable yet): the entries read
     * are valid, and reading the range again later finds the rest.
     */
    record Entries(List<JournalEntry> entries, boolean complete) implements RangeRead {
        public Entries {
            entries = List.copyOf(entries);
        }
    }

    /** The range is no longer in the stream (past its retention, or the shard or stream is gone). */
    record PastRetention(String reason) implements RangeRead {
        public PastRetention {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
