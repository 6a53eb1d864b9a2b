package com.memberpoints.infra.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.memberpoints.domain.model.Money;
import com.memberpoints.domain.order.Delivery;
import com.memberpoints.domain.order.EarnRecord;
import com.memberpoints.domain.order.Order;
import com.memberpoints.domain.order.OrderStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import com.memberpoints.domain.order.OrderStore;
import com.memberpoints.infra.testing.DynamoDbLocal;
import com.memberpoints.infra.testing.DynamoDbLocalExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** The order store contract against DynamoDB Local, on the table created from {@link LedgerTable}. */
@ExtendWith(DynamoDbLocalExtension.class)
class DynamoDbOrderStoreIT extends OrderStoreContract {
    private static DynamoDbOrderStore store;
    private static String tableName;

    @BeforeAll
    static void createTable(DynamoDbLocal local) {
        tableName = local.createLedgerTable();
        store = new DynamoDbOrderStore(local.client(), tableName);
    }

    @Override
    OrderStore store() {
        return store;
    }

    @Test
    void failuresOfDynamoDbAreTypedExceptionsNeverSwallowed(DynamoDbLocal local) {
        DynamoDbOrderStore missing = new DynamoDbOrderStore(local.client(), "no-such-table");
        assertThatThrownBy(() -> missing.placedBetween(shop, T0, T0.plusSeconds(1), com.memberpoints.domain.model.PageRequest.first(5)))
                .isInstanceOf(OrderStore.OrderStoreException.class)
                .hasCauseInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void thePendingIndexIsSparse_anOrderLeavesItWhenAssigned(DynamoDbLocal local) {
        Order pending = saveNew(placed("o-p", T0));
        Order assigned = saveNew(with(owed("o-a", T0), OrderStatus.OPEN, Delivery.arrived(T0), Optional.empty(),
                new EarnRecord(10, Optional.of(T0), Optional.of(T0), Money.zero(TWD), Optional.empty())));
        assertThat(indexKeys(local)).containsExactly(OrderItemMapper.orderPk(shop, pending.id()));
        assertThat(store.save(with(pending, OrderStatus.OPEN, Delivery.arrived(T0), Optional.empty(),
                new EarnRecord(10, Optional.of(T0), Optional.empty(), Money.zero(TWD), Optional.empty()))))
                .isEqualTo(new OrderStore.SaveResult.Saved(2));
        assertThat(indexKeys(local)).isEmpty();
        assertThat(assigned.pendingPoints()).isEmpty();
    }

    /** What the pending GSI holds for ann (DynamoDB Local updates GSIs synchronously). */
    private List<String> indexKeys(DynamoDbLocal local) {
        return local.client().query(QueryRequest.builder().tableName(tableName).indexName(LedgerTable.PENDING_INDEX)
                        .keyConditionExpression("#p = :p").expressionAttributeNames(Map.of("#p", LedgerTable.PENDING_PK))
                        .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(OrderItemMapper.pendingPartition(shop, ANN))))
                        .build())
                .items().stream().map(i -> i.get(LedgerTable.PK).s()).toList();
    }

    // ------------------------------------------------------------------ write-sharded index keys (issue 16.3)

    private java.util.Set<String> partitions(DynamoDbLocal local, String attribute, String prefix) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        local.client().scanPaginator(b -> b.tableName(tableName)).items().forEach(item -> {
            AttributeValue v = item.get(attribute);
            if (v != null && v.s().startsWith(prefix + shop.value())) {
                out.add(v.s());
            }
        });
        return out;
    }

    private static List<String> walk(java.util.function.Function<com.memberpoints.domain.model.PageRequest,
            com.memberpoints.domain.model.Page<Order>> list, int size, Runnable betweenPages) {
        List<String> out = new java.util.ArrayList<>();
        Optional<String> cursor = Optional.empty();
        int guard = 0;
        do {
            var page = list.apply(new com.memberpoints.domain.model.PageRequest(cursor, size));
            assertThat(page.items()).hasSizeLessThanOrEqualTo(size);
            page.items().forEach(o -> out.add(o.id().value()));
            cursor = page.nextCursor();
            if (cursor.isPresent()) {
                betweenPages.run();
            }
        } while (cursor.isPresent() && ++guard < 500);
        assertThat(cursor).isEmpty();
        return out;
    }

    @Test
    void dueAndPlacedEntriesUseAll16Shards_walksListEachOnceInOrderWhileOrdersChange_unshardedOnesIncluded(
            DynamoDbLocal local) {
        java.time.Instant now = T0.plusSeconds(60 * 86_400);
        int count = 150;
        List<Order> owed = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            owed.add(saveNew(owed(String.format("w-%03d", i), now.minusSeconds(86_400 + (count - i) * 60L))));
        }
        java.util.Set<String> dueShards = new java.util.TreeSet<>();
        java.util.Set<String> placedShards = new java.util.TreeSet<>();
        for (int s = 0; s < 16; s++) {
            dueShards.add(String.format("D#%s#%02d", shop.value(), s));
            placedShards.add(String.format("P#%s#%02d", shop.value(), s));
        }
        assertThat(partitions(local, LedgerTable.DUE_PK, "D#")).isEqualTo(dueShards);
        assertThat(partitions(local, LedgerTable.PLACED_PK, "P#")).isEqualTo(placedShards);
        // every 15th order was written before sharding: unsharded due and placed keys
        for (int i = 0; i < count; i += 15) {
            String pk = OrderItemMapper.orderPk(shop, owed.get(i).id());
            local.client().updateItem(u -> u.tableName(tableName).key(LedgerTable.itemKey(pk, OrderItemMapper.ORDER_SK))
                    .updateExpression("SET #d = :d, #p = :p")
                    .expressionAttributeNames(Map.of("#d", LedgerTable.DUE_PK, "#p", LedgerTable.PLACED_PK))
                    .expressionAttributeValues(Map.of(":d", AttributeValue.fromS("D#" + shop.value()),
                            ":p", AttributeValue.fromS("P#" + shop.value()))));
        }
        assertThat(partitions(local, LedgerTable.DUE_PK, "D#")).hasSize(17);

        // awaiting assignment, pages of 4: between pages an order far ahead is assigned (leaves the index) and a
        // new one becomes due at the end of the range (listed when the walk gets there)
        java.util.Set<String> stable = new java.util.HashSet<>();
        owed.forEach(o -> stable.add(o.id().value()));
        int[] step = {0};
        List<String> fresh = new java.util.ArrayList<>();
        List<String> awaiting = walk(p -> store().awaitingAssignment(shop, now, p), 4, () -> {
            int k = count - 1 - step[0]++;
            if (step[0] <= 20 && k % 15 != 0 && step[0] % 2 == 0) { // far ahead of the walk
                Order o = owed.get(k);
                store().save(with(o, OrderStatus.OPEN, o.delivery(), Optional.empty(), new EarnRecord(10,
                        Optional.of(now), o.earned().scheduledFor(), Money.zero(TWD), Optional.empty())));
                stable.remove(o.id().value());
            } else if (step[0] % 5 == 0) {
                fresh.add("f-" + step[0]);
                saveNew(owed("f-" + step[0], now));
            }
        });
        assertThat(awaiting).doesNotHaveDuplicates().containsAll(stable).containsAll(fresh)
                .hasSize(stable.size() + fresh.size());
        List<String> owedOnly = awaiting.stream().filter(id -> id.startsWith("w-")).toList();
        assertThat(owedOnly).isSorted(); // due times ascend with the id
        assertThat(awaiting.subList(owedOnly.size(), awaiting.size())).containsExactlyElementsOf(fresh.stream().sorted().toList());

        // placed: every order of the window once, oldest first, the unsharded ones included
        List<String> placed = walk(p -> store().placedBetween(shop, T0, now, p), 7, () -> { });
        assertThat(placed.stream().filter(id -> id.startsWith("w-")).toList())
                .containsExactlyElementsOf(owed.stream().map(o -> o.id().value()).toList());
    }
}
