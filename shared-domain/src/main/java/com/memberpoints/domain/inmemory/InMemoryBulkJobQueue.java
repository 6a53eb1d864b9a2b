package com.memberpoints.domain.inmemory;

import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.bulk.BulkJobQueue;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/** {@link BulkJobQueue} in memory: the local stack and tests drain it into the worker. */
public final class InMemoryBulkJobQueue implements BulkJobQueue {

    private final Deque<ChunkMessage> messages = new ArrayDeque<>();

    @Override
    public synchronized void enqueue(MerchantId merchant, String jobId, java.util.List<Integer> chunkIndexes) {
        for (int i : chunkIndexes) {
            messages.addLast(new ChunkMessage(merchant, jobId, i));
        }
    }

    /** The next message, removed from the queue. */
    public synchronized Optional<ChunkMessage> poll() {
        return Optional.ofNullable(messages.pollFirst());
    }

    public synchronized int size() {
        return messages.size();
    }
}
