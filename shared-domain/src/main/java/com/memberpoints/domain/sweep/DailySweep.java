package com.memberpoints.domain.sweep;

import com.memberpoints.domain.merchant.MerchantStore;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.TimeSource;
import com.memberpoints.domain.notify.ExpiryReminderPass;
import com.memberpoints.domain.order.OrderLifecycle;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The sweep use case, run every hour on the hour (UTC; the name is historical: it ran once a day). For every merchant ({@link MerchantStore#all()}): expires the lots due
 * ({@link LedgerSweeps#expireDue}, through the ledger's expiry index: only wallets with a due lot are read), releases
 * redemption holds older than the hold time limit ({@link LedgerSweeps#releaseStaleHolds}), and reconciles:
 * delivered orders past their due date plus the grace period with no assignment are assigned now
 * ({@link OrderLifecycle#reconcileOverdue}). One merchant's failure does not stop the others: it is reported as
 * {@link MerchantResult.Failed}, in merchant order with the others, and the caller decides what a failure means.
 *
 * <p>Every run takes what is due at its own instant: the indexes are ordered by instant (a lot's expiry is 23:59:59
 * local in its merchant's zone, an instant), so each merchant's lots are expired by the first run after their local
 * end of day — within the hour — whatever the merchant's zone. Runs read only what is due (an idle merchant costs
 * three empty index queries), stop each job at {@code maxItems} (the next run continues), and may overlap (a retried
 * run and the next hour's): every write is an idempotent ledger command or lifecycle step, applied once.
 */
public final class DailySweep {

    /**
     * @param holdTimeLimit  a redemption hold older than this is released
     * @param reconcileGrace an order due this long ago and still unassigned is assigned by the sweep
     * @param maxItems       wallets, holds and orders handled per merchant and job in one run
     */
    public record Limits(Duration holdTimeLimit, Duration reconcileGrace, int maxItems) {
        public Limits {
            Objects.requireNonNull(holdTimeLimit, "holdTimeLimit");
            Objects.requireNonNull(reconcileGrace, "reconcileGrace");
            if (holdTimeLimit.isNegative() || holdTimeLimit.isZero() || reconcileGrace.isNegative() || maxItems < 1) {
                throw new IllegalArgumentException("sweep limits must be positive");
            }
        }
    }

    /** What one merchant's sweep did, or that it failed. */
    public sealed interface MerchantResult {
        MerchantId merchant();

        /**
         * @param walksStarted expiry walks enqueued by this run (issue 16 change 7): the expiry stopped at the cap and
         *                     the fan-out started a walk on every part of the expiry index nobody was walking (or,
         *                     while the run yielded, on the parts whose walk died)
         * @param reminderWalksStarted reminder walks enqueued by this run (issue 16 change 7b): the reminder pass
         *                     stopped at the cap and the fan-out started a reminder walk on every free part
         * @param expiryLeftToWalks live expiry walks this run left the merchant's due lots to (0: it expired them
         *                     itself, or nothing was due): the run did not walk the expiry index while they hold parts
         *                     of it (docs/decisions.md "S4 The hourly run yields to live walks")
         * @param remindersLeftToWalks live reminder walks this run left the merchant's reminder window to
         */
        record Swept(MerchantId merchant, LedgerSweeps.SweepReport expired, LedgerSweeps.SweepReport released,
                     OrderLifecycle.ReconcileReport reconciled, ExpiryReminderPass.PassReport reminded,
                     int walksStarted, int reminderWalksStarted, int expiryLeftToWalks, int remindersLeftToWalks)
                implements MerchantResult {
            public Swept {
                Objects.requireNonNull(reminded, "reminded");
                if (walksStarted < 0 || reminderWalksStarted < 0 || expiryLeftToWalks < 0 || remindersLeftToWalks < 0) {
                    throw new IllegalArgumentException("walks must not be negative");
                }
            }

            /** A sweep that left nothing to live walks. */
            public Swept(MerchantId merchant, LedgerSweeps.SweepReport expired, LedgerSweeps.SweepReport released,
                         OrderLifecycle.ReconcileReport reconciled, ExpiryReminderPass.PassReport reminded,
                         int walksStarted, int reminderWalksStarted) {
                this(merchant, expired, released, reconciled, reminded, walksStarted, reminderWalksStarted, 0, 0);
            }

            /** A sweep that started no reminder walk. */
            public Swept(MerchantId merchant, LedgerSweeps.SweepReport expired, LedgerSweeps.SweepReport released,
                         OrderLifecycle.ReconcileReport reconciled, ExpiryReminderPass.PassReport reminded,
                         int walksStarted) {
                this(merchant, expired, released, reconciled, reminded, walksStarted, 0);
            }

            /** A sweep that started no expiry walk. */
            public Swept(MerchantId merchant, LedgerSweeps.SweepReport expired, LedgerSweeps.SweepReport released,
                         OrderLifecycle.ReconcileReport reconciled, ExpiryReminderPass.PassReport reminded) {
                this(merchant, expired, released, reconciled, reminded, 0);
            }

            /** A sweep without the reminder pass (reminders off, or no pass wired). */
            public Swept(MerchantId merchant, LedgerSweeps.SweepReport expired, LedgerSweeps.SweepReport released,
                         OrderLifecycle.ReconcileReport reconciled) {
                this(merchant, expired, released, reconciled, ExpiryReminderPass.PassReport.OFF);
            }

            /**
             * Every job got to the end (none stopped at {@code maxItems}, none left to live walks).
             */
            public boolean complete() {
                return expired.complete() && released.complete() && reconciled.complete() && reminded.complete();
            }
        }

        record Failed(MerchantId merchant, RuntimeException cause) implements MerchantResult {}
    }

    /** One result per merchant, in {@link MerchantStore#all()} order. */
    public record Outcome(List<MerchantResult> results) {
        public Outcome {
            results = List.copyOf(results);
        }

        public List<MerchantId> failed() {
            return results.stream().filter(r -> r instanceof MerchantResult.Failed).map(MerchantResult::merchant).toList();
        }
    }

    private final MerchantStore merchants;
    private final LedgerSweeps sweeps;
    private final OrderLifecycle lifecycle;
    private final TimeSource clock;
    private final Limits limits;
    private final Optional<ExpiryReminderPass> reminders;
    private final Optional<ExpiryFanOut> fanOut;

    public DailySweep(MerchantStore merchants, LedgerSweeps sweeps, OrderLifecycle lifecycle, TimeSource clock,
                      Limits limits) {
        this(merchants, sweeps, lifecycle, clock, limits, Optional.empty());
    }

    /** With the expiry-reminder pass (issue 12 item 2), run after the three jobs for merchants with reminders on. */
    public DailySweep(MerchantStore merchants, LedgerSweeps sweeps, OrderLifecycle lifecycle, TimeSource clock,
                      Limits limits, ExpiryReminderPass reminders) {
        this(merchants, sweeps, lifecycle, clock, limits, Optional.of(reminders));
    }

    private DailySweep(MerchantStore merchants, LedgerSweeps sweeps, OrderLifecycle lifecycle, TimeSource clock,
                       Limits limits, Optional<ExpiryReminderPass> reminders) {
        this(merchants, sweeps, lifecycle, clock, limits, reminders, Optional.empty());
    }

    private DailySweep(MerchantStore merchants, LedgerSweeps sweeps, OrderLifecycle lifecycle, TimeSource clock,
                       Limits limits, Optional<ExpiryReminderPass> reminders, Optional<ExpiryFanOut> fanOut) {
        this.fanOut = Objects.requireNonNull(fanOut, "fanOut");
        this.reminders = Objects.requireNonNull(reminders, "reminders");
        this.merchants = Objects.requireNonNull(merchants, "merchants");
        this.sweeps = Objects.requireNonNull(sweeps, "sweeps");
        this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * The same sweep, fanning out (issue 16 change 7): when a merchant's expiry stops at {@code maxItems}, the run
     * starts a walk on every part of its expiry index that no walk holds ({@link ExpiryFanOut}); the sweep workers
     * expire the rest in parallel ({@link ExpiryWalker}). Without it the next hourly run continues,
     * {@code maxItems} at a time.
     *
     * <p>The reminder pass fans out the same way (issue 16 change 7b): when it stops at {@code maxItems}, the run
     * starts a reminder walk on every part nobody is reminding ({@link ExpiryWalk.Kind#REMIND}), and when that is
     * every part the pass's progress moves to the window's end ({@link ExpiryReminderPass#handOver}): the walks
     * remind the whole window at the run's instant, and later passes only take what enters it afterwards. When some
     * parts are still held by an earlier run's walks, the progress stays where the pass stopped (the next run goes
     * on and tries again; markers are conditional creates, so nothing is reminded twice).
     *
     * <p>While live walks of a kind hold parts of a merchant's index, the run leaves that job to them ({@link #run}).
     */
    public DailySweep withFanOut(ExpiryFanOut expiryFanOut) {
        return new DailySweep(merchants, sweeps, lifecycle, clock, limits, reminders,
                Optional.of(Objects.requireNonNull(expiryFanOut, "expiryFanOut")));
    }

    /**
     * Runs the three jobs for every merchant.
     *
     * <p>With the fan-out, the run yields to live walks (docs/decisions.md "S4 The hourly run yields to live walks"):
     * when a merchant has lots due (or reminders to read), the run first reads its walk claims (one read, shared by both
     * kinds); while a live walk of a kind holds any part of the merchant's expiry index, the run does not walk the
     * index for that kind — it reports the job left to those walks ({@link MerchantResult.Swept#expiryLeftToWalks},
     * {@link MerchantResult.Swept#remindersLeftToWalks}) — and restarts only the parts whose walk died
     * ({@link ExpiryFanOut#takeOver}). Once no live walk holds a part, the next run walks the index again from its
     * start (expiry: everything due at its own instant, so what fell due after the walks' instant too; reminders: from
     * the pass's saved progress).
     */
    public Outcome run() {
        Instant now = clock.now();
        List<MerchantResult> results = new ArrayList<>();
        for (MerchantId merchant : merchants.all()) {
            try {
                results.add(sweep(merchant, now));
            } catch (RuntimeException e) {
                results.add(new MerchantResult.Failed(merchant, e));
            }
        }
        return new Outcome(results);
    }

    private MerchantResult.Swept sweep(MerchantId merchant, Instant now) {
        Claims claims = new Claims(merchant, now);
        Yield expiry = new Yield(claims, ExpiryWalk.Kind.EXPIRE);
        LedgerSweeps.SweepReport expired = sweeps.expireDue(merchant, now, limits.maxItems(), expiry);
        int walks = 0;
        if (!expired.complete() && expiry.leftTo == 0 && fanOut.isPresent()) {
            walks = fanOut.get().start(merchant, now);
        } else {
            walks = claims.takeOverStale(ExpiryWalk.Kind.EXPIRE);
        }
        LedgerSweeps.SweepReport released = sweeps.releaseStaleHolds(merchant, now, limits.holdTimeLimit(),
                limits.maxItems());
        OrderLifecycle.ReconcileReport reconciled = lifecycle.reconcileOverdue(merchant,
                limits.reconcileGrace(), limits.maxItems());
        Yield remind = new Yield(claims, ExpiryWalk.Kind.REMIND);
        ExpiryReminderPass.PassReport reminded = reminders.isPresent()
                ? reminders.get().run(merchant, now, limits.maxItems(), remind) : ExpiryReminderPass.PassReport.OFF;
        int reminderWalks = 0;
        if (!reminded.complete() && remind.leftTo == 0 && fanOut.isPresent()) {
            reminderWalks = fanOut.get().start(ExpiryWalk.Kind.REMIND, merchant, now);
            if (reminderWalks == fanOut.get().parts()) {
                reminders.get().handOver(merchant, now);
            }
        } else {
            reminderWalks = claims.takeOverStale(ExpiryWalk.Kind.REMIND);
        }
        return new MerchantResult.Swept(merchant, expired, released, reconciled, reminded, walks, reminderWalks,
                expiry.leftTo, remind.leftTo);
    }

    /**
     * The merchant's walk claims, read at most once per run and only when a job has something to walk (an idle
     * merchant costs no read); without the fan-out there are none.
     */
    private final class Claims {
        private final MerchantId merchant;
        private final Instant now;
        private ExpiryFanOut.Walks read;

        Claims(MerchantId merchant, Instant now) {
            this.merchant = merchant;
            this.now = now;
        }

        ExpiryFanOut.Walks get() {
            if (read == null) {
                read = fanOut.map(f -> f.walks(merchant, now)).orElse(ExpiryFanOut.Walks.NONE);
            }
            return read;
        }

        /** Restarts the dead walks of {@code kind} the read found (none if the claims were not read). */
        int takeOverStale(ExpiryWalk.Kind kind) {
            if (read == null || fanOut.isEmpty() || read.stale(kind).isEmpty()) {
                return 0;
            }
            return fanOut.get().takeOver(kind, merchant, now, read.stale(kind));
        }
    }

    /** Asked by a job before it walks the index: proceed only when no live walk of its kind holds a part. */
    private static final class Yield implements BooleanSupplier {
        private final Claims claims;
        private final ExpiryWalk.Kind kind;
        private int leftTo;

        Yield(Claims claims, ExpiryWalk.Kind kind) {
            this.claims = claims;
            this.kind = kind;
        }

        @Override
        public boolean getAsBoolean() {
            leftTo = claims.get().live(kind).size();
            return leftTo == 0;
        }
    }
}
