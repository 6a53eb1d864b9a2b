package com.memberpoints.domain.sweep;

import java.util.List;

/**
 * Hands expiry walks ({@link ExpiryWalk}) to the sweep workers (SQS in production: one message per walk, redelivered
 * after a failure until a worker completes it, then the dead-letter queue). Delivery is at least once; a walk is
 * idempotent (every expiry is an idempotent ledger command, and a walk whose claim is gone stops).
 */
public interface ExpiryWalkQueue {

    void enqueue(List<ExpiryWalk> walks);

    final class ExpiryWalkQueueException extends RuntimeException {
        public ExpiryWalkQueueException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
