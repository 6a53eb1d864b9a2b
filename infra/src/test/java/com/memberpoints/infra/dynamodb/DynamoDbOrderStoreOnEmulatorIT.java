package com.memberpoints.infra.dynamodb;

import com.memberpoints.domain.order.OrderStore;
import com.memberpoints.infra.testing.AwsEmulator;
import com.memberpoints.infra.testing.AwsEmulatorTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The order store contract of {@link DynamoDbOrderStoreIT}, against the run's AWS API emulator (moto and LocalStack in
 * {@code .ci/run}) through a client built by {@code AwsClients}: version conditions, the due/placed/pending GSIs and consistent batch reads exercised on a second
 * implementation of the DynamoDB API, not only on DynamoDB Local.
 */
@AwsEmulatorTest
class DynamoDbOrderStoreOnEmulatorIT extends OrderStoreContract {
    private static AwsEmulator emulator;
    private static EmulatorTable table;
    private static DynamoDbOrderStore store;

    @BeforeAll
    static void createTable(DynamoDbClient dynamoDb, AwsEmulator runEmulator) {
        emulator = runEmulator;
        table = new EmulatorTable(dynamoDb);
        store = new DynamoDbOrderStore(dynamoDb, table.name);
    }

    @AfterAll
    static void dropTable() {
        if (table != null) {
            table.close();
        }
    }

    @Override
    OrderStore store() {
        return store;
    }

    /**
     * moto evaluates a conditional PutItem without isolating concurrent requests (8 writers of one version saw
     * two of them succeed), which real DynamoDB and DynamoDB Local do not: on moto the concurrency test asserts
     * the weaker invariant; on LocalStack (whose DynamoDB is DynamoDB Local) the full one.
     */
    @Override
    boolean isolatesConcurrentWrites() {
        return emulator.kind() != AwsEmulator.Kind.MOTO;
    }
}
