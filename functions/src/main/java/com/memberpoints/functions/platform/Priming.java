package com.memberpoints.functions.platform;

import java.util.Map;
import org.crac.Core;
import org.crac.Resource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * SnapStart priming, in one place. Every function registers itself here ({@link #beforeSnapshot}) from its Lambda
 * no-arg constructor: the HTTP functions through {@link com.memberpoints.functions.platform.http.ApiHandler}, the
 * others through {@link PrimedHandler}. Before the snapshot their {@code prime()} runs the code paths of an
 * invocation on made-up input, and loads the SDK's request model ({@link #dynamoDbRequestModel}) — no network, no
 * credentials, no port, nothing logged (SnapStartPrimingCoverageTest). The made-up inputs of a group sit beside the
 * parsers they exercise (storefront/StorefrontWarmUp, events/OrdersWarmUp), because platform imports no group.
 */
public final class Priming {
    private Priming() {}

    /** Registers {@code function} with CRaC so that its {@code beforeCheckpoint} (priming) runs before the snapshot. */
    public static void beforeSnapshot(Resource function) {
        Core.getGlobalContext().register(function);
    }

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
