package com.memberpoints.domain.ledger;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What one journal entry did to one lot: {@code delta} units (signed) at the lot that expires at
 * {@code expiresAt} (empty = never expires).
 */
public record LotChange(Optional<Instant> expiresAt, long delta) {
    public LotChange {
        Objects.requireNonNull(expiresAt, "expiresAt");
        expiresAt.ifPresent(Lots::requireWholeSeconds);
        if (delta == 0) {
            throw new IllegalArgumentException("a lot change must not be zero");
        }
    }

    public LotChange negate() {
        return new LotChange(expiresAt, Math.negateExact(delta));
    }
}
