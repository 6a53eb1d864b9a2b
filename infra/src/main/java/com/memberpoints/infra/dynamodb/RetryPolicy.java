package com.memberpoints.infra.dynamodb;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Bounded retries of optimistic-concurrency conflicts, with "full jitter" exponential backoff:
 * attempt n waits a random time in [0, min(maxDelay, baseDelay * 2^n)).
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {
    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("need 0 <= baseDelay <= maxDelay");
        }
    }

    /** 25 attempts, 10 ms doubling up to 250 ms: at worst about 5 s of waiting, well inside a Lambda timeout. */
    public static RetryPolicy standard() {
        return new RetryPolicy(25, Duration.ofMillis(10), Duration.ofMillis(250));
    }

    void pause(int attempt) {
        long cap = Math.min(maxDelay.toMillis(), baseDelay.toMillis() << Math.min(attempt, 20));
        if (cap <= 0) {
            return;
        }
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(cap + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DynamoDbLedgerException("interrupted while backing off", e);
        }
    }
}
