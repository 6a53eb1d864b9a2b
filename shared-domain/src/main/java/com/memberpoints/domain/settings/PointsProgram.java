package com.memberpoints.domain.settings;

import java.util.Objects;

/** The points program: master switch, earning, channels, expiry and assignment. */
public record PointsProgram(
        boolean enabled, EarnRule earn, Channels channels, ExpiryPolicy expiry, AssignmentPolicy assignment) {
    public PointsProgram {
        Objects.requireNonNull(earn, "earn");
        Objects.requireNonNull(channels, "channels");
        Objects.requireNonNull(expiry, "expiry");
        Objects.requireNonNull(assignment, "assignment");
    }
}
