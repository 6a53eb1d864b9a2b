package com.memberpoints.bench.lifecycle;

import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;

/**
 * Counts the DynamoDB items the client read, from the responses: Query and Scan count what the service
 * examined ({@code ScannedCount}, what is billed), GetItem 1 when found, batch and transactional gets their
 * items. Also counts read calls.
 */
final class ItemsReadCounter implements ExecutionInterceptor {
    final AtomicLong items = new AtomicLong();
    final AtomicLong calls = new AtomicLong();

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        SdkResponse r = context.response();
        long n;
        if (r instanceof QueryResponse q) {
            n = q.scannedCount() == null ? q.count() : q.scannedCount();
        } else if (r instanceof ScanResponse s) {
            n = s.scannedCount() == null ? s.count() : s.scannedCount();
        } else if (r instanceof GetItemResponse g) {
            n = g.hasItem() ? 1 : 0;
        } else if (r instanceof BatchGetItemResponse b) {
            n = b.responses().values().stream().mapToLong(java.util.List::size).sum();
        } else if (r instanceof TransactGetItemsResponse t) {
            n = t.responses().stream().filter(i -> i.hasItem()).count();
        } else {
            return;
        }
        items.addAndGet(n);
        calls.incrementAndGet();
    }

    void reset() {
        items.set(0);
        calls.set(0);
    }
}
