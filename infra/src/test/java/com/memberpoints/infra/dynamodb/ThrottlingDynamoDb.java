package com.memberpoints.infra.dynamodb;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Fault injection over a real DynamoDB Local client: BatchGetItem sends only the first half of each request's
 * keys to DynamoDB and returns the rest as unprocessed — as DynamoDB does under throttling, which DynamoDB
 * Local never does — for the first {@code throttledCalls} calls (or forever with a negative count).
 */
final class ThrottlingDynamoDb implements DynamoDbClient {
    private final DynamoDbClient real;
    private final int throttledCalls;
    final AtomicInteger calls = new AtomicInteger();

    ThrottlingDynamoDb(DynamoDbClient real, int throttledCalls) {
        this.real = real;
        this.throttledCalls = throttledCalls;
    }

    @Override
    public BatchGetItemResponse batchGetItem(BatchGetItemRequest request) {
        int call = calls.incrementAndGet();
        if (throttledCalls >= 0 && call > throttledCalls) {
            return real.batchGetItem(request);
        }
        Map<String, KeysAndAttributes> sent = new HashMap<>();
        Map<String, KeysAndAttributes> withheld = new HashMap<>();
        request.requestItems().forEach((table, ka) -> {
            List<Map<String, AttributeValue>> keys = ka.keys();
            int half = keys.size() / 2;
            if (half > 0) {
                sent.put(table, ka.toBuilder().keys(new ArrayList<>(keys.subList(0, half))).build());
            }
            withheld.put(table, ka.toBuilder().keys(new ArrayList<>(keys.subList(half, keys.size()))).build());
        });
        Map<String, List<Map<String, AttributeValue>>> responses = sent.isEmpty() ? Map.of()
                : real.batchGetItem(request.toBuilder().requestItems(sent).build()).responses();
        return BatchGetItemResponse.builder().responses(responses).unprocessedKeys(withheld).build();
    }

    @Override
    public String serviceName() {
        return real.serviceName();
    }

    @Override
    public void close() {}
}
