package com.memberpoints.domain.model;

/**
 * Marks a failure that says nothing about the request and is likely to pass: a store kept being contended or
 * throttled beyond its bounded retries. Nothing was applied (or the operation is idempotent and may be sent
 * again). The HTTP layer answers 503 with a {@code Retry-After} of {@link #retryAfterSeconds()}.
 */
public interface RetryLater {
    /** Seconds a caller should wait before trying again. */
    default int retryAfterSeconds() {
        return 1;
    }
}
