package com.memberpoints.domain.sweep;

import com.memberpoints.domain.model.MerchantId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Which run walks each part of a merchant's expiry index: at most one claim per (merchant, part), naming the run's
 * instant and when the walk last made progress. It keeps overlapping hourly runs from multiplying the walks: a run
 * starts a walk only on a part nobody claims, or whose claim has made no progress since {@code staleBefore} (its walk
 * died: messages in the dead-letter queue); a walk whose claim now names another run (or none) stops. The
 * {@code part} argument is the walk's claim slot ({@link ExpiryWalk#claimSlot()}): the part for expiry walks, the part
 * offset by {@link ExpiryWalk#REMIND_CLAIM_OFFSET} for reminder walks, so the two kinds never block each other.
 */
public interface ExpiryWalkClaims {

    /** A claim as stored: its slot ({@code part}), the run holding it and the walk's last progress. */
    record Held(int part, Instant runAt, Instant progress) {
        public Held {
            Objects.requireNonNull(runAt, "runAt");
            Objects.requireNonNull(progress, "progress");
        }
    }

    /**
     * Claims the part for the run at {@code runAt}: true when it was free, or its claim's last progress is before
     * {@code staleBefore} (taken over); false when another walk holds it. The claim's progress is {@code now}.
     */
    boolean claim(MerchantId merchant, int part, Instant runAt, Instant now, Instant staleBefore);

    /** True, and the claim's progress set to {@code now}, when the part is still claimed by the run at {@code runAt}. */
    boolean renew(MerchantId merchant, int part, Instant runAt, Instant now);

    /** Frees the part if the run at {@code runAt} holds it (nothing otherwise): its walk is done. */
    void release(MerchantId merchant, int part, Instant runAt);

    /**
     * Every claim the merchant's slots hold now (both kinds', live or stale), in any order: one read. The hourly run
     * asks it to leave the parts live walks hold to them (docs/decisions.md "S4 The hourly run yields to live walks").
     */
    List<Held> held(MerchantId merchant);
}
