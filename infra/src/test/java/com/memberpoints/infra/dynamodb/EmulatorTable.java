package com.memberpoints.infra.dynamodb;

import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A fresh table created from {@link LedgerTable} on the run's AWS API emulator (moto in {@code .ci/run}, LocalStack
 * where Docker exists), for running the stores' contracts on a second implementation of the DynamoDB API.
 */
final class EmulatorTable implements AutoCloseable {
    final DynamoDbClient client;
    final String name;

    EmulatorTable(DynamoDbClient client) {
        this.client = client;
        this.name = "it-" + UUID.randomUUID();
        client.createTable(LedgerTable.createTableRequest(name));
        client.waiter().waitUntilTableExists(r -> r.tableName(name));
    }

    @Override
    public void close() {
        client.deleteTable(r -> r.tableName(name));
    }
}
