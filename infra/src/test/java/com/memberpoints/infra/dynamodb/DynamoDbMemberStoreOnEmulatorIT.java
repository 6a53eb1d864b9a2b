package com.memberpoints.infra.dynamodb;

import com.memberpoints.domain.member.MemberStore;
import com.memberpoints.infra.testing.AwsEmulatorTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The member store contract of {@link DynamoDbMemberStoreIT}, against the run's AWS API emulator (moto in {@code .ci/run},
 * LocalStack where Docker exists) through a client built by {@code AwsClients}: the ordered upsert condition and batched reads exercised on a second
 * implementation of the DynamoDB API, not only on DynamoDB Local.
 */
@AwsEmulatorTest
class DynamoDbMemberStoreOnEmulatorIT extends MemberStoreContract {
    private static EmulatorTable table;
    private static DynamoDbMemberStore store;

    @BeforeAll
    static void createTable(DynamoDbClient dynamoDb) {
        table = new EmulatorTable(dynamoDb);
        store = new DynamoDbMemberStore(dynamoDb, table.name);
    }

    @AfterAll
    static void dropTable() {
        if (table != null) {
            table.close();
        }
    }

    @Override
    MemberStore store() {
        return store;
    }
}
