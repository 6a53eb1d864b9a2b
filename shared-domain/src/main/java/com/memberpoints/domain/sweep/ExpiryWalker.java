package com.memberpoints.domain.sweep;

import com.memberpoints.domain.ledger.ExpiringLot;
import com.memberpoints.domain.ledger.LedgerStore;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.model.Page;
import com.memberpoints.domain.model.PageRequest;
import com.memberpoints.domain.model.TimeSource;
import com.memberpoints.domain.notify.ExpiryReminderPass;
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
 *
 * <p>A reminder walk ({@link ExpiryWalk.Kind#REMIND}, issue 16 change 7b) follows the same rules over the part's
 * entries before the end of the reminder window at its run instant ({@link ExpiryReminderPass#window}; entries before
 * the run instant too: expiry walks run alongside, and a wallet is listed by its soonest lot, which may be an overdue
 * lot not expired yet), writing each wallet's markers with the pass's own rule ({@link ExpiryReminderPass#remindWallet}):
 * a conditional create per lot and window, so duplicates and redeliveries remind nothing twice. Its step counts
 * markers written as {@code expired} and markers already there as {@code notApplicable}. With reminders turned off
 * meanwhile it finishes at once.
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

        /**
         * The walk reached the end of its part; its claim is freed. (For a reminder walk, {@code expired} counts the
         * markers written and {@code notApplicable} those already written, here and in {@link Continued}.)
         */
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
    private final Optional<ExpiryReminderPass> reminders;

    /** A worker for expiry walks only: a reminder walk fails (and reaches the dead-letter queue). */
    public ExpiryWalker(LedgerStore ledger, ExpiryWalkQueue queue, ExpiryWalkClaims claims, TimeSource clock) {
        this(ledger, queue, claims, clock, Optional.empty());
    }

    /** A worker for expiry walks and reminder walks (issue 16 change 7b). */
    public ExpiryWalker(LedgerStore ledger, ExpiryWalkQueue queue, ExpiryWalkClaims claims, TimeSource clock,
                        ExpiryReminderPass reminders) {
        this(ledger, queue, claims, clock, Optional.of(reminders));
    }

    private ExpiryWalker(LedgerStore ledger, ExpiryWalkQueue queue, ExpiryWalkClaims claims, TimeSource clock,
                         Optional<ExpiryReminderPass> reminders) {
        this.reminders = Objects.requireNonNull(reminders, "reminders");
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
                || !claims.renew(walk.merchant(), walk.claimSlot(), walk.runAt(), clock.now())) {
            return new Step.Superseded(walk);
        }
        Instant from;
        Instant end;
        Optional<ExpiryReminderPass.Window> window = Optional.empty();
        if (walk.kind() == ExpiryWalk.Kind.REMIND) {
            ExpiryReminderPass pass = reminders.orElseThrow(
                    () -> new IllegalStateException("this sweep worker is not wired for reminder walks"));
            window = pass.window(walk.merchant(), walk.runAt());
            if (window.isEmpty()) { // reminders turned off since the run: nothing is due
                claims.release(walk.merchant(), walk.claimSlot(), walk.runAt());
                return new Step.Finished(walk, 0, 0, 0);
            }
            from = Instant.EPOCH; // a wallet still listed by an overdue lot its expiry walk has not reached yet
            end = window.get().upper();
        } else {
            from = Instant.EPOCH;
            end = walk.runAt().plusSeconds(1); // lots due at or before the run instant (second precision)
        }
        Set<WalletRef> done = new HashSet<>();
        int applied = 0;
        int skipped = 0;
        Optional<String> cursor = walk.cursor();
        do {
            Page<ExpiringLot> page = ledger.expiring(walk.merchant(), walk.part(), from, end,
                    new PageRequest(cursor, PAGE));
            for (ExpiringLot listed : page.items()) {
                if (!done.add(listed.wallet())) {
                    continue;
                }
                if (window.isPresent()) {
                    ExpiryReminderPass.Marked marked = reminders.get().remindWallet(listed, window.get());
                    applied += marked.created();
                    skipped += marked.already();
                } else {
                    LedgerSweeps.SweepReport one = sweeps.expireWallet(listed, walk.runAt());
                    applied += one.applied();
                    skipped += one.notApplicable();
                }
            }
            cursor = page.nextCursor();
        } while (cursor.isPresent() && !budget.spent(done.size()));
        if (cursor.isEmpty()) {
            claims.release(walk.merchant(), walk.claimSlot(), walk.runAt());
            return new Step.Finished(walk, done.size(), applied, skipped);
        }
        ExpiryWalk next = walk.from(cursor.get());
        queue.enqueue(List.of(next));
        return new Step.Continued(walk, done.size(), applied, skipped, next);
    }
}
