package com.memberpoints.infra.dynamodb;

import com.memberpoints.domain.ledger.LedgerStore;
import com.memberpoints.infra.testing.DynamoDbLocal;
import com.memberpoints.infra.testing.DynamoDbLocalExtension;
import org.junit.jupiter.api.BeforeAll;
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
}
