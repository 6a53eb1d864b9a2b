package com.memberpoints.bench.scale;

import com.memberpoints.bench.capacity.CapacityUnits;
import com.memberpoints.infra.dynamodb.ItemSize;
import com.memberpoints.infra.dynamodb.LedgerTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Records the capacity every DynamoDB call consumes, per partition key (of the table or of an index) and per
 * virtual second, computed from item sizes like {@code CapacityMeter} (DynamoDB Local misreports transactions):
 * a standard write costs 1 WCU per started KB of the larger of the before- and after-image, a transactional one
 * twice that (also when cancelled); an index entry written or removed costs 1 WCU per started KB of the index
 * item (KEYS_ONLY GSIs: key attributes only, nothing when the index key is unchanged; the history LSI projects
 * everything and counts against the table partition). Reads: 1 RCU per started 4 KB, half when eventually
 * consistent. After-images are read back with an unmetered client; committed journal inserts are kept as the
 * table stream would deliver them.
 */
public final class KeyTraffic implements ExecutionInterceptor {
    private record Gsi(String name, String pk, String sk) {}

    private static final List<Gsi> GSIS = List.of(
            new Gsi(LedgerTable.EXPIRY_INDEX, LedgerTable.EXPIRY_PK, LedgerTable.EXPIRY_SK),
            new Gsi(LedgerTable.HOLDS_INDEX, LedgerTable.HOLDS_PK, LedgerTable.HOLDS_SK),
            new Gsi(LedgerTable.DUE_INDEX, LedgerTable.DUE_PK, LedgerTable.DUE_SK),
            new Gsi(LedgerTable.PLACED_INDEX, LedgerTable.PLACED_PK, LedgerTable.PLACED_SK),
            new Gsi(LedgerTable.PENDING_INDEX, LedgerTable.PENDING_PK, LedgerTable.PENDING_SK));
    private static final String PK = LedgerTable.PK;
    private static final String SK = LedgerTable.SK;
    private static final Pattern EQ = Pattern.compile("(#?\\w+)\\s*=\\s*(:\\w+)");

    /** Units of one partition key in one second. */
    public static final class Cell {
        public double wcu;
        public double rcu;
    }

    private final SimClock clock;
    private DynamoDbClient raw;
    private String table;
    private final Map<String, Map<String, AttributeValue>> shadow = new HashMap<>();
    /** "index|pk" → second → units. */
    private final Map<String, TreeMap<Long, Cell>> cells = new HashMap<>();
    private final Map<String, Long> calls = new TreeMap<>();
    private final List<StreamRecord> stream = new ArrayList<>();

    /** A journal insert as the table stream delivers it, with the virtual second it was committed in. */
    public record StreamRecord(long second, Map<String, AttributeValue> newImage) {}
    private boolean recording = true;

    public KeyTraffic(SimClock clock) {
        this.clock = Objects.requireNonNull(clock);
    }

    /** The unmetered client used to read after-images. */
    public void readBackWith(DynamoDbClient unmetered, String tableName) {
        this.raw = unmetered;
        this.table = tableName;
    }

    public synchronized void reset() {
        cells.clear();
        calls.clear();
        stream.clear();
    }

    public synchronized void recording(boolean on) {
        recording = on;
    }

    public synchronized Map<String, TreeMap<Long, Cell>> cells() {
        return cells;
    }

    public synchronized Map<String, Long> calls() {
        return Map.copyOf(calls);
    }

    /** Journal items committed since the last drain, in commit order (the table stream, INSERTs of J# items). */
    public synchronized List<StreamRecord> drainStream() {
        List<StreamRecord> out = List.copyOf(stream);
        stream.clear();
        return out;
    }

    @Override
    public synchronized void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        switch (request) {
            case GetItemRequest get -> {
                Map<String, AttributeValue> item = ((GetItemResponse) context.response()).item();
                long bytes = item == null ? 0 : ItemSize.of(item);
                read("table", get.key().get(PK).s(), CapacityUnits.strongReadUnits(bytes) * factor(get.consistentRead()));
                count("GetItem");
            }
            case QueryRequest query -> {
                QueryResponse r = (QueryResponse) context.response();
                long total = r.items().stream().mapToLong(ItemSize::of).sum();
                String index = query.indexName() == null ? "table" : query.indexName();
                read(index, queryPartition(query), CapacityUnits.strongReadUnits(total) * factor(query.consistentRead()));
                count("Query(" + index + ")");
            }
            case software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest batch -> {
                BatchGetItemResponse r = (BatchGetItemResponse) context.response();
                r.responses().forEach((t, items) -> items.forEach(item -> read("table", item.get(PK).s(),
                        CapacityUnits.strongReadUnits(ItemSize.of(item))
                                * factor(batch.requestItems().get(t).consistentRead()))));
                count("BatchGetItem");
            }
            case PutItemRequest put -> {
                written(put.item(), false);
                count("PutItem");
            }
            case UpdateItemRequest update -> {
                written(update.key(), false);
                count("UpdateItem");
            }
            case DeleteItemRequest delete -> {
                written(delete.key(), false);
                count("DeleteItem");
            }
            case TransactWriteItemsRequest tx -> {
                for (TransactWriteItem item : tx.transactItems()) {
                    if (item.conditionCheck() != null) {
                        chargeFailed(item.conditionCheck().key(), 2);
                    } else {
                        written(keyOf(item), true);
                    }
                }
                count("TransactWriteItems");
            }
            case BatchWriteItemRequest batch -> {
                for (List<WriteRequest> writes : batch.requestItems().values()) {
                    for (WriteRequest w : writes) {
                        written(w.putRequest() != null ? w.putRequest().item() : w.deleteRequest().key(), false);
                    }
                }
                count("BatchWriteItem");
            }
            default -> count(request.getClass().getSimpleName());
        }
        clock.afterCall();
    }

    /** A failed conditional write or a cancelled transaction is still billed, and writes nothing. */
    @Override
    public synchronized void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        switch (context.request()) {
            case PutItemRequest put -> chargeFailed(put.item(), 1);
            case UpdateItemRequest update -> chargeFailed(update.key(), 1);
            case DeleteItemRequest delete -> chargeFailed(delete.key(), 1);
            case TransactWriteItemsRequest tx -> tx.transactItems().forEach(i -> chargeFailed(keyOf(i), 2));
            default -> { }
        }
        count(context.request().getClass().getSimpleName().replace("Request", "") + "(failed)");
        clock.afterCall();
    }

    private static Map<String, AttributeValue> keyOf(TransactWriteItem item) {
        if (item.put() != null) {
            return item.put().item();
        }
        if (item.update() != null) {
            return item.update().key();
        }
        if (item.delete() != null) {
            return item.delete().key();
        }
        return item.conditionCheck().key();
    }

    private void chargeFailed(Map<String, AttributeValue> keyOrItem, int multiplier) {
        Map<String, AttributeValue> before = shadow.get(id(keyOrItem));
        long bytes = Math.max(before == null ? 0 : ItemSize.of(before), ItemSize.of(keyOrItem));
        write("table", keyOrItem.get(PK).s(), multiplier * CapacityUnits.writeUnits(bytes));
    }

    private void written(Map<String, AttributeValue> keyOrItem, boolean transactional) {
        String id = id(keyOrItem);
        Map<String, AttributeValue> key = Map.of(PK, keyOrItem.get(PK), SK, keyOrItem.get(SK));
        Map<String, AttributeValue> before = shadow.get(id);
        Map<String, AttributeValue> after = raw.getItem(b -> b.tableName(table).key(key).consistentRead(true)).item();
        if (after == null || after.isEmpty()) {
            after = null;
            shadow.remove(id);
        } else {
            shadow.put(id, after);
        }
        long bytes = Math.max(before == null ? 0 : ItemSize.of(before), after == null ? 0 : ItemSize.of(after));
        if (bytes == 0) {
            bytes = ItemSize.of(key);
        }
        String pk = key.get(PK).s();
        write("table", pk, (transactional ? 2 : 1) * CapacityUnits.writeUnits(bytes));
        // history LSI (projection ALL): one write per journal item inserted, on the table partition
        boolean lskBefore = before != null && before.containsKey(LedgerTable.HISTORY_SK);
        boolean lskAfter = after != null && after.containsKey(LedgerTable.HISTORY_SK);
        if (lskBefore || lskAfter) {
            if (!(lskBefore && lskAfter && before.equals(after))) {
                write("table", pk, CapacityUnits.writeUnits(Math.max(before == null ? 0 : ItemSize.of(before),
                        after == null ? 0 : ItemSize.of(after))));
            }
        }
        for (Gsi gsi : GSIS) {
            String kb = indexKey(gsi, before);
            String ka = indexKey(gsi, after);
            if (kb != null && !kb.equals(ka)) {
                write(gsi.name(), before.get(gsi.pk()).s(), CapacityUnits.writeUnits(keysOnly(gsi, before)));
            }
            if (ka != null && !ka.equals(kb)) {
                write(gsi.name(), after.get(gsi.pk()).s(), CapacityUnits.writeUnits(keysOnly(gsi, after)));
            }
        }
        if (transactional && before == null && after != null && after.get(SK).s().startsWith("J#")) {
            stream.add(new StreamRecord(clock.second(), after));
        }
    }

    private static String indexKey(Gsi gsi, Map<String, AttributeValue> item) {
        return item == null || !item.containsKey(gsi.pk()) || !item.containsKey(gsi.sk()) ? null
                : item.get(gsi.pk()).s() + "|" + item.get(gsi.sk()).s();
    }

    private static long keysOnly(Gsi gsi, Map<String, AttributeValue> item) {
        Map<String, AttributeValue> keys = new HashMap<>();
        for (String name : List.of(PK, SK, gsi.pk(), gsi.sk())) {
            keys.put(name, item.get(name));
        }
        return ItemSize.of(keys);
    }

    private static String id(Map<String, AttributeValue> item) {
        return item.get(PK).s() + "|" + item.get(SK).s();
    }

    private static double factor(Boolean consistent) {
        return Boolean.TRUE.equals(consistent) ? 1.0 : 0.5;
    }

    private static String queryPartition(QueryRequest query) {
        String pkAttr = query.indexName() == null ? PK : GSIS.stream().filter(g -> g.name().equals(query.indexName()))
                .map(Gsi::pk).findFirst().orElse(PK);
        Matcher m = EQ.matcher(query.keyConditionExpression());
        while (m.find()) {
            String name = m.group(1);
            if (name.startsWith("#")) {
                name = query.expressionAttributeNames().get(name);
            }
            if (pkAttr.equals(name)) {
                return query.expressionAttributeValues().get(m.group(2)).s();
            }
        }
        throw new IllegalStateException("no partition key in " + query.keyConditionExpression());
    }

    private void write(String index, String pk, double units) {
        if (recording) {
            cell(index, pk).wcu += units;
        }
    }

    private void read(String index, String pk, double units) {
        if (recording) {
            cell(index, pk).rcu += units;
        }
    }

    /** Write units of one key family over the whole run (all its keys, all seconds). */
    public synchronized double totalWcu(String familyName) {
        double sum = 0;
        for (var e : cells.entrySet()) {
            int bar = e.getKey().indexOf('|');
            if (KeyFamilies.classify(e.getKey().substring(0, bar), e.getKey().substring(bar + 1)).name()
                    .equals(familyName)) {
                sum += e.getValue().values().stream().mapToDouble(c -> c.wcu).sum();
            }
        }
        return sum;
    }

    private Cell cell(String index, String pk) {
        return cells.computeIfAbsent(index + "|" + pk, k -> new TreeMap<>())
                .computeIfAbsent(clock.second(), s -> new Cell());
    }

    private void count(String op) {
        if (recording) {
            calls.merge(op, 1L, Long::sum);
        }
    }
}
