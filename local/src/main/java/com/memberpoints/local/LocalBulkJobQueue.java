package com.memberpoints.local;

import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.bulk.BulkJobQueue;
import com.memberpoints.functions.events.BulkAssignmentWorkerHandler;
import com.memberpoints.infra.sqs.BulkChunkCodec;
import com.memberpoints.functions.platform.log.JsonLogger;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * LOCAL ONLY: the bulk-jobs SQS queue. Each chunk becomes the same message body the SQS adapter sends
 * ({@link BulkChunkCodec}) and is handed, on one background thread and in order, to the
 * worker target (the real {@link BulkAssignmentWorkerHandler} with an SQS event), as the queue's event source
 * mapping would; the create route answers before the chunks run, as in AWS. A chunk the worker reports as
 * failed is logged (no redelivery locally).
 */
final class LocalBulkJobQueue implements BulkJobQueue {

    /** Receives one message body, as the worker function's SQS event source would deliver it. */
    @FunctionalInterface
    interface Worker {
        void accept(String messageBody) throws Exception;
    }

    private final JsonLogger log;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "local-bulk-jobs");
        t.setDaemon(true);
        return t;
    });
    private volatile Worker worker;

    LocalBulkJobQueue(JsonLogger log) {
        this.log = Objects.requireNonNull(log, "log");
    }

    void worker(Worker w) {
        this.worker = Objects.requireNonNull(w, "worker");
    }

    @Override
    public void enqueue(MerchantId merchant, String jobId, List<Integer> chunkIndexes) {
        Worker w = worker;
        if (w == null) {
            throw new BulkJobQueueException("the bulk assignment worker is not wired into the local stack", null);
        }
        for (int chunk : chunkIndexes) {
            String body = BulkChunkCodec.encode(new ChunkMessage(merchant, jobId, chunk));
            executor.execute(() -> {
                try {
                    w.accept(body);
                } catch (Exception e) {
                    log.error("local: bulk chunk failed", Map.of("jobId", jobId, "chunk", chunk), e);
                }
            });
        }
    }
}
