package com.memberpoints.domain.inmemory;

import com.memberpoints.domain.notify.Channel;
import com.memberpoints.domain.notify.SendBudget;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/** {@link SendBudget} in memory: at most {@code perSecond} sends of a channel in one second. Thread-safe. */
public final class InMemorySendBudget implements SendBudget {
    private final Map<Channel, Integer> perSecond;
    private final Map<Channel, Map<Long, Integer>> used = new EnumMap<>(Channel.class);

    public InMemorySendBudget(Map<Channel, Integer> perSecond) {
        this.perSecond = Map.copyOf(Objects.requireNonNull(perSecond, "perSecond"));
    }

    @Override
    public synchronized boolean tryTake(Channel channel, Instant now) {
        int limit = perSecond.getOrDefault(channel, Integer.MAX_VALUE);
        Map<Long, Integer> seconds = used.computeIfAbsent(channel, c -> new HashMap<>());
        long second = now.getEpochSecond();
        seconds.keySet().removeIf(s -> s < second - 60);
        int taken = seconds.getOrDefault(second, 0);
        if (taken >= limit) {
            return false;
        }
        seconds.put(second, taken + 1);
        return true;
    }

    /** Sends taken in the second {@code at} falls in. */
    public synchronized int taken(Channel channel, Instant at) {
        return used.getOrDefault(channel, Map.of()).getOrDefault(at.getEpochSecond(), 0);
    }
}
