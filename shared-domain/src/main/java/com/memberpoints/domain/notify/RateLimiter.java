package com.memberpoints.domain.notify;

import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * A token bucket keeping sends within a provider's rate (SES sends per second, SNS SMS per second): up to
 * {@code burst} sends at once, then one every {@code 1 / permitsPerSecond} seconds. The clock and the sleep are
 * injected, so tests count permits and waits instead of timing them. Thread-safe.
 */
public final class RateLimiter {

    /** Waits for the given nanoseconds (production: {@code Thread.sleep}). */
    @FunctionalInterface
    public interface Sleeper {
        void sleepNanos(long nanos) throws InterruptedException;
    }

    private final double permitsPerSecond;
    private final double burst;
    private final LongSupplier nanoClock;
    private final Sleeper sleeper;
    private double tokens;
    private long last;

    public RateLimiter(double permitsPerSecond, int burst, LongSupplier nanoClock, Sleeper sleeper) {
        if (!(permitsPerSecond > 0) || burst < 1) {
            throw new IllegalArgumentException("rate must be positive and burst at least 1");
        }
        this.permitsPerSecond = permitsPerSecond;
        this.burst = burst;
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.tokens = burst;
        this.last = nanoClock.getAsLong();
    }

    /** A limiter on the system clock. */
    public static RateLimiter perSecond(double permitsPerSecond, int burst) {
        return new RateLimiter(permitsPerSecond, burst, System::nanoTime,
                nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000)));
    }

    /** Takes one permit, waiting until one is available. */
    public synchronized void acquire() {
        refill();
        while (tokens < 1) {
            long waitNanos = (long) Math.ceil((1 - tokens) / permitsPerSecond * 1e9);
            try {
                sleeper.sleepNanos(Math.max(waitNanos, 1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a send permit", e);
            }
            refill();
        }
        tokens -= 1;
    }

    private void refill() {
        long now = nanoClock.getAsLong();
        tokens = Math.min(burst, tokens + (now - last) / 1e9 * permitsPerSecond);
        last = now;
    }
}
