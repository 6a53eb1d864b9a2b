package com.memberpoints.domain.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A per-container read-through cache whose entries are served for at most {@code ttl} after they were loaded,
 * measured on the {@link TimeSource} passed in. Loads are not coalesced (two threads missing at once both load;
 * the later one wins), which is harmless for the idempotent reads it fronts. Bounded by {@code maxEntries}: when
 * full, every entry is dropped (the working set of a container is one or a few merchants).
 */
public final class TtlCache<K, V> {

    private record Entry<V>(V value, Instant loadedAt) {}

    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final TimeSource clock;
    private final int maxEntries;

    public TtlCache(Duration ttl, TimeSource clock, int maxEntries) {
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (ttl.isNegative() || maxEntries < 1) {
            throw new IllegalArgumentException("ttl must not be negative and maxEntries must be at least 1");
        }
        this.maxEntries = maxEntries;
    }

    /** The cached value of {@code key} when loaded less than the TTL ago, else {@code loader}'s, remembered. */
    public V get(K key, Function<K, V> loader) {
        Instant now = clock.now();
        Entry<V> e = entries.get(key);
        if (e != null && now.isBefore(e.loadedAt().plus(ttl))) {
            return e.value();
        }
        V value = Objects.requireNonNull(loader.apply(key), "loaded value");
        if (entries.size() >= maxEntries && !entries.containsKey(key)) {
            entries.clear();
        }
        entries.put(key, new Entry<>(value, now));
        return value;
    }

    /** Forgets {@code key}: the next {@link #get} loads it. */
    public void invalidate(K key) {
        entries.remove(key);
    }

    public Duration ttl() {
        return ttl;
    }
}
