package com.memberpoints.infra.dynamodb;

import static com.memberpoints.infra.dynamodb.LedgerTable.PK;
import static com.memberpoints.infra.dynamodb.LedgerTable.SK;

import com.memberpoints.domain.ledger.JournalEntry;
import com.memberpoints.domain.ledger.LotChange;
import com.memberpoints.domain.ledger.Wallet;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.liability.CutOffs;
import com.memberpoints.domain.liability.LiabilityCounters;
import com.memberpoints.domain.liability.LiabilityTally;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * {@link LiabilityCounters} on the ledger's single table (layout in {@link LedgerTable}):
 *
 * <pre>
 * total      LB#&lt;merchant&gt;#&lt;shard 00..31&gt;   T#&lt;WALLET&gt;                                 amt (number, ADD)
 * bucket     LB#&lt;merchant&gt;#&lt;shard 00..31&gt;   E#&lt;WALLET&gt;#&lt;expiry epoch s, 12 digits&gt;   amt (ADD)
 * marker     Q#&lt;merchant&gt;#&lt;member&gt;   &lt;WALLET&gt;#&lt;operationId&gt;#&lt;part&gt;       (the entry was counted)
 * </pre>
 *
 * One journal entry is counted by one {@code TransactWriteItems}: put its marker (must be absent) and {@code ADD}
 * its change to the total and to one bucket per distinct expiry instant of its lots. A repeat finds the marker and
 * the whole transaction is cancelled, so every entry is counted exactly once. An entry touching more than
 * {@value #BUCKETS_PER_PART} expiry instants is counted in parts, each with its own marker (each part exactly once).
 * Counters are spread over {@value #SHARDS} shards <em>in the partition key</em> (docs/scale.md change 2): the
 * shard is a hash of the entry's member and operation id, so every part of one entry (and every repeat of it) goes
 * to the same shard, and the merchant's counting load is divided by {@value #SHARDS} — no counter partition can
 * become a hot key (1,000 WCU/s per partition). Reads scatter-gather a fixed number of calls whatever the number of
 * members: one {@link #tally} is one {@code BatchGetItem} of the {@value #SHARDS} total items of both wallet kinds and
 * one {@code Query} per shard and wallet kind (from the first bucket to the last cut-off's), all at once.
 */
public final class DynamoDbLiabilityCounters implements LiabilityCounters {

    static final int SHARDS = 32;
    /**
     * Reads of one tally in flight at most: a few round trips instead of one, and about this many connections (the
     * JDK keeps 5 idle per host; 65 at once would open 60 new TLS connections on every report).
     */
    static final int MAX_IN_FLIGHT = 16;
    /** Buckets per transaction: 100 items at most, minus the marker and the total. */
    static final int BUCKETS_PER_PART = 98;
    static final String AMOUNT = "amt";

    private final DynamoDbClient dynamo;
    private final String table;
    private final RetryPolicy retry;

    public DynamoDbLiabilityCounters(DynamoDbClient dynamo, String table) {
        this(dynamo, table, RetryPolicy.standard());
    }

    /** {@code retry}: transaction conflicts with other consumers adding to the same counter item. */
    public DynamoDbLiabilityCounters(DynamoDbClient dynamo, String table, RetryPolicy retry) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.table = Objects.requireNonNull(table, "table");
        this.retry = Objects.requireNonNull(retry, "retry");
    }

    static String partition(MerchantId merchant, int shard) {
        return "LB#" + merchant.value() + "#" + String.format("%02d", shard);
    }

    static String totalSortKey(Wallet wallet) {
        return "T#" + wallet;
    }

    static String bucketPrefix(Wallet wallet) {
        return "E#" + wallet + "#";
    }

    static String bucketSortKey(Wallet wallet, Instant expiresAt) {
        return bucketInstant(wallet, expiresAt);
    }

    /** {@code E#<WALLET>#<epoch s, 12 digits>}: fixed width, so buckets sort by instant. */
    private static String bucketInstant(Wallet wallet, Instant expiresAt) {
        return bucketPrefix(wallet) + String.format("%012d", expiresAt.getEpochSecond());
    }

    /** Deterministic per entry: the same entry (every part, every repeat) always lands on the same shard. */
    static int shard(JournalEntry entry) {
        return Shards.of(entry.wallet().member().value() + "|" + entry.operationId().value(), SHARDS);
    }

    @Override
    public boolean record(JournalEntry entry) {
        TreeMap<Instant, Long> byExpiry = new TreeMap<>();
        for (LotChange change : entry.lots()) {
            change.expiresAt().ifPresent(at -> byExpiry.merge(at, change.delta(), Long::sum));
        }
        byExpiry.values().removeIf(v -> v == 0);
        List<Map.Entry<Instant, Long>> buckets = new ArrayList<>(byExpiry.entrySet());
        boolean any = false;
        int part = 0;
        int from = 0;
        do {
            int size = part == 0 ? BUCKETS_PER_PART - 1 : BUCKETS_PER_PART;
            List<Map.Entry<Instant, Long>> slice = buckets.subList(from, Math.min(buckets.size(), from + size));
            any |= recordPart(entry, part, part == 0, slice);
            from += slice.size();
            part++;
        } while (from < buckets.size());
        return any;
    }

    /** Items of one {@code TransactWriteItems} (DynamoDB's limit). */
    static final int MAX_ITEMS = 100;

    /**
     * Counts many entries in few transactions (a stream batch): each transaction puts the marker of every entry in
     * its group (must be absent, the same marker {@link #record} writes, part 0) and {@code ADD}s the group's changes,
     * summed per counter item, to one shard's total and buckets. All or nothing: a group's entries are counted
     * together or not at all, so a crash between transactions leaves every entry either counted with its marker or
     * neither. When markers already exist (a replay, in any grouping) the cancellation names them: those entries are
     * dropped as counted before and the rest of the group is written again. An entry with more than
     * {@value #BUCKETS_PER_PART}-1 expiry instants goes through {@link #record} (its parts). Cost: 2 WCU per marker
     * plus 2 per distinct counter item of the group, instead of 2 per marker and per counter item of every entry.
     */
    @Override
    public List<Boolean> recordAll(List<JournalEntry> entries) {
        Boolean[] out = new Boolean[entries.size()];
        List<Integer> group = new ArrayList<>();
        java.util.Set<String> markers = new java.util.HashSet<>();
        java.util.Set<String> counters = new java.util.HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            JournalEntry entry = entries.get(i);
            List<String> keys = counterKeys(entry);
            if (keys.size() > BUCKETS_PER_PART) {
                flush(entries, group, out);
                markers.clear();
                counters.clear();
                out[i] = record(entry);
                continue;
            }
            String marker = markerPartition(entry) + "|" + markerSortKey(entry, 0);
            if (markers.contains(marker)) {
                out[i] = Boolean.FALSE; // the same entry earlier in this group
                continue;
            }
            long added = keys.stream().filter(k -> !counters.contains(k)).count();
            if (markers.size() + counters.size() + 1 + added > MAX_ITEMS) {
                flush(entries, group, out);
                markers.clear();
                counters.clear();
            }
            markers.add(marker);
            counters.addAll(keys);
            group.add(i);
        }
        flush(entries, group, out);
        for (int i = 0; i < out.length; i++) {
            if (out[i] == null) {
                out[i] = Boolean.FALSE; // a repeat of an entry of an earlier group of this call
            }
        }
        return List.of(out);
    }

    /** Merchant + sort key of every counter item the entry changes (its total and its buckets). */
    private static List<String> counterKeys(JournalEntry entry) {
        List<String> keys = new ArrayList<>();
        Wallet wallet = entry.wallet().wallet();
        String merchant = entry.wallet().merchant().value() + "|";
        if (entry.delta() != 0) {
            keys.add(merchant + totalSortKey(wallet));
        }
        for (Map.Entry<Instant, Long> bucket : byExpiry(entry).entrySet()) {
            keys.add(merchant + bucketSortKey(wallet, bucket.getKey()));
        }
        return keys;
    }

    private static TreeMap<Instant, Long> byExpiry(JournalEntry entry) {
        TreeMap<Instant, Long> byExpiry = new TreeMap<>();
        for (LotChange change : entry.lots()) {
            change.expiresAt().ifPresent(at -> byExpiry.merge(at, change.delta(), Long::sum));
        }
        byExpiry.values().removeIf(v -> v == 0);
        return byExpiry;
    }

    /** Writes one group (entry indexes; cleared after), setting each entry's answer; a repeat in it is answered false. */
    private void flush(List<JournalEntry> entries, List<Integer> group, Boolean[] out) {
        List<Integer> pending = new ArrayList<>();
        for (int i : group) {
            if (out[i] == null) {
                pending.add(i);
            }
        }
        group.clear();
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            List<TransactWriteItem> items = new ArrayList<>();
            for (int i : pending) {
                items.add(marker(entries.get(i), 0));
            }
            // The group's changes summed per counter item; each merchant's on the shard of its first entry in the group
            // (reads sum every shard, so which shard holds a change does not matter).
            Map<MerchantId, String> shardOf = new java.util.HashMap<>();
            TreeMap<String, TreeMap<String, Long>> sums = new TreeMap<>();
            for (int i : pending) {
                JournalEntry e = entries.get(i);
                Wallet wallet = e.wallet().wallet();
                String pk = shardOf.computeIfAbsent(e.wallet().merchant(), m -> partition(m, shard(e)));
                TreeMap<String, Long> bySk = sums.computeIfAbsent(pk, k -> new TreeMap<>());
                if (e.delta() != 0) {
                    bySk.merge(totalSortKey(wallet), e.delta(), Long::sum);
                }
                byExpiry(e).forEach((at, delta) -> bySk.merge(bucketSortKey(wallet, at), delta, Long::sum));
            }
            sums.forEach((pk, bySk) -> bySk.forEach((sk, amount) -> {
                if (amount != 0) {
                    items.add(add(pk, sk, amount));
                }
            }));
            try {
                dynamo.transactWriteItems(r -> r.transactItems(items));
                for (int i : pending) {
                    out[i] = Boolean.TRUE;
                }
                return;
            } catch (TransactionCanceledException e) {
                List<CancellationReason> reasons = e.cancellationReasons() == null ? List.of() : e.cancellationReasons();
                List<Integer> rest = new ArrayList<>();
                for (int k = 0; k < pending.size(); k++) {
                    if (k < reasons.size() && "ConditionalCheckFailed".equals(reasons.get(k).code())) {
                        out[pending.get(k)] = Boolean.FALSE; // counted before: its marker exists
                    } else {
                        rest.add(pending.get(k));
                    }
                }
                boolean conflict = reasons.stream().anyMatch(r -> "TransactionConflict".equals(r.code()));
                if (rest.size() == pending.size() && (!conflict || attempt >= retry.maxAttempts())) {
                    throw new LiabilityCountersException("DynamoDB cancelled counting " + pending.size()
                            + " entries: " + reasons.stream().map(CancellationReason::code).distinct().toList(), e);
                }
                if (rest.size() == pending.size()) {
                    retry.pause(attempt); // another consumer is adding to the same counter: back off, try again
                }
                pending = rest;
            } catch (SdkException e) {
                throw new LiabilityCountersException("DynamoDB failed counting " + pending.size() + " entries: "
                        + e.getClass().getSimpleName(), e);
            }
        }
    }

    private static String markerPartition(JournalEntry entry) {
        return "Q#" + entry.wallet().merchant().value() + "#" + entry.wallet().member().value();
    }

    private static String markerSortKey(JournalEntry entry, int part) {
        return entry.wallet().wallet() + "#" + entry.operationId().value() + "#" + part;
    }

    /** The marker put of one part of an entry: must be absent (the entry's part was not counted before). */
    private TransactWriteItem marker(JournalEntry entry, int part) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table)
                .item(Map.of(PK, s(markerPartition(entry)), SK, s(markerSortKey(entry, part))))
                .conditionExpression("attribute_not_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", PK)).build()).build();
    }

    private boolean recordPart(JournalEntry entry, int part, boolean withTotal, List<Map.Entry<Instant, Long>> slice) {
        MerchantId merchant = entry.wallet().merchant();
        Wallet wallet = entry.wallet().wallet();
        int shard = shard(entry);
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(marker(entry, part));
        if (withTotal && entry.delta() != 0) {
            items.add(add(partition(merchant, shard), totalSortKey(wallet), entry.delta()));
        }
        for (Map.Entry<Instant, Long> bucket : slice) {
            items.add(add(partition(merchant, shard), bucketSortKey(wallet, bucket.getKey()), bucket.getValue()));
        }
        for (int attempt = 1; ; attempt++) {
            try {
                dynamo.transactWriteItems(r -> r.transactItems(items));
                return true;
            } catch (TransactionCanceledException e) {
                List<CancellationReason> reasons = e.cancellationReasons() == null ? List.of() : e.cancellationReasons();
                if (!reasons.isEmpty() && "ConditionalCheckFailed".equals(reasons.getFirst().code())) {
                    return false; // counted before
                }
                boolean conflict = reasons.stream().anyMatch(r -> "TransactionConflict".equals(r.code()));
                if (!conflict || attempt >= retry.maxAttempts()) {
                    throw new LiabilityCountersException("DynamoDB cancelled counting " + entry.operationId().value()
                            + ": " + reasons.stream().map(CancellationReason::code).toList(), e);
                }
                // another consumer is adding to the same counter: back off and try again
                retry.pause(attempt);
            } catch (SdkException e) {
                throw new LiabilityCountersException("DynamoDB failed counting " + entry.operationId().value() + ": "
                        + e.getClass().getSimpleName(), e);
            }
        }
    }

    private TransactWriteItem add(String pk, String sk, long amount) {
        return TransactWriteItem.builder().update(Update.builder().tableName(table)
                .key(Map.of(PK, s(pk), SK, s(sk)))
                .updateExpression("ADD #amt :d")
                .expressionAttributeNames(Map.of("#amt", AMOUNT))
                .expressionAttributeValues(Map.of(":d", AttributeValue.fromN(Long.toString(amount)))).build()).build();
    }

    /**
     * One pass: the {@value #SHARDS} totals of both wallet kinds in one {@code BatchGetItem}, and per shard and wallet
     * kind one {@code Query} (paged) of the buckets from the first to the last cut-off's, each item added to the first
     * cut-off at or after its expiry second (its sort key) and summed up the cut-offs after. The calls run
     * concurrently, one virtual thread each, at most {@value #MAX_IN_FLIGHT} at once: a report costs a few round
     * trips, not one per call.
     */
    @Override
    public LiabilityTally tally(MerchantId merchant, CutOffs cutOffs) {
        Objects.requireNonNull(merchant, "merchant");
        Objects.requireNonNull(cutOffs, "cutOffs");
        long[] seconds = cutOffs.instants().stream().mapToLong(Instant::getEpochSecond).toArray();
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        Semaphore slots = new Semaphore(MAX_IN_FLIGHT);
        try (threads) {
            Future<Map<Wallet, Long>> totals = threads.submit(() -> bounded(slots, () -> totals(merchant)));
            Map<Wallet, List<Future<long[]>>> buckets = new EnumMap<>(Wallet.class);
            for (Wallet wallet : Wallet.values()) {
                List<Future<long[]>> shards = new ArrayList<>(SHARDS);
                for (int shard = 0; shard < SHARDS && seconds.length > 0; shard++) {
                    int s = shard;
                    shards.add(threads.submit(() -> bounded(slots, () -> bucketsUpTo(merchant, s, wallet, seconds))));
                }
                buckets.put(wallet, shards);
            }
            Map<Wallet, Long> total = result(totals, threads);
            Map<Wallet, LiabilityTally.Counts> counts = new EnumMap<>(Wallet.class);
            for (Wallet wallet : Wallet.values()) {
                long[] upTo = new long[seconds.length];
                for (Future<long[]> shard : buckets.get(wallet)) {
                    long[] part = result(shard, threads);
                    for (int i = 0; i < upTo.length; i++) {
                        upTo[i] = Math.addExact(upTo[i], part[i]);
                    }
                }
                for (int i = 1; i < upTo.length; i++) {
                    upTo[i] = Math.addExact(upTo[i], upTo[i - 1]); // each cut-off includes the ones before
                }
                counts.put(wallet, new LiabilityTally.Counts(total.get(wallet),
                        java.util.Arrays.stream(upTo).boxed().toList()));
            }
            return new LiabilityTally(cutOffs, counts.get(Wallet.POINTS), counts.get(Wallet.CREDITS));
        } catch (ArithmeticException e) {
            throw new LiabilityCountersException("liability counters overflow a long", e);
        }
    }

    /** {@code read} once one of {@code slots} is free. */
    private static <T> T bounded(Semaphore slots, Callable<T> read) throws Exception {
        slots.acquire();
        try {
            return read.call();
        } finally {
            slots.release();
        }
    }

    /** Both wallet kinds' totals: one {@code BatchGetItem} of every shard's total items. */
    private Map<Wallet, Long> totals(MerchantId merchant) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        Map<String, Wallet> bySortKey = new java.util.HashMap<>();
        for (Wallet wallet : Wallet.values()) {
            bySortKey.put(totalSortKey(wallet), wallet);
            for (int shard = 0; shard < SHARDS; shard++) {
                keys.add(Map.of(PK, s(partition(merchant, shard)), SK, s(totalSortKey(wallet))));
            }
        }
        Map<Wallet, Long> totals = new EnumMap<>(Wallet.class);
        for (Wallet wallet : Wallet.values()) {
            totals.put(wallet, 0L);
        }
        try {
            for (Map<String, AttributeValue> item : Shards.readAll(dynamo, table, keys)) {
                Wallet wallet = bySortKey.get(item.get(SK).s());
                totals.put(wallet, Math.addExact(totals.get(wallet), amount(item)));
            }
        } catch (SdkException | IllegalStateException | NumberFormatException | ArithmeticException e) {
            throw new LiabilityCountersException("DynamoDB failed reading totals: " + e.getClass().getSimpleName()
                    + (e instanceof IllegalStateException ? " (" + e.getMessage() + ")" : ""), e);
        }
        return totals;
    }

    /**
     * One shard's buckets of one wallet kind up to the last cut-off ({@code seconds}, ascending epoch seconds):
     * element {@code i} sums the buckets after cut-off {@code i - 1} and at or before cut-off {@code i}.
     */
    private long[] bucketsUpTo(MerchantId merchant, int shard, Wallet wallet, long[] seconds) {
        long[] sums = new long[seconds.length];
        String prefix = bucketPrefix(wallet);
        QueryRequest.Builder query = QueryRequest.builder().tableName(table)
                .consistentRead(true)
                .keyConditionExpression("#pk = :pk AND #sk BETWEEN :from AND :to")
                .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK))
                .expressionAttributeValues(Map.of(":pk", s(partition(merchant, shard)), ":from", s(prefix),
                        ":to", s(bucketInstant(wallet, Instant.ofEpochSecond(seconds[seconds.length - 1])))));
        Map<String, AttributeValue> start = null;
        try {
            do {
                QueryResponse page = dynamo.query(start == null ? query.build() : query.exclusiveStartKey(start).build());
                for (Map<String, AttributeValue> item : page.items()) {
                    long second = Long.parseLong(item.get(SK).s().substring(prefix.length()));
                    int i = firstAtOrAfter(seconds, second);
                    if (i == seconds.length) {
                        throw new LiabilityCountersException("counter item outside the range read " + item.get(SK), null);
                    }
                    sums[i] = Math.addExact(sums[i], amount(item));
                }
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            } while (start != null);
        } catch (SdkException | NumberFormatException | ArithmeticException e) {
            throw new LiabilityCountersException("DynamoDB failed reading expiry buckets: "
                    + e.getClass().getSimpleName(), e);
        }
        return sums;
    }

    /** The first index of {@code ascending} whose value is at least {@code value} ({@code length} if none). */
    static int firstAtOrAfter(long[] ascending, long value) {
        int lo = 0;
        int hi = ascending.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ascending[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * A concurrent read's answer; when it failed, the other reads are stopped and its failure is rethrown as a
     * {@link LiabilityCountersException} (as thrown when it is one; the library's message never leaks).
     */
    private static <T> T result(Future<T> read, ExecutorService threads) {
        try {
            return read.get();
        } catch (ExecutionException e) {
            threads.shutdownNow();
            if (e.getCause() instanceof LiabilityCountersException failure) {
                throw failure;
            }
            throw new LiabilityCountersException("reading the liability counters failed: "
                    + e.getCause().getClass().getSimpleName(), e.getCause());
        } catch (InterruptedException e) {
            threads.shutdownNow();
            Thread.currentThread().interrupt();
            throw new LiabilityCountersException("interrupted while reading the liability counters", e);
        }
    }

    private static long amount(Map<String, AttributeValue> item) {
        AttributeValue v = item.get(AMOUNT);
        if (v == null || v.n() == null) {
            throw new LiabilityCountersException("corrupt counter item " + item.get(SK), null);
        }
        return Long.parseLong(v.n());
    }

    private static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }
}
