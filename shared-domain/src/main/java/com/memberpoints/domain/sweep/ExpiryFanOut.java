package com.memberpoints.domain.sweep;

import com.memberpoints.domain.ledger.LedgerStore;
import com.memberpoints.domain.model.MerchantId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Starts the fanned-out expiry of one merchant (issue 16 change 7): one {@link ExpiryWalk} per part of its expiry
 * index ({@link LedgerStore#expiryParts()}), each from the start of its part, for the run's instant. A part already
 * walked by an earlier run is left to that walk ({@link ExpiryWalkClaims}), unless its claim made no progress for
 * {@code staleAfter} (that walk died). The hourly sweep calls it when a merchant's expiry does not complete within
 * the run's cap.
 */
public final class ExpiryFanOut {
    private final LedgerStore ledger;
    private final ExpiryWalkQueue queue;
    private final ExpiryWalkClaims claims;
    private final Duration staleAfter;

    /**
     * @param staleAfter a claim with no progress for this long is taken over; longer than a walk message can take to
     *                   be received and retried (queue wait + visibility timeout × maxReceiveCount)
     */
    public ExpiryFanOut(LedgerStore ledger, ExpiryWalkQueue queue, ExpiryWalkClaims claims, Duration staleAfter) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.claims = Objects.requireNonNull(claims, "claims");
        this.staleAfter = Objects.requireNonNull(staleAfter, "staleAfter");
        if (staleAfter.isNegative() || staleAfter.isZero()) {
            throw new IllegalArgumentException("staleAfter must be positive");
        }
    }

    /**
     * Claims every free part and enqueues its walk; returns how many walks were started (0 when every part is already
     * being walked). If the queue refuses the walks their claims are freed again and the failure propagates.
     */
    public int start(MerchantId merchant, Instant runAt) {
        return start(ExpiryWalk.Kind.EXPIRE, merchant, runAt);
    }

    /**
     * The same for walks of {@code kind} (issue 16 change 7b: {@link ExpiryWalk.Kind#REMIND} when the reminder pass
     * stops at its cap). Claims are kept per kind ({@link ExpiryWalk#claimSlot()}): an expiry walk and a reminder
     * walk of the same part never block each other.
     */
    public int start(ExpiryWalk.Kind kind, MerchantId merchant, Instant runAt) {
        List<ExpiryWalk> walks = new ArrayList<>();
        int parts = ledger.expiryParts();
        for (int part = 0; part < parts; part++) {
            if (claims.claim(merchant, ExpiryWalk.claimSlot(kind, part), runAt, runAt, runAt.minus(staleAfter))) {
                walks.add(ExpiryWalk.start(kind, merchant, part, runAt));
            }
        }
        if (walks.isEmpty()) {
            return 0;
        }
        try {
            queue.enqueue(walks);
        } catch (RuntimeException e) {
            walks.forEach(w -> claims.release(merchant, w.claimSlot(), runAt));
            throw e;
        }
        return walks.size();
    }

    /** How many walks a fan-out starts when no part is held: the expiry index's parts. */
    public int parts() {
        return ledger.expiryParts();
    }
}
