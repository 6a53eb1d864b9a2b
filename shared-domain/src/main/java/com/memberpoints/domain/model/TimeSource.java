package com.memberpoints.domain.model;

import java.time.Instant;

/** The clock port. Production uses the system clock; tests and the local stack control time. */
@FunctionalInterface
public interface TimeSource {
    Instant now();

    static TimeSource system() {
        return Instant::now;
    }

    static TimeSource fixed(Instant instant) {
        return () -> instant;
    }
}
