package com.memberpoints.domain.order;

import com.memberpoints.domain.model.Money;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the order has earned so far: points assigned (net of edit adjustments) and when first assigned,
 * the pending assignment schedule if any, and the reward credits awarded.
 *
 * @param pointsNotRecovered points the ledger could not take back when the order's points went down (an edit, a
 *                           return, a cancellation after assignment, with the member's balance already spent): the
 *                           member keeps them, the order view shows them, and no later event tries again. A later
 *                           rise of the order's points absorbs them first.
 */
public record EarnRecord(
        long pointsAssigned,
        Optional<Instant> pointsAssignedAt,
        Optional<Instant> scheduledFor,
        Money creditsAwarded,
        Optional<Instant> creditsAwardedAt,
        long pointsNotRecovered) {

    public EarnRecord {
        Objects.requireNonNull(pointsAssignedAt, "pointsAssignedAt");
        Objects.requireNonNull(scheduledFor, "scheduledFor");
        Objects.requireNonNull(creditsAwarded, "creditsAwarded");
        Objects.requireNonNull(creditsAwardedAt, "creditsAwardedAt");
        if (pointsAssigned < 0 || creditsAwarded.isNegative() || pointsNotRecovered < 0) {
            throw new IllegalArgumentException("earned amounts must not be negative");
        }
    }

    /** A record without unrecovered points (the shape before returns existed). */
    public EarnRecord(long pointsAssigned, Optional<Instant> pointsAssignedAt, Optional<Instant> scheduledFor,
                      Money creditsAwarded, Optional<Instant> creditsAwardedAt) {
        this(pointsAssigned, pointsAssignedAt, scheduledFor, creditsAwarded, creditsAwardedAt, 0);
    }

    public static EarnRecord nothing(java.util.Currency currency) {
        return new EarnRecord(0, Optional.empty(), Optional.empty(), Money.zero(currency), Optional.empty());
    }

    /**
     * The points net the ledger should hold for the order: {@code target} (what it earns now, 0 once voided) plus
     * what could not be recovered before.
     */
    public long ledgerTarget(long target) {
        return Math.addExact(target, pointsNotRecovered);
    }

    /** With {@code more} points recorded as not recovered. */
    public EarnRecord notRecovered(long more) {
        return new EarnRecord(pointsAssigned, pointsAssignedAt, scheduledFor, creditsAwarded, creditsAwardedAt,
                Math.addExact(pointsNotRecovered, more));
    }

    public boolean hasAssignedPoints() {
        return pointsAssignedAt.isPresent();
    }

    public boolean hasAwardedCredits() {
        return creditsAwardedAt.isPresent();
    }
}
