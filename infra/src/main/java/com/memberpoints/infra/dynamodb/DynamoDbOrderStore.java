package com.memberpoints.infra.dynamodb;

import static com.memberpoints.infra.dynamodb.Attrs.n;
import static com.memberpoints.infra.dynamodb.Attrs.s;
import static com.memberpoints.infra.dynamodb.LedgerTable.DUE_INDEX;
import static com.memberpoints.infra.dynamodb.LedgerTable.DUE_PK;
import static com.memberpoints.infra.dynamodb.LedgerTable.DUE_SK;
import static com.memberpoints.infra.dynamodb.LedgerTable.PENDING_INDEX;
import static com.memberpoints.infra.dynamodb.LedgerTable.PENDING_PK;
import static com.memberpoints.infra.dynamodb.LedgerTable.PENDING_SK;
import static com.memberpoints.infra.dynamodb.LedgerTable.PK;
import static com.memberpoints.infra.dynamodb.LedgerTable.PLACED_INDEX;
import static com.memberpoints.infra.dynamodb.LedgerTable.PLACED_PK;
import static com.memberpoints.infra.dynamodb.LedgerTable.PLACED_SK;
import static com.memberpoints.infra.dynamodb.LedgerTable.SK;

import com.memberpoints.domain.model.Page;
import com.memberpoints.domain.model.PageRequest;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.domain.order.Order;
import com.memberpoints.domain.order.OrderStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * {@link OrderStore} on the single table: one item per order ({@code O#<merchant>#<order>} / {@code ORDER}),
 * the domain record as map attributes plus {@code v} (the version). A save is one PutItem conditioned on
 * {@code v} (absence for version 0); on failure the stored version comes back with the error
 * ({@code ReturnValuesOnConditionCheckFailure}), so a conflict costs no extra read.
 *
 * <p>Three KEYS_ONLY GSIs: {@code due} (sparse: only orders still owed an assignment carry {@code dpk/dsk}, so a
 * sweep reads the owed orders, not every order), {@code placed} (every order, for the report) and {@code pending}
 * (sparse: only a member's orders that will still earn points carry {@code mpk/msk}; a PutItem without them
 * removes the order from the index once assigned or cancelled). Listings
 * query the index, then read the orders with a consistent BatchGetItem and re-check the predicate (a GSI is
 * eventually consistent), so a page may hold fewer than {@code limit} orders while a cursor remains.
 * The {@code due} and {@code placed} keys are write-sharded ({@code D#/P#<merchant>#<shard>}, shard = hash of the order;
 * issue 16.3): listings scatter-gather the shards and the unsharded key of older items ({@link ScatterGather}).
 */
public final class DynamoDbOrderStore implements OrderStore {

    static final String VERSION = "v";

    private final DynamoDbClient dynamo;
    private final String table;
    private final RetryPolicy retry;

    public DynamoDbOrderStore(DynamoDbClient dynamo, String tableName, RetryPolicy retry) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.table = Objects.requireNonNull(tableName, "tableName");
        this.retry = Objects.requireNonNull(retry, "retry");
    }

    public DynamoDbOrderStore(DynamoDbClient dynamo, String tableName) {
        this(dynamo, tableName, RetryPolicy.standard());
    }

    @Override
    public Optional<Order> find(MerchantId merchant, OrderId order) {
        return call("reading order " + order + " of " + merchant, () -> StoreCalls.item(dynamo.getItem(
                GetItemRequest.builder().tableName(table).key(key(merchant, order)).consistentRead(true).build())
                .item()).map(i -> fromItem(merchant, order, i)));
    }

    @Override
    public SaveResult save(Order order) {
        long next = order.version() + 1;
        Map<String, AttributeValue> item = new HashMap<>(OrderItemMapper.order(order));
        item.putAll(key(order.merchant(), order.id()));
        item.put(VERSION, n(next));
        item.put(PLACED_PK, s(OrderItemMapper.placedPartition(order.merchant(), order.id())));
        item.put(PLACED_SK, s(OrderItemMapper.instantSortKey(order.placedAt(), order.id())));
        order.assignmentDueAt().ifPresent(due -> {
            item.put(DUE_PK, s(OrderItemMapper.duePartition(order.merchant(), order.id())));
            item.put(DUE_SK, s(OrderItemMapper.instantSortKey(due, order.id())));
        });
        OrderItemMapper.pendingSortKey(order).ifPresent(sk -> {
            item.put(PENDING_PK, s(OrderItemMapper.pendingPartition(order.merchant(), order.member().orElseThrow())));
            item.put(PENDING_SK, s(sk));
        });
        PutItemRequest.Builder put = PutItemRequest.builder().tableName(table).item(item)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD);
        if (order.version() == 0) {
            put.conditionExpression("attribute_not_exists(#pk)").expressionAttributeNames(Map.of("#pk", PK));
        } else {
            put.conditionExpression("#v = :v").expressionAttributeNames(Map.of("#v", VERSION))
                    .expressionAttributeValues(Map.of(":v", n(order.version())));
        }
        return call("saving order " + order.id() + " of " + order.merchant(), () -> {
            try {
                dynamo.putItem(put.build());
                return new SaveResult.Saved(next);
            } catch (ConditionalCheckFailedException e) {
                long stored = e.hasItem() && e.item().containsKey(VERSION)
                        ? new Attrs.Reader(e.item()).num(VERSION) : 0L;
                return new SaveResult.Conflict(stored);
            }
        });
    }

    @Override
    public Page<Order> awaitingAssignment(MerchantId merchant, Instant dueBefore, PageRequest page) {
        return list(merchant, page, DUE, OrderItemMapper.dueParts(merchant), "#s <= :to",
                Map.of(":to", s(OrderItemMapper.instantPrefix(dueBefore) + "#~")), "w",
                o -> o.assignmentDueAt().filter(d -> !d.isAfter(dueBefore)).isPresent(),
                "listing orders awaiting assignment of " + merchant);
    }

    @Override
    public Page<Order> placedBetween(MerchantId merchant, Instant from, Instant to, PageRequest page) {
        if (!from.isBefore(to)) {
            page.cursor().ifPresent(c -> position(merchant, c, "p"));
            return new Page<>(List.of(), Optional.empty());
        }
        return list(merchant, page, PLACED, OrderItemMapper.placedParts(merchant), "#s BETWEEN :from AND :to",
                Map.of(":from", s(OrderItemMapper.instantPrefix(from)),
                        ":to", s(OrderItemMapper.instantPrefix(to) + "#~")), "p",
                o -> !o.placedAt().isBefore(from) && o.placedAt().isBefore(to),
                "listing orders placed by " + merchant);
    }

    @Override
    public List<Order> pendingForMember(MerchantId merchant, MemberId member, int max) {
        if (max < 1 || max > MAX_PENDING) {
            throw new IllegalArgumentException("max must be in 1.." + MAX_PENDING);
        }
        QueryRequest q = QueryRequest.builder().tableName(table).indexName(PENDING_INDEX)
                .keyConditionExpression("#p = :p")
                .expressionAttributeNames(Map.of("#p", PENDING_PK))
                .expressionAttributeValues(Map.of(":p", s(OrderItemMapper.pendingPartition(merchant, member))))
                .scanIndexForward(true).limit(MAX_PENDING).build(); // keyed by placement: the soonest due may be any
        return call("listing pending orders of " + member + " of " + merchant, () -> {
            List<Map<String, AttributeValue>> baseKeys = new ArrayList<>();
            for (Map<String, AttributeValue> k : dynamo.query(q).items()) {
                baseKeys.add(Map.of(PK, k.get(PK), SK, k.get(SK)));
            }
            Map<String, Order> byPk = new HashMap<>();
            String prefix = "O#" + merchant.value() + "#";
            for (Map<String, AttributeValue> item : StoreCalls.batchGet(dynamo, table, baseKeys, retry)) {
                String pk = item.get(PK).s();
                byPk.put(pk, fromItem(merchant, OrderId.of(pk.substring(prefix.length())), item));
            }
            // The index is eventually consistent: keep what the consistent read still says is pending, ordered by
            // what it says now (a schedule may have moved since the index was written).
            List<Order> orders = new ArrayList<>();
            for (Map<String, AttributeValue> k : baseKeys) {
                Order o = byPk.get(k.get(PK).s());
                if (o != null && o.member().equals(Optional.of(member)) && o.pendingPoints().isPresent()) {
                    orders.add(o);
                }
            }
            orders.sort(java.util.Comparator.comparing(o -> OrderItemMapper.pendingOrder(o).orElseThrow()));
            return orders.size() > max ? List.copyOf(orders.subList(0, max)) : orders;
        });
    }

    private static final ScatterGather.Index DUE = new ScatterGather.Index(DUE_INDEX, DUE_PK, DUE_SK);
    private static final ScatterGather.Index PLACED = new ScatterGather.Index(PLACED_INDEX, PLACED_PK, PLACED_SK);

    /**
     * Scatter-gathers the index's parts for {@code limit} keys (write-sharded, docs/scale.md change 3), reads those
     * orders in one consistent BatchGetItem and keeps those that still match. The cursor is one position in the
     * merged order: {@code <tag>|<index sk>|<order pk>}, the same format as before sharding.
     */
    private Page<Order> list(MerchantId merchant, PageRequest page, ScatterGather.Index index, List<String> parts,
            String skCondition, Map<String, AttributeValue> skValues, String tag, Predicate<Order> stillMatches,
            String what) {
        Optional<ScatterGather.Position> after = page.cursor().map(c -> position(merchant, c, tag));
        return call(what, () -> {
            ScatterGather.Gathered<Map<String, AttributeValue>> gathered = ScatterGather.query(dynamo, table, index,
                    parts, skCondition, skValues, after, page.limit());
            List<Map<String, AttributeValue>> pageKeys = gathered.entries();
            Map<String, Order> byPk = new HashMap<>();
            List<Map<String, AttributeValue>> baseKeys = new ArrayList<>();
            for (Map<String, AttributeValue> k : pageKeys) {
                baseKeys.add(Map.of(PK, k.get(PK), SK, k.get(SK)));
            }
            for (Map<String, AttributeValue> item : StoreCalls.batchGet(dynamo, table, baseKeys, retry)) {
                String pk = item.get(PK).s();
                OrderId id = OrderId.of(pk.substring(("O#" + merchant.value() + "#").length()));
                byPk.put(pk, fromItem(merchant, id, item));
            }
            List<Order> orders = new ArrayList<>();
            for (Map<String, AttributeValue> k : pageKeys) {
                Order o = byPk.get(k.get(PK).s());
                if (o != null && stillMatches.test(o)) {
                    orders.add(o);
                }
            }
            Optional<String> next = gathered.next().map(p -> StoreCalls.encodeCursor(tag, p.indexSk(), p.pk()));
            return new Page<>(orders, next);
        });
    }

    private static ScatterGather.Position position(MerchantId merchant, String cursor, String tag) {
        String[] parts = StoreCalls.decodeCursor(cursor, tag, 2);
        String prefix = "O#" + merchant.value() + "#";
        if (!parts[1].startsWith(prefix) || !OrderId.isValid(parts[1].substring(prefix.length()))) {
            throw StoreCalls.badCursor();
        }
        return new ScatterGather.Position(parts[0], parts[1], OrderItemMapper.ORDER_SK);
    }

    private static Order fromItem(MerchantId merchant, OrderId id, Map<String, AttributeValue> item) {
        return OrderItemMapper.order(merchant, id, new Attrs.Reader(item).num(VERSION), item);
    }

    private static Map<String, AttributeValue> key(MerchantId merchant, OrderId order) {
        return LedgerTable.itemKey(OrderItemMapper.orderPk(merchant, order), OrderItemMapper.ORDER_SK);
    }

    private static <T> T call(String what, java.util.function.Supplier<T> body) {
        return StoreCalls.call(what, OrderStoreException::new, body);
    }
}
