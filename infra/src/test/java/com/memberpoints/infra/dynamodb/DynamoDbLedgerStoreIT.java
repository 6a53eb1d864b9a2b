package com.memberpoints.infra.dynamodb;

import com.memberpoints.domain.ledger.LedgerStore;
import com.memberpoints.infra.testing.DynamoDbLocal;
import com.memberpoints.infra.testing.DynamoDbLocalExtension;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.ledger.LedgerStoreException;
import com.memberpoints.domain.model.PageRequest;
import com.memberpoints.domain.model.OrderId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import org.junit.jupiter.api.extension.ExtendWith;

/** The ledger contract against DynamoDB Local, on a table created from {@link LedgerTable}. */
@ExtendWith(DynamoDbLocalExtension.class)
class DynamoDbLedgerStoreIT extends LedgerStoreContract {
    private static DynamoDbLedgerStore store;

    @BeforeAll
    static void createTable(DynamoDbLocal local) {
        store = new DynamoDbLedgerStore(local.client(), local.createLedgerTable());
    }

    @Override
    LedgerStore store() {
        return store;
    }

    @Test
    void failuresOfDynamoDbAreTypedExceptionsNeverSwallowed(DynamoDbLocal local) {
        DynamoDbLedgerStore missing = new DynamoDbLedgerStore(local.client(), "no-such-table");
        assertThatThrownBy(() -> missing.apply(LedgerCommand.earn(shop, ann, OrderId.of("o-1"), 1, END_2021, T0)))
                .isInstanceOf(DynamoDbLedgerException.class)
                .isInstanceOf(LedgerStoreException.class)
                .hasCauseInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> missing.history(points, PageRequest.first(5)))
                .isInstanceOf(DynamoDbLedgerException.class);
    }
}
