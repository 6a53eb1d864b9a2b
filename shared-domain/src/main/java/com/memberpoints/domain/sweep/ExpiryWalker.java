package com.memberpoints.domain.sweep;

import com.memberpoints.domain.ledger.ExpiringLot;
import com.memberpoints.domain.ledger.LedgerStore;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.model.Page;
import com.memberpoints.domain.model.PageRequest;
import com.memberpoints.domain.model.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The sweep worker's use case (issue 16 change 7): runs one {@link ExpiryWalk} — one part of a merchant's expiry
 * index, from the walk's cursor — expiring every lot due at the walk's run instant, page by page, until the part ends
 * or the invocation's {@link Budget} is spent; then it enqueues the walk's continuation from the next page's cursor.
 *
 * <ul>
 *   <li>A failure (a throttled DynamoDB call) propagates: the message is redelivered and the walk resumes from the
 *       message's cursor. The lots already expired on that page are no longer listed, or are tried again and not
 *       applicable (expiry is an idempotent ledger command): nothing is lost, nothing expired twice.</li>
 *   <li>Each step first renews the part's claim ({@link ExpiryWalkClaims}); a walk whose claim is gone (finished,
 *       taken over by a later run) is {@link Step.Superseded}: a duplicate message ends there.</li>
 *   <li>At least one page is walked per step whatever the budget, so every walk ends: the cursor only moves forward
 *       over a range bounded by the run instant.</li>
 * </ul>
 */
public final class ExpiryWalker {
    /** Index entries read per page (one page is the unit of progress and of the continuation's cursor). */
    public static final int PAGE = 100;

    /**
     * When a step stops (checked between pages, after the first): {@code maxWallets} wallets walked, or less than
     * {@code reserve} of the invocation's time {@code remaining}.
     */
    public record Budget(int maxWallets, Supplier<Duration> remaining, Duration reserve) {
        public Budget {
            Objects.requireNonNull(remaining, "remaining");
            Objects.requireNonNull(reserve, "reserve");
            if (maxWallets < 1) {
                throw new IllegalArgumentException("maxWallets must be positive");
            }
        }

        boolean spent(int wallets) {
            return wallets >= maxWallets || remaining.get().compareTo(reserve) < 0;
        }
    }

    /** What one step of a walk did. */
    public sealed interface Step {
        ExpiryWalk walk();

        /** The walk reached the end of its part; its claim is freed. */
        record Finished(ExpiryWalk walk, int wallets, int expired, int notApplicable) implements Step {}

        /** The budget was spent; {@code next} (the same walk from a later cursor) is enqueued. */
        record Continued(ExpiryWalk walk, int wallets, int expired, int notApplicable, ExpiryWalk next)
                implements Step {}

        /** The part is no longer this walk's (its claim is gone or names another run, or the index has no such part). */
        record Superseded(ExpiryWalk walk) implements Step {}
    }

    private final LedgerStore ledger;
    private final LedgerSweeps sweeps;
    private final ExpiryWalkQueue queue;
    private final ExpiryWalkClaims claims;
    private final TimeSource clock;

    public ExpiryWalker(LedgerStore ledger, ExpiryWalkQueue queue, ExpiryWalkClaims claims, TimeSource clock) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.sweeps = new LedgerSweeps(ledger);
        this.queue = Objects.requireNonNull(queue, "queue");
        this.claims = Objects.requireNonNull(claims, "claims");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** One step of the walk; a store or queue failure propagates (the message is redelivered). */
    public Step walk(ExpiryWalk walk, Budget budget) {
        Objects.requireNonNull(walk, "walk");
        Objects.requireNonNull(budget, "budget");
        if (walk.part() >= ledger.expiryParts()
                || !claims.renew(walk.merchant(), walk.part(), walk.runAt(), clock.now())) {
            return new Step.Superseded(walk);
        }
        Instant end = walk.runAt().plusSeconds(1); // lots due at or before the run instant (second precision)
        Set<WalletRef> done = new HashSet<>();
        int expired = 0;
        int skipped = 0;
        Optional<String> cursor = walk.cursor();
        do {
            Page<ExpiringLot> page = ledger.expiring(walk.merchant(), walk.part(), Instant.EPOCH, end,
                    new PageRequest(cursor, PAGE));
            for (ExpiringLot listed : page.items()) {
                if (done.add(listed.wallet())) {
                    LedgerSweeps.SweepReport one = sweeps.expireWallet(listed, walk.runAt());
                    expired += one.applied();
                    skipped += one.notApplicable();
                }
            }
            cursor = page.nextCursor();
        } while (cursor.isPresent() && !budget.spent(done.size()));
        if (cursor.isEmpty()) {
            claims.release(walk.merchant(), walk.part(), walk.runAt());
            return new Step.Finished(walk, done.size(), expired, skipped);
        }
        ExpiryWalk next = walk.from(cursor.get());
        queue.enqueue(List.of(next));
        return new Step.Continued(walk, done.size(), expired, skipped, next);
    }
}
