package com.memberpoints.bench.capacity;

import com.memberpoints.infra.dynamodb.ItemSize;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Computes the capacity the ledger really consumes, from the items it actually sends and receives
 * (DynamoDB Local misreports ConsumedCapacity for transactions). Installed as an SDK interceptor on
 * the client under test; it keeps a shadow copy of every item written so that index writes can be
 * derived from before- and after-images.
 *
 * <p>Rules applied: transactional writes cost 2 WCU per started KB of each item (a delete is sized
 * by the item deleted); a strongly consistent GetItem costs 1 RCU per started 4 KB of the item, a
 * Query 1 RCU per started 4 KB of all items returned (eventually consistent: half). Index writes
 * (a GSI/LSI is maintained with standard writes) cost 1 WCU per started KB of the index item; a
 * changed index key costs a delete plus a put; a KEYS_ONLY index is not written when its key does
 * not change. A standard PutItem costs 1 WCU per started KB of the larger of the old and new item (billed when its
 * condition fails too) plus its index writes.
 */
public final class CapacityMeter implements ExecutionInterceptor {

    /** One index of the table: its key attributes and what it projects. */
    public record IndexSpec(String name, String partitionKey, String sortKey, boolean projectsAll) {}

    /** One call as billed. */
    public record Call(String operation, int items, long maxItemBytes, double readUnits, long writeUnits,
                       long indexWriteUnits, List<Long> itemBytes) {}

    private final String pk;
    private final String sk;
    private final List<IndexSpec> indexes;
    private final Map<String, Map<String, AttributeValue>> shadow = new HashMap<>();
    private final List<Call> calls = new ArrayList<>();

    public CapacityMeter(String pk, String sk, List<IndexSpec> indexes) {
        this.pk = Objects.requireNonNull(pk);
        this.sk = Objects.requireNonNull(sk);
        this.indexes = List.copyOf(indexes);
    }

    public synchronized List<Call> drain() {
        List<Call> out = List.copyOf(calls);
        calls.clear();
        return out;
    }

    @Override
    public synchronized void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        SdkResponse response = context.response();
        switch (request) {
            case GetItemRequest get -> {
                Map<String, AttributeValue> item = ((GetItemResponse) response).item();
                long bytes = item == null ? 0 : ItemSize.of(item);
                double units = CapacityUnits.strongReadUnits(bytes) * (Boolean.TRUE.equals(get.consistentRead()) ? 1.0 : 0.5);
                calls.add(new Call("GetItem", item == null || item.isEmpty() ? 0 : 1, bytes, units, 0, 0, List.of(bytes)));
            }
            case QueryRequest query -> {
                QueryResponse r = (QueryResponse) response;
                List<Long> sizes = r.items().stream().map(ItemSize::of).toList();
                long total = sizes.stream().mapToLong(Long::longValue).sum();
                double units = CapacityUnits.strongReadUnits(total) * (Boolean.TRUE.equals(query.consistentRead()) ? 1.0 : 0.5);
                calls.add(new Call("Query" + (query.indexName() == null ? "" : "(" + query.indexName() + ")"),
                        r.items().size(), sizes.stream().mapToLong(Long::longValue).max().orElse(0), units, 0, 0, sizes));
            }
            case TransactWriteItemsRequest tx -> calls.add(transaction(tx, true));
            case PutItemRequest put -> {
                Map<String, AttributeValue> after = put.item();
                Map<String, AttributeValue> before = shadow.put(keyOf(after), after);
                long bytes = Math.max(size(before), size(after));
                long indexWcu = 0;
                for (IndexSpec index : indexes) {
                    indexWcu += indexWrites(index, before, after);
                }
                calls.add(new Call("PutItem", 1, bytes, 0, CapacityUnits.writeUnits(bytes), indexWcu, List.of(bytes)));
            }
            case DeleteItemRequest delete -> {
                Map<String, AttributeValue> before = shadow.remove(keyOf(delete.key()));
                long bytes = before == null ? ItemSize.of(delete.key()) : ItemSize.of(before);
                long indexWcu = 0;
                for (IndexSpec index : indexes) {
                    indexWcu += indexWrites(index, before, null);
                }
                calls.add(new Call("DeleteItem", 1, bytes, 0, CapacityUnits.writeUnits(bytes), indexWcu, List.of(bytes)));
            }
            default -> calls.add(new Call(request.getClass().getSimpleName(), 0, 0, 0, 0, 0, List.of()));
        }
    }

    /**
     * A cancelled transaction (condition failed: a duplicate, a version conflict) is still billed
     * for its writes; nothing is written, so no index is touched and the shadow stays as it is.
     */
    @Override
    public synchronized void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        if (context.request() instanceof TransactWriteItemsRequest tx) {
            calls.add(transaction(tx, false));
        } else if (context.request() instanceof DeleteItemRequest delete) {
            calls.add(new Call("DeleteItem(condition failed)", 1, ItemSize.of(delete.key()), 0, 1, 0, List.of()));
        } else if (context.request() instanceof PutItemRequest put) {
            long bytes = Math.max(size(shadow.get(keyOf(put.item()))), ItemSize.of(put.item()));
            calls.add(new Call("PutItem(condition failed)", 1, bytes, 0, CapacityUnits.writeUnits(bytes), 0, List.of()));
        }
    }

    private Call transaction(TransactWriteItemsRequest tx, boolean committed) {
        long wcu = 0;
        long indexWcu = 0;
        long max = 0;
        List<Long> sizes = new ArrayList<>();
        for (TransactWriteItem item : tx.transactItems()) {
            Map<String, AttributeValue> before;
            Map<String, AttributeValue> after;
            if (item.put() != null) {
                after = item.put().item();
                before = committed ? shadow.put(keyOf(after), after) : shadow.get(keyOf(after));
            } else if (item.delete() != null) {
                after = null;
                before = committed ? shadow.remove(keyOf(item.delete().key())) : shadow.get(keyOf(item.delete().key()));
            } else if (item.update() != null) {
                before = shadow.get(keyOf(item.update().key()));
                after = applyAdd(before, item.update());
                if (committed) {
                    shadow.put(keyOf(after), after);
                }
            } else {
                throw new IllegalStateException("puts, deletes and ADD updates only in transactions: " + item);
            }
            long bytes = Math.max(size(before), size(after));
            if (before == null && after == null) {
                bytes = ItemSize.of(item.delete().key()); // deleting nothing is billed for the key
            }
            sizes.add(bytes);
            max = Math.max(max, bytes);
            wcu += 2 * CapacityUnits.writeUnits(bytes);
            if (committed) {
                for (IndexSpec index : indexes) {
                    indexWcu += indexWrites(index, before, after);
                }
            }
        }
        return new Call(committed ? "TransactWriteItems" : "TransactWriteItems(cancelled)", tx.transactItems().size(),
                max, 0, wcu, indexWcu, sizes);
    }

    /**
     * The item after an {@code ADD #name :value} update of numbers (the liability counters' only update): every
     * expression attribute name gets the matching value added (names and values paired in order).
     */
    private static Map<String, AttributeValue> applyAdd(Map<String, AttributeValue> before, Update update) {
        if (!update.updateExpression().startsWith("ADD ")) {
            throw new IllegalStateException("only ADD updates are metered: " + update.updateExpression());
        }
        Map<String, AttributeValue> after = new HashMap<>(before != null ? before : update.key());
        List<String> names = List.copyOf(update.expressionAttributeNames().values());
        List<AttributeValue> values = List.copyOf(update.expressionAttributeValues().values());
        for (int i = 0; i < names.size(); i++) {
            AttributeValue old = after.get(names.get(i));
            java.math.BigDecimal sum = new java.math.BigDecimal(values.get(i).n())
                    .add(old == null ? java.math.BigDecimal.ZERO : new java.math.BigDecimal(old.n()));
            after.put(names.get(i), AttributeValue.fromN(sum.toPlainString()));
        }
        return after;
    }

    private long indexWrites(IndexSpec index, Map<String, AttributeValue> before, Map<String, AttributeValue> after) {
        Function<Map<String, AttributeValue>, String> indexKey = m -> m == null || !m.containsKey(index.partitionKey())
                || !m.containsKey(index.sortKey()) ? null : m.get(index.partitionKey()).s() + "|" + m.get(index.sortKey()).s();
        String kb = indexKey.apply(before);
        String ka = indexKey.apply(after);
        long units = 0;
        if (kb != null && !kb.equals(ka)) {
            units += CapacityUnits.writeUnits(indexItemSize(index, before)); // remove the old index entry
        }
        if (ka != null && (!ka.equals(kb) || (index.projectsAll() && !after.equals(before)))) {
            units += CapacityUnits.writeUnits(indexItemSize(index, after)); // add or rewrite the index entry
        }
        return units;
    }

    private long indexItemSize(IndexSpec index, Map<String, AttributeValue> item) {
        if (index.projectsAll()) {
            return ItemSize.of(item);
        }
        Map<String, AttributeValue> keys = new HashMap<>();
        for (String name : List.of(pk, sk, index.partitionKey(), index.sortKey())) {
            keys.put(name, item.get(name));
        }
        return ItemSize.of(keys);
    }

    private static long size(Map<String, AttributeValue> item) {
        return item == null ? 0 : ItemSize.of(item);
    }

    private String keyOf(Map<String, AttributeValue> item) {
        return item.get(pk).s() + "|" + item.get(sk).s();
    }
}
