package com.memberpoints.infra.dynamodb;

import com.memberpoints.domain.ledger.LedgerStore;
import com.memberpoints.infra.testing.AwsEmulatorTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The ledger contract of {@link DynamoDbLedgerStoreIT}, against the run's AWS API emulator (moto in {@code .ci/run},
 * LocalStack where Docker exists) through a client built by {@code AwsClients}: conditional transactions, cancellation reasons, the history LSI and the sparse GSIs exercised on a second
 * implementation of the DynamoDB API, not only on DynamoDB Local.
 */
@AwsEmulatorTest
class DynamoDbLedgerStoreOnEmulatorIT extends LedgerStoreContract {
    private static EmulatorTable table;
    private static DynamoDbLedgerStore store;

    @BeforeAll
    static void createTable(DynamoDbClient dynamoDb) {
        table = new EmulatorTable(dynamoDb);
        store = new DynamoDbLedgerStore(dynamoDb, table.name);
    }

    @AfterAll
    static void dropTable() {
        if (table != null) {
            table.close();
        }
    }

    @Override
    LedgerStore store() {
        return store;
    }

    /** moto answers a 100-item transaction too slowly on a shared machine (25 s client timeout): one smaller one. */
    @Override
    int applyEachWallets() {
        return 12;
    }
}
