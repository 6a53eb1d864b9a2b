package com.memberpoints.functions.platform;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/** SnapStart warm-up shared by every function that talks to DynamoDB: no network, no credentials, no port. */
public final class SdkWarmUp {
    private SdkWarmUp() {}

    /**
     * Loads the DynamoDB request model (builders, attribute values, the request classes the stores send)
     * by building requests that are never sent.
     */
    public static void dynamoDbRequestModel() {
        Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("priming"), "sk", AttributeValue.fromN("1"));
        GetItemRequest.builder().tableName("priming").key(key).consistentRead(true).build();
        QueryRequest.builder().tableName("priming").keyConditionExpression("pk = :p").expressionAttributeValues(key)
                .limit(1).build();
        TransactWriteItemsRequest.builder().transactItems(TransactWriteItem.builder()
                .put(Put.builder().tableName("priming").item(key).build()).build()).build();
    }
}
