package com.memberpoints.domain.sweep;

import com.memberpoints.domain.ledger.LedgerStore;
import com.memberpoints.domain.model.MerchantId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

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
        return startOn(kind, merchant, runAt, IntStream.range(0, ledger.expiryParts()).boxed().toList());
    }

    /**
     * Restarts the walks of {@code kind} on {@code parts} whose claim went stale (their walk died: messages in the
     * dead-letter queue), from the start of each part at {@code runAt}; a part claimed again meanwhile is left alone
     * (the same conditional claim as {@link #start}). The hourly run calls it with {@link Walks#stale} while it leaves
     * the merchant's live walks alone. Returns the walks started.
     */
    public int takeOver(ExpiryWalk.Kind kind, MerchantId merchant, Instant runAt, Set<Integer> parts) {
        return startOn(kind, merchant, runAt, parts.stream().filter(p -> p < ledger.expiryParts()).sorted().toList());
    }

    /**
     * The walks holding parts of the merchant's expiry index at {@code now}, by kind (one read of the claims): live
     * (progress within {@code staleAfter}) or stale (taken over by the next fan-out). Claims of parts the index no
     * longer has are left out (their walks stop at once).
     */
    public Walks walks(MerchantId merchant, Instant now) {
        Instant staleBefore = now.minus(staleAfter);
        int parts = ledger.expiryParts();
        Set<Integer> liveExpire = new TreeSet<>();
        Set<Integer> staleExpire = new TreeSet<>();
        Set<Integer> liveRemind = new TreeSet<>();
        Set<Integer> staleRemind = new TreeSet<>();
        for (ExpiryWalkClaims.Held h : claims.held(merchant)) {
            boolean remind = h.part() >= ExpiryWalk.REMIND_CLAIM_OFFSET;
            int part = remind ? h.part() - ExpiryWalk.REMIND_CLAIM_OFFSET : h.part();
            if (part < 0 || part >= parts) {
                continue;
            }
            boolean live = !h.progress().isBefore(staleBefore); // the claim's own rule: stale when progress < bound
            (remind ? (live ? liveRemind : staleRemind) : (live ? liveExpire : staleExpire)).add(part);
        }
        return new Walks(liveExpire, staleExpire, liveRemind, staleRemind);
    }

    /** Which parts walks hold, per kind: live (making progress) and stale (dead, to be taken over). */
    public record Walks(Set<Integer> liveExpire, Set<Integer> staleExpire, Set<Integer> liveRemind,
                        Set<Integer> staleRemind) {
        public static final Walks NONE = new Walks(Set.of(), Set.of(), Set.of(), Set.of());

        public Walks {
            liveExpire = Set.copyOf(liveExpire);
            staleExpire = Set.copyOf(staleExpire);
            liveRemind = Set.copyOf(liveRemind);
            staleRemind = Set.copyOf(staleRemind);
        }

        /** The parts live walks of {@code kind} hold. */
        public Set<Integer> live(ExpiryWalk.Kind kind) {
            return kind == ExpiryWalk.Kind.EXPIRE ? liveExpire : liveRemind;
        }

        /** The parts whose walk of {@code kind} died (claim not renewed for {@code staleAfter}). */
        public Set<Integer> stale(ExpiryWalk.Kind kind) {
            return kind == ExpiryWalk.Kind.EXPIRE ? staleExpire : staleRemind;
        }
    }

    private int startOn(ExpiryWalk.Kind kind, MerchantId merchant, Instant runAt, Collection<Integer> parts) {
        List<ExpiryWalk> walks = new ArrayList<>();
        for (int part : parts) {
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
