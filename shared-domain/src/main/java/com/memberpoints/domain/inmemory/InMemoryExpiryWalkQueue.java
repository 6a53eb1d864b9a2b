package com.memberpoints.domain.inmemory;

import com.memberpoints.domain.sweep.ExpiryWalk;
import com.memberpoints.domain.sweep.ExpiryWalkQueue;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** {@link ExpiryWalkQueue} in memory: tests drain it into the walker, in order. */
public final class InMemoryExpiryWalkQueue implements ExpiryWalkQueue {

    private final Deque<ExpiryWalk> walks = new ArrayDeque<>();

    @Override
    public synchronized void enqueue(List<ExpiryWalk> more) {
        walks.addAll(more);
    }

    /** The next walk, removed from the queue. */
    public synchronized Optional<ExpiryWalk> poll() {
        return Optional.ofNullable(walks.pollFirst());
    }

    /** Every walk waiting, in order (not removed). */
    public synchronized List<ExpiryWalk> waiting() {
        return List.copyOf(walks);
    }

    public synchronized int size() {
        return walks.size();
    }
}
