package com.memberpoints.local;

import com.memberpoints.domain.model.TimeSource;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;

/**
 * LOCAL ONLY: the clock every locally wired handler and adapter reads. It runs with the machine's clock
 * shifted by an offset: it may start at any date ({@code local/run --start ...}), then time travel only
 * moves it forward (schedules already fired and ledger entries already written cannot be undone, so
 * neither can time).
 */
public final class LocalClock implements TimeSource {
    private final InstantSource base;
    private Duration offset = Duration.ZERO;
    private Instant last = Instant.MIN;

    public LocalClock(InstantSource base) {
        this.base = Objects.requireNonNull(base, "base");
    }

    /** A clock reading {@code start} now (in the past or the future), then running with {@code base}. */
    public LocalClock(InstantSource base, Instant start) {
        this(base);
        this.offset = Duration.between(base.instant(), start);
    }

    @Override
    public synchronized Instant now() {
        Instant now = base.instant().plus(offset);
        if (now.isBefore(last)) {
            now = last; // the machine's clock stepped back: hold still rather than go backwards
        }
        last = now;
        return now;
    }

    /**
     * Moves the clock to {@code target}.
     *
     * @throws IllegalArgumentException when {@code target} is before now
     */
    public synchronized void moveTo(Instant target) {
        Instant now = now();
        if (target.isBefore(now)) {
            throw new IllegalArgumentException("the local clock only moves forward: " + target + " is before " + now);
        }
        offset = offset.plus(Duration.between(now, target));
        last = target;
    }
}
