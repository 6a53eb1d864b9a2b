package com.memberpoints.domain.order;

import com.memberpoints.domain.model.Money;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the order has earned so far: points assigned (net of edit adjustments) and when first assigned,
 * the pending assignment schedule if any, and the reward credits awarded.
 */
public record EarnRecord(
        long pointsAssigned,
        Optional<Instant> pointsAssignedAt,
        Optional<Instant> scheduledFor,
        Money creditsAwarded,
        Optional<Instant> creditsAwardedAt) {

    public EarnRecord {
        Objects.requireNonNull(pointsAssignedAt, "pointsAssignedAt");
        Objects.requireNonNull(scheduledFor, "scheduledFor");
        Objects.requireNonNull(creditsAwarded, "creditsAwarded");
        Objects.requireNonNull(creditsAwardedAt, "creditsAwardedAt");
        if (pointsAssigned < 0 || creditsAwarded.isNegative()) {
            throw new IllegalArgumentException("earned amounts must not be negative");
        }
    }

    public static EarnRecord nothing(java.util.Currency currency) {
        return new EarnRecord(0, Optional.empty(), Optional.empty(), Money.zero(currency), Optional.empty());
    }

    public boolean hasAssignedPoints() {
        return pointsAssignedAt.isPresent();
    }

    public boolean hasAwardedCredits() {
        return creditsAwardedAt.isPresent();
    }
}
