package com.memberpoints.infra.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Proves that an adapter's reads overlap: an SDK interceptor that holds each watched request before it is sent until
 * {@code together} of them have been sent (or 20 s passed), and records how many were in flight at most. Reads sent
 * one after another wait out the time-out each and never have more than one in flight; reads sent concurrently pass at
 * once. Requests of other types go through untouched.
 */
public final class InFlightProbe implements ExecutionInterceptor {
    private final Class<? extends SdkRequest> watched;
    private final CountDownLatch sent;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger most = new AtomicInteger();
    private final List<String> operations = new CopyOnWriteArrayList<>();

    public InFlightProbe(Class<? extends SdkRequest> watched, int together) {
        this.watched = watched;
        this.sent = new CountDownLatch(together);
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        if (!watched.isInstance(context.request())) {
            return;
        }
        operations.add(context.request().getClass().getSimpleName());
        most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        sent.countDown();
        try {
            sent.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        if (watched.isInstance(context.request())) {
            inFlight.decrementAndGet();
        }
    }

    /** The most watched requests in flight at one time. */
    public int most() {
        return most.get();
    }

    /** The watched requests sent, by request class name, in the order they were sent. */
    public List<String> operations() {
        return List.copyOf(operations);
    }
}
