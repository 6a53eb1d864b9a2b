package com.memberpoints.infra.dynamodb;

import com.memberpoints.domain.settings.SettingsStore;
import com.memberpoints.infra.testing.AwsEmulatorTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The settings store contract of {@link DynamoDbSettingsStoreIT}, against the run's AWS API emulator (moto in {@code .ci/run},
 * LocalStack where Docker exists) through a client built by {@code AwsClients}: the versioned save transaction and the activity log exercised on a second
 * implementation of the DynamoDB API, not only on DynamoDB Local.
 */
@AwsEmulatorTest
class DynamoDbSettingsStoreOnEmulatorIT extends SettingsStoreContract {
    private static EmulatorTable table;
    private static DynamoDbSettingsStore store;

    @BeforeAll
    static void createTable(DynamoDbClient dynamoDb) {
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
}
