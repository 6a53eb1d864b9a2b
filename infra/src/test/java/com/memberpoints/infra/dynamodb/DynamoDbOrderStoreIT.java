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
}
