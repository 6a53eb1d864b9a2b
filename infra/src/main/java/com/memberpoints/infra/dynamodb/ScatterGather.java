package com.memberpoints.infra.dynamodb;

import static com.memberpoints.infra.dynamodb.LedgerTable.PK;
import static com.memberpoints.infra.dynamodb.LedgerTable.SK;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Scatter-gather read of a write-sharded index (docs/scale.md change 3): the same sort-key range is queried in
 * every part (one partition-key value each: the write shards, plus the unsharded key of items written before
 * sharding) and the parts are merged by the index's sort order into one page.
 *
 * <p><b>One position, not one per part.</b> Every part is ordered by the same key — index sort key, then the
 * table's {@code pk}, {@code sk} — and a page emits, in that order, every entry of every part up to its last one
 * (a part is only passed once each of the others has shown an entry at or beyond it, or is exhausted). So after a
 * page, every part has been consumed exactly up to the same {@link Position}: the last entry emitted. That one
 * position is the cursor: each part resumes after it ({@code ExclusiveStartKey}, which need not be an existing
 * item). Like an unsharded index cursor it is a place in the order, not an entry: entries added or removed before
 * or after it do not invalidate it, a walk reads each position once and never goes back. (A position per part
 * would say nothing more, and 17 of them do not fit {@code PageRequest.MAX_CURSOR_LENGTH} for long keys.)
 *
 * <p><b>Reads.</b> Each part is read lazily, about {@code remaining / active parts + 1} entries at a time, and
 * refilled only when its buffer runs dry before the page is full; the parts read in one round are read concurrently
 * (virtual threads), so a page costs about one round trip plus refills, not one per part; an entry read but not emitted (the look-ahead
 * that tells a part is not finished) is read again by the next page. A page's last call tells exactly whether
 * anything follows: no cursor on the last page. An entry seen in two parts at once (a GSI moving an item from
 * the unsharded key to its shard) is emitted once.
 */
final class ScatterGather {
    private ScatterGather() {}

    /** An index entry's place in the merged order: index sort key, then the table's key. */
    record Position(String indexSk, String pk, String sk) implements Comparable<Position> {
        Position {
            Objects.requireNonNull(indexSk, "indexSk");
            Objects.requireNonNull(pk, "pk");
            Objects.requireNonNull(sk, "sk");
        }

        /** DynamoDB's order: strings by their UTF-8 bytes, unsigned. */
        static final Comparator<Position> ORDER = Comparator
                .comparing(Position::indexSk, ScatterGather::compareUtf8)
                .thenComparing(Position::pk, ScatterGather::compareUtf8)
                .thenComparing(Position::sk, ScatterGather::compareUtf8);

        @Override
        public int compareTo(Position other) {
            return ORDER.compare(this, other);
        }
    }

    /** What one read of one part returned: entries in order, and whether the part may hold more after them. */
    record Chunk<T>(List<T> entries, boolean more) {
        Chunk {
            entries = List.copyOf(entries);
        }
    }

    /** Reads up to {@code limit} entries of one part, after {@code after} (exclusive) or from the start. */
    @FunctionalInterface
    interface PartReader<T> {
        Chunk<T> read(String part, Optional<Position> after, int limit);
    }

    /** A merged page: entries in order, and the position to resume after when more follow. */
    record Gathered<T>(List<T> entries, Optional<Position> next) {
        Gathered {
            entries = List.copyOf(entries);
        }
    }

    /**
     * The first {@code limit} entries after {@code after}, merged over {@code parts} (pure logic: the reads are
     * {@code reader}'s).
     */
    static <T> Gathered<T> gather(List<String> parts, Optional<Position> after, int limit, PartReader<T> reader,
                                  Function<T, Position> position) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        int n = parts.size();
        List<ArrayDeque<T>> buffers = new ArrayList<>(n);
        List<Optional<Position>> readFrom = new ArrayList<>(n);
        boolean[] more = new boolean[n];
        for (int i = 0; i < n; i++) {
            buffers.add(new ArrayDeque<>());
            readFrom.add(after);
            more[i] = true;
        }
        List<T> out = new ArrayList<>();
        Position last = after.orElse(null);
        while (out.size() < limit) {
            int remaining = limit - out.size();
            int active = 0;
            for (int i = 0; i < n; i++) {
                active += more[i] || !buffers.get(i).isEmpty() ? 1 : 0;
            }
            // every part that may still hold an entry needs its next one before the smallest can be chosen
            int want = Math.min(remaining + 1, Math.ceilDiv(remaining, Math.max(1, active)) + 1);
            for (List<Integer> dry = dry(buffers, more); !dry.isEmpty(); dry = dry(buffers, more)) {
                fill(dry, parts, buffers, readFrom, more, want, reader, position);
            }
            int best = -1;
            for (int i = 0; i < n; i++) {
                if (!buffers.get(i).isEmpty() && (best < 0
                        || position.apply(buffers.get(i).peekFirst())
                                .compareTo(position.apply(buffers.get(best).peekFirst())) < 0)) {
                    best = i;
                }
            }
            if (best < 0) {
                break; // every part exhausted
            }
            T entry = buffers.get(best).pollFirst();
            Position p = position.apply(entry);
            if (last != null && p.compareTo(last) <= 0) {
                continue; // the same entry seen in a second part (or behind the cursor): emitted once
            }
            out.add(entry);
            last = p;
        }
        Position end = last;
        // an entry at or before the last one emitted (the same entry seen in a second part) says nothing about what
        // follows, and a buffer holding only such an entry must not hide that its part was read to its limit
        for (ArrayDeque<T> buffer : buffers) {
            while (end != null && !buffer.isEmpty() && position.apply(buffer.peekFirst()).compareTo(end) <= 0) {
                buffer.pollFirst();
            }
        }
        boolean follows = end != null && buffers.stream().anyMatch(b -> !b.isEmpty());
        // parts read to their limit with nothing left in their buffer: one entry each tells whether they go on
        for (List<Integer> dry = dry(buffers, more); !follows && !out.isEmpty() && !dry.isEmpty();
                dry = dry(buffers, more)) {
            fill(dry, parts, buffers, readFrom, more, 1, reader, position);
            follows = dry.stream().anyMatch(i -> !buffers.get(i).isEmpty());
        }
        return new Gathered<>(out, follows && !out.isEmpty() ? Optional.of(position.apply(out.getLast()))
                : Optional.empty());
    }

    /** Parts with an empty buffer that may still hold entries. */
    private static <T> List<Integer> dry(List<ArrayDeque<T>> buffers, boolean[] more) {
        List<Integer> dry = new ArrayList<>();
        for (int i = 0; i < buffers.size(); i++) {
            if (buffers.get(i).isEmpty() && more[i]) {
                dry.add(i);
            }
        }
        return dry;
    }

    /**
     * Reads the next {@code want} entries of each of {@code which}: concurrently when there are several (one virtual
     * thread each, so a scatter-gather page costs about one round trip, not one per part), applied in part order.
     */
    private static <T> void fill(List<Integer> which, List<String> parts, List<ArrayDeque<T>> buffers,
                                 List<Optional<Position>> readFrom, boolean[] more, int want, PartReader<T> reader,
                                 Function<T, Position> position) {
        List<Chunk<T>> chunks = new ArrayList<>(which.size());
        if (which.size() == 1) {
            int i = which.getFirst();
            chunks.add(reader.read(parts.get(i), readFrom.get(i), want));
        } else {
            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<Chunk<T>>> reads = new ArrayList<>(which.size());
                for (int i : which) {
                    String part = parts.get(i);
                    Optional<Position> from = readFrom.get(i);
                    reads.add(threads.submit(() -> reader.read(part, from, want)));
                }
                for (Future<Chunk<T>> read : reads) {
                    chunks.add(result(read));
                }
            }
        }
        for (int k = 0; k < which.size(); k++) {
            int i = which.get(k);
            Chunk<T> chunk = chunks.get(k);
            buffers.get(i).addAll(chunk.entries());
            if (!chunk.entries().isEmpty()) {
                readFrom.set(i, Optional.of(position.apply(chunk.entries().getLast())));
            }
            more[i] = chunk.more();
        }
    }

    /** A concurrent read's result; its failure rethrown as it was thrown (an SDK exception stays one). */
    private static <C> C result(Future<C> read) {
        try {
            return read.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading an index part", e);
        }
    }

    /** How a sharded KEYS_ONLY index is queried: its name, key attributes and the sort-key condition. */
    record Index(String name, String pkAttribute, String skAttribute) {}

    /**
     * {@link #gather} over DynamoDB: one {@code Query} per part read, on {@code index}, with {@code skCondition}
     * (e.g. {@code "#s BETWEEN :lo AND :hi"}, {@code #s} being the index sort key) and its values; each part is
     * {@code #p = <part>}. Returns the keys-only items.
     */
    static Gathered<Map<String, AttributeValue>> query(DynamoDbClient dynamo, String table, Index index,
                                                      List<String> parts, String skCondition,
                                                      Map<String, AttributeValue> skValues, Optional<Position> after,
                                                      int limit) {
        Function<Map<String, AttributeValue>, Position> position = item -> new Position(
                item.get(index.skAttribute()).s(), item.get(PK).s(), item.get(SK).s());
        PartReader<Map<String, AttributeValue>> reader = (part, from, want) -> {
            Map<String, AttributeValue> values = new HashMap<>(skValues);
            values.put(":p", AttributeValue.fromS(part));
            QueryRequest.Builder q = QueryRequest.builder().tableName(table).indexName(index.name())
                    .keyConditionExpression("#p = :p AND " + skCondition)
                    .expressionAttributeNames(Map.of("#p", index.pkAttribute(), "#s", index.skAttribute()))
                    .expressionAttributeValues(values)
                    .scanIndexForward(true)
                    .limit(want);
            from.ifPresent(p -> q.exclusiveStartKey(Map.of(index.pkAttribute(), AttributeValue.fromS(part),
                    index.skAttribute(), AttributeValue.fromS(p.indexSk()), PK, AttributeValue.fromS(p.pk()),
                    SK, AttributeValue.fromS(p.sk()))));
            QueryResponse response = dynamo.query(q.build());
            boolean more = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty();
            return new Chunk<>(response.items(), more);
        };
        return gather(parts, after, limit, reader, position);
    }

    static int compareUtf8(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
