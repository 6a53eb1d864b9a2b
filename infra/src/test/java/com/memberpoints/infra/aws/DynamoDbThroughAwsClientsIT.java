package com.memberpoints.infra.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.infra.testing.AwsEmulatorTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The DynamoDB client built by AwsClients works against the emulator; adapters' ITs inject DynamoDbClient the same way. */
@AwsEmulatorTest
class DynamoDbThroughAwsClientsIT {

    @Test
    void createsATablePutsAndGetsAnItem(DynamoDbClient dynamoDb) {
        String table = "it-" + UUID.randomUUID();
        dynamoDb.createTable(r -> r.tableName(table)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build()));
        try {
            dynamoDb.waiter().waitUntilTableExists(r -> r.tableName(table));
            Map<String, AttributeValue> item = Map.of(
                    "pk", AttributeValue.fromS("MERCHANT#shop-1#MEMBER#m-1"),
                    "balance", AttributeValue.fromN("1320"));
            dynamoDb.putItem(r -> r.tableName(table).item(item));

            Map<String, AttributeValue> read = dynamoDb.getItem(r -> r.tableName(table).consistentRead(true)
                    .key(Map.of("pk", AttributeValue.fromS("MERCHANT#shop-1#MEMBER#m-1")))).item();

            assertThat(read).isEqualTo(item);
            assertThat(dynamoDb.getItem(r -> r.tableName(table)
                    .key(Map.of("pk", AttributeValue.fromS("MERCHANT#shop-1#MEMBER#nobody")))).hasItem()).isFalse();
        } finally {
            dynamoDb.deleteTable(r -> r.tableName(table));
        }
    }
}
