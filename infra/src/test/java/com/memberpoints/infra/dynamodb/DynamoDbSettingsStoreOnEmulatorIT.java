package com.memberpoints.infra.dynamodb;

import com.memberpoints.domain.settings.SettingsStore;
import com.memberpoints.infra.testing.AwsEmulator;
import com.memberpoints.infra.testing.AwsEmulatorTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The settings store contract of {@link DynamoDbSettingsStoreIT}, against the run's AWS API emulator (moto and LocalStack in
 * {@code .ci/run}) through a client built by {@code AwsClients}: the versioned save transaction and the activity log exercised on a second
 * implementation of the DynamoDB API, not only on DynamoDB Local.
 */
@AwsEmulatorTest
class DynamoDbSettingsStoreOnEmulatorIT extends SettingsStoreContract {
    private static AwsEmulator emulator;
    private static EmulatorTable table;
    private static DynamoDbSettingsStore store;

    @BeforeAll
    static void createTable(DynamoDbClient dynamoDb, AwsEmulator runEmulator) {
        emulator = runEmulator;
        table = new EmulatorTable(dynamoDb);
        store = new DynamoDbSettingsStore(dynamoDb, table.name);
    }

    @AfterAll
    static void dropTable() {
        if (table != null) {
            table.close();
        }
    }

    @Override
    SettingsStore store() {
        return store;
    }

    /** moto does not isolate concurrent conditional transactions (two of 8 writers won in CI); LocalStack does. */
    @Override
    boolean isolatesConcurrentWrites() {
        return emulator.kind() != AwsEmulator.Kind.MOTO;
    }
}
