package com.memberpoints.domain.liability;

import com.memberpoints.domain.ledger.JournalEntry;
import com.memberpoints.domain.ledger.JournalRangeReader;
import com.memberpoints.domain.ledger.StreamRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Replays a range of the ledger stream that the liability consumer gave up on (its on-failure destination holds only
 * the range's positions): reads the range back and records every journal entry in the {@link LiabilityCounters}, as
 * the consumer does. Counting is exactly once per entry, so replaying a range that was partly counted, or replaying
 * it twice, counts nothing twice. A range already past the stream's retention is handed to the
 * {@link UnreplayableRangeQueue} and reported.
 */
public final class LiabilityReplay {

    private final JournalRangeReader stream;
    private final LiabilityCounters counters;
    private final UnreplayableRangeQueue unreplayable;

    public LiabilityReplay(JournalRangeReader stream, LiabilityCounters counters, UnreplayableRangeQueue unreplayable) {
        this.stream = Objects.requireNonNull(stream, "stream");
        this.counters = Objects.requireNonNull(counters, "counters");
        this.unreplayable = Objects.requireNonNull(unreplayable, "unreplayable");
    }

    /** What a replay did. */
    public sealed interface Outcome {
        StreamRange range();
    }

    /**
     * The range's entries were recorded: {@code counted} for the first time (in stream order), {@code repeated}
     * already counted. {@code complete} false: the range's end was not reachable yet; replay it again later.
     */
    public record Replayed(StreamRange range, List<JournalEntry> counted, int repeated, boolean complete)
            implements Outcome {
        public Replayed {
            counted = List.copyOf(counted);
        }
    }

    /** The range is past the stream's retention: nothing counted, the range went to the unreplayable queue. */
    public record PastRetention(StreamRange range, String reason) implements Outcome {}

    public Outcome replay(StreamRange range) {
        Objects.requireNonNull(range, "range");
        return switch (stream.read(range)) {
            case JournalRangeReader.PastRetention gone -> {
                unreplayable.add(range, gone.reason());
                yield new PastRetention(range, gone.reason());
            }
            case JournalRangeReader.Entries read -> {
                List<JournalEntry> counted = new ArrayList<>();
                int repeated = 0;
                for (JournalEntry entry : read.entries()) {
                    if (counters.record(entry)) {
                        counted.add(entry);
                    } else {
                        repeated++;
                    }
                }
                yield new Replayed(range, counted, repeated, read.complete());
            }
        };
    }
}
