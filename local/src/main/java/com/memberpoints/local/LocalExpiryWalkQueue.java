package com.memberpoints.local;

import com.memberpoints.domain.sweep.ExpiryWalk;
import com.memberpoints.domain.sweep.ExpiryWalkQueue;
import com.memberpoints.functions.events.ExpirySweepWorkerHandler;
import com.memberpoints.functions.platform.log.JsonLogger;
import com.memberpoints.infra.sqs.ExpiryWalkCodec;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * LOCAL ONLY: the expiry walks SQS queue (issue 16 change 7). Each walk becomes the message body the SQS adapter sends
 * ({@link ExpiryWalkCodec}) and is handed to the worker target (the real {@link ExpirySweepWorkerHandler} with an SQS
 * event) — synchronously, on the thread that enqueued it, until the queue is empty (continuations queued by a step run
 * in the same drain). Unlike the bulk queue this is deliberate: the sweep runs inside a time travel, and the travel's
 * next step must see the expiry done, as it would be within the hour in AWS. A step that fails is logged and dropped
 * (no redelivery locally: its part's claim goes stale and a later hourly run starts the part again).
 */
final class LocalExpiryWalkQueue implements ExpiryWalkQueue {

    /** Receives one message body, as the worker function's SQS event source would deliver it. */
    @FunctionalInterface
    interface Worker {
        void accept(String messageBody) throws Exception;
    }

    private final JsonLogger log;
    private final Deque<String> bodies = new ArrayDeque<>();
    private volatile Worker worker;
    private boolean draining;

    LocalExpiryWalkQueue(JsonLogger log) {
        this.log = Objects.requireNonNull(log, "log");
    }

    void worker(Worker w) {
        this.worker = Objects.requireNonNull(w, "worker");
    }

    @Override
    public synchronized void enqueue(List<ExpiryWalk> walks) {
        Worker w = worker;
        if (w == null) {
            throw new ExpiryWalkQueueException("the expiry sweep worker is not wired into the local stack", null);
        }
        walks.forEach(walk -> bodies.addLast(ExpiryWalkCodec.encode(walk)));
        if (draining) {
            return; // a step's continuation: the running drain takes it
        }
        draining = true;
        try {
            for (String body = bodies.pollFirst(); body != null; body = bodies.pollFirst()) {
                try {
                    w.accept(body);
                } catch (Exception e) {
                    log.error("local: expiry walk step failed", Map.of("body", body), e);
                }
            }
        } finally {
            draining = false;
        }
    }
}
