package com.memberpoints.infra.dynamodb;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.memberpoints.domain.port.OrderStore;
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

    @BeforeAll
    static void createTable(DynamoDbLocal local) {
        store = new DynamoDbOrderStore(local.client(), local.createLedgerTable());
    }

    @Override
    OrderStore store() {
        return store;
    }

    @Test
    void failuresOfDynamoDbAreTypedExceptionsNeverSwallowed(DynamoDbLocal local) {
        DynamoDbOrderStore missing = new DynamoDbOrderStore(local.client(), "no-such-table");
        assertThatThrownBy(() -> missing.placedBetween(shop, T0, T0.plusSeconds(1), com.memberpoints.domain.ledger.PageRequest.first(5)))
                .isInstanceOf(OrderStore.OrderStoreException.class)
                .hasCauseInstanceOf(ResourceNotFoundException.class);
    }
}
