package com.memberpoints.domain.sweep;

import com.memberpoints.domain.model.MerchantId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One task of the fanned-out expiry sweep (issue 16 change 7): walk one part of a merchant's expiry index
 * ({@code LedgerStore.expiring(merchant, part, ..)}) and expire every lot due at the run's instant {@code runAt}, from
 * {@code cursor} (empty: from the start of the part). The cursor is the part's own, as the store returned it; a task is
 * a message on the {@link ExpiryWalkQueue}, delivered at least once.
 */
public record ExpiryWalk(MerchantId merchant, int part, Instant runAt, Optional<String> cursor) {
    public ExpiryWalk {
        Objects.requireNonNull(merchant, "merchant");
        Objects.requireNonNull(runAt, "runAt");
        Objects.requireNonNull(cursor, "cursor");
        if (part < 0) {
            throw new IllegalArgumentException("expiry index part must not be negative: " + part);
        }
    }

    /** The first task of a part's walk. */
    public static ExpiryWalk start(MerchantId merchant, int part, Instant runAt) {
        return new ExpiryWalk(merchant, part, runAt, Optional.empty());
    }

    /** The same walk, continued from {@code next}. */
    public ExpiryWalk from(String next) {
        return new ExpiryWalk(merchant, part, runAt, Optional.of(next));
    }
}
