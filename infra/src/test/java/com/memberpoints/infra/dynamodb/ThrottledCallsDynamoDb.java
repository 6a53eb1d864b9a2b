package com.memberpoints.infra.dynamodb;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;

/**
 * Fault injection over a real DynamoDB Local client (which never throttles): the first {@code throttledCalls}
 * calls to GetItem and TransactWriteItems (or all of them with a negative count) fail with the exception
 * {@code throttle} makes — a real SDK exception object, as DynamoDB sends it — and the rest reach DynamoDB Local.
 */
final class ThrottledCallsDynamoDb implements DynamoDbClient {
    private final DynamoDbClient real;
    private final int throttledCalls;
    private final Supplier<? extends RuntimeException> throttle;
    final AtomicInteger calls = new AtomicInteger();

    ThrottledCallsDynamoDb(DynamoDbClient real, int throttledCalls, Supplier<? extends RuntimeException> throttle) {
        this.real = real;
        this.throttledCalls = throttledCalls;
        this.throttle = throttle;
    }

    private void maybeThrottle() {
        int call = calls.incrementAndGet();
        if (throttledCalls < 0 || call <= throttledCalls) {
            throw throttle.get();
        }
    }

    @Override
    public GetItemResponse getItem(GetItemRequest request) {
        maybeThrottle();
        return real.getItem(request);
    }

    @Override
    public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
        maybeThrottle();
        return real.transactWriteItems(request);
    }

    @Override
    public QueryResponse query(QueryRequest request) {
        return real.query(request);
    }

    @Override
    public DeleteItemResponse deleteItem(DeleteItemRequest request) {
        return real.deleteItem(request);
    }

    @Override
    public String serviceName() {
        return real.serviceName();
    }

    @Override
    public void close() {}
}
