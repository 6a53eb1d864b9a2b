package com.memberpoints.bench.scale;

import com.memberpoints.domain.model.TimeSource;
import java.time.Duration;
import java.time.Instant;

/**
 * The simulation's virtual clock. Drivers set it to an event's instant; for shapes whose pace is set by one
 * worker's round trips (the sweep, a bulk chunk) it also advances by a modelled latency per DynamoDB call, so a
 * worker's rate in the simulation is the rate it would reach in AWS.
 */
public final class SimClock implements TimeSource {
    private Instant now;
    private Duration perCall = Duration.ZERO;

    public SimClock(Instant start) {
        this.now = start;
    }

    @Override
    public synchronized Instant now() {
        return now;
    }

    public synchronized void set(Instant instant) {
        now = instant;
    }

    public synchronized long second() {
        return now.getEpochSecond();
    }

    /** {@code Duration.ZERO} to stop advancing per call. */
    public synchronized void latencyPerCall(Duration latency) {
        perCall = latency;
    }

    synchronized void afterCall() {
        now = now.plus(perCall);
    }
}
