package com.memberpoints.domain.bulk;

import com.memberpoints.domain.model.MerchantId;
import java.util.List;

/**
 * Hands chunks of a bulk job to the worker function (SQS in production: one message per chunk, redelivered
 * after a crash until the worker completes it). Delivery is at least once; the worker is idempotent.
 */
public interface BulkJobQueue {

    void enqueue(MerchantId merchant, String jobId, List<Integer> chunkIndexes);

    /** One unit of work for the worker. */
    record ChunkMessage(MerchantId merchant, String jobId, int chunk) {}

    final class BulkJobQueueException extends RuntimeException {
        public BulkJobQueueException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
