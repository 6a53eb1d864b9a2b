package com.memberpoints.domain.ledger;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A positive quantity of points or credits sharing one expiry instant (empty = never expires). */
public record Lot(Optional<Instant> expiresAt, long amount) {
    public Lot {
        Objects.requireNonNull(expiresAt, "expiresAt");
        expiresAt.ifPresent(Lots::requireWholeSeconds);
        if (amount <= 0) {
            throw new IllegalArgumentException("a lot holds a positive amount, got " + amount);
        }
    }
}
