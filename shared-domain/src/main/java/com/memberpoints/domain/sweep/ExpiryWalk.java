package com.memberpoints.domain.sweep;

import com.memberpoints.domain.model.MerchantId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One task of the fanned-out sweep (issue 16 change 7): walk one part of a merchant's expiry index
 * ({@code LedgerStore.expiring(merchant, part, ..)}) for the run's instant {@code runAt}, from {@code cursor} (empty:
 * from the start of the part). The cursor is the part's own, as the store returned it; a task is a message on the
 * {@link ExpiryWalkQueue}, delivered at least once. Its {@link Kind} says what the walk does with each wallet listed:
 * expire the lots due at {@code runAt} ({@link Kind#EXPIRE}), or write the expiry-reminder markers of the lots in the
 * reminder window at {@code runAt} ({@link Kind#REMIND}, issue 16 change 7b).
 */
public record ExpiryWalk(Kind kind, MerchantId merchant, int part, Instant runAt, Optional<String> cursor) {

    /** What a walk does with the wallets it lists. */
    public enum Kind {
        /** Expire every lot due at the run instant (index range: everything up to the run instant). */
        EXPIRE,
        /** Remind every lot in the reminder window at the run instant (index range: from the run instant to its end). */
        REMIND
    }

    /**
     * Reminder walks claim their part under this offset ({@link #claimSlot()}), so an expiry walk and a reminder walk
     * of the same part hold different claims; the expiry index has fewer parts than this.
     */
    public static final int REMIND_CLAIM_OFFSET = 1000;

    public ExpiryWalk {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(merchant, "merchant");
        Objects.requireNonNull(runAt, "runAt");
        Objects.requireNonNull(cursor, "cursor");
        if (part < 0 || part >= REMIND_CLAIM_OFFSET) {
            throw new IllegalArgumentException("expiry index part must be in [0, " + REMIND_CLAIM_OFFSET + "): " + part);
        }
    }

    /** An expiry walk (the task before reminder walks existed). */
    public ExpiryWalk(MerchantId merchant, int part, Instant runAt, Optional<String> cursor) {
        this(Kind.EXPIRE, merchant, part, runAt, cursor);
    }

    /** The first task of a part's expiry walk. */
    public static ExpiryWalk start(MerchantId merchant, int part, Instant runAt) {
        return start(Kind.EXPIRE, merchant, part, runAt);
    }

    /** The first task of a part's walk of {@code kind}. */
    public static ExpiryWalk start(Kind kind, MerchantId merchant, int part, Instant runAt) {
        return new ExpiryWalk(kind, merchant, part, runAt, Optional.empty());
    }

    /** The same walk, continued from {@code next}. */
    public ExpiryWalk from(String next) {
        return new ExpiryWalk(kind, merchant, part, runAt, Optional.of(next));
    }

    /** The slot this walk's claim is kept under ({@link ExpiryWalkClaims}): the part, offset for reminder walks. */
    public int claimSlot() {
        return claimSlot(kind, part);
    }

    /** The claim slot of {@code part} for walks of {@code kind}. */
    public static int claimSlot(Kind kind, int part) {
        return kind == Kind.EXPIRE ? part : REMIND_CLAIM_OFFSET + part;
    }
}
