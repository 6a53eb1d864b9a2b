package com.memberpoints.local;

import java.time.Instant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * LOCAL ONLY: moves the {@link LocalClock} and runs what AWS would have run meanwhile, in time order:
 * each assignment schedule of the {@link LocalAssignmentScheduler} at its firing instant, and the
 * sweep every hour on the hour, UTC (as the template's {@code cron(0 * * * ? *)} schedule does). Before each job the
 * clock is set to the job's instant, so the handler sees the time EventBridge would have invoked it at; a job
 * that schedules another one due before the travel's end sees it fired in the same travel.
 *
 * <p>Idle hours: when a {@link SweepAgenda} is wired, an hourly run before the instant it names (the earliest lot
 * expiry, stale hold or overdue order, read from the sweep's own indexes) is counted as idle and not invoked — it
 * would read three empty index pages per merchant and write nothing — so a year of time travel (8,760 hourly runs)
 * stays a matter of seconds. The agenda is asked again after every job, so work created on the way (an assignment)
 * is swept at the first hour after it is due. Without an agenda every hourly run is invoked.
 *
 * <p>A background ticker calls {@link #catchUp()} every second, so schedules also fire as real time
 * passes. Jobs whose handler is not wired yet, or that fail, are reported and (for schedules) kept
 * as dead letters, as EventBridge Scheduler's dead-letter queue would keep them.
 */
public final class LocalTimeMachine {
    /** The sweep's period; runs fall on its multiples since the epoch (every hour on the hour, UTC). */
    public static final Duration SWEEP_EVERY = Duration.ofHours(1);

    /** Runs one assignment schedule (the target EventBridge Scheduler would invoke). */
    @FunctionalInterface
    public interface AssignmentTarget {
        void fire(LocalAssignmentScheduler.Schedule schedule) throws Exception;
    }

    /** Runs the hourly sweep scheduled at {@code at}. */
    @FunctionalInterface
    public interface SweepTarget {
        void run(Instant at) throws Exception;
    }

    /** When the sweep next has work (possibly already past), empty when nothing is pending. */
    @FunctionalInterface
    public interface SweepAgenda {
        Optional<Instant> nextDue(Instant now);
    }

    /** One job run during a travel: {@code kind} "assignment" or "sweep"; {@code outcome} "ok", "not wired" or the error. */
    public record Fired(Instant at, String kind, String subject, String outcome) {}

    /** What a travel ran, in time order, and how many hourly sweeps it skipped because nothing was due. */
    public record Travel(List<Fired> ran, long idleSweeps) {
        public Travel {
            ran = List.copyOf(ran);
        }
    }

    /** A schedule that could not be run. */
    public record DeadLetter(LocalAssignmentScheduler.Schedule schedule, Instant at, String reason) {}

    private final LocalClock clock;
    private final LocalAssignmentScheduler scheduler;
    private volatile AssignmentTarget assignments;
    private volatile SweepTarget sweep;
    private volatile SweepAgenda agenda;
    private final List<DeadLetter> deadLetters = new ArrayList<>();
    private Instant sweptUpTo;

    public LocalTimeMachine(LocalClock clock, LocalAssignmentScheduler scheduler) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.sweptUpTo = clock.now();
    }

    void assignmentTarget(AssignmentTarget target) {
        this.assignments = Objects.requireNonNull(target, "target");
    }

    void sweepTarget(SweepTarget target) {
        this.sweep = Objects.requireNonNull(target, "target");
    }

    void sweepAgenda(SweepAgenda agenda) {
        this.agenda = Objects.requireNonNull(agenda, "agenda");
    }

    public synchronized List<DeadLetter> deadLetters() {
        return List.copyOf(deadLetters);
    }

    /** Runs what is due now (the background ticker). */
    public synchronized Travel catchUp() {
        return runUpTo(clock.now());
    }

    /**
     * Moves the clock to {@code target}, running every job due on the way, in order.
     *
     * @throws IllegalArgumentException when {@code target} is before now
     */
    public synchronized Travel travelTo(Instant target) {
        if (target.isBefore(clock.now())) {
            throw new IllegalArgumentException("the local clock only moves forward: " + target + " is before " + clock.now());
        }
        return runUpTo(target);
    }

    private Travel runUpTo(Instant target) {
        List<Fired> fired = new ArrayList<>();
        long idle = 0;
        while (true) {
            Instant slot = nextSweepAfter(sweptUpTo);
            Optional<Instant> nextSchedule = scheduler.nextFiring();
            if (slot.isAfter(target) && nextSchedule.filter(s -> !s.isAfter(target)).isEmpty()) {
                break; // nothing due up to the target (the ticker's usual second): the agenda is not read
            }
            Instant sweepAt = slot;
            SweepAgenda a = agenda;
            if (a != null) {
                Optional<Instant> due = a.nextDue(clock.now());
                sweepAt = due.isEmpty() ? Instant.MAX : due.get().isAfter(slot) ? firstSweepAtOrAfter(due.get()) : slot;
            }
            boolean scheduleFirst = nextSchedule.isPresent() && !nextSchedule.get().isAfter(sweepAt);
            Instant next = scheduleFirst ? nextSchedule.get() : sweepAt;
            if (next.isAfter(target)) {
                break;
            }
            idle += skipIdleBefore(next);
            if (next.isAfter(clock.now())) {
                clock.moveTo(next);
            }
            if (scheduleFirst) {
                LocalAssignmentScheduler.Schedule s = scheduler.takeNextDue(next).orElseThrow();
                fired.add(fireAssignment(s, next));
            } else {
                sweptUpTo = next;
                fired.add(runSweep(next));
            }
        }
        // Every hourly run left up to the target comes before the agenda's next due instant: idle.
        idle += skipIdleBefore(target.plusNanos(1));
        if (target.isAfter(clock.now())) {
            clock.moveTo(target);
        }
        if (sweptUpTo.isBefore(target)) {
            sweptUpTo = target;
        }
        return new Travel(fired, idle);
    }

    /** Counts the hourly runs after {@code sweptUpTo} and strictly before {@code end} as idle, and passes them. */
    private long skipIdleBefore(Instant end) {
        Instant first = nextSweepAfter(sweptUpTo);
        if (!first.isBefore(end)) {
            return 0;
        }
        long n = (Duration.between(first, end).toNanos() - 1) / SWEEP_EVERY.toNanos() + 1;
        sweptUpTo = first.plus(SWEEP_EVERY.multipliedBy(n - 1));
        return n;
    }

    private Fired fireAssignment(LocalAssignmentScheduler.Schedule s, Instant at) {
        String subject = s.merchant().value() + "/" + s.order().value();
        AssignmentTarget target = assignments;
        if (target == null) {
            deadLetters.add(new DeadLetter(s, at, "no assignment handler is wired into the local stack"));
            return new Fired(at, "assignment", subject, "not wired");
        }
        try {
            target.fire(s);
            return new Fired(at, "assignment", subject, "ok");
        } catch (Exception e) {
            e.printStackTrace();
            deadLetters.add(new DeadLetter(s, at, e.toString()));
            return new Fired(at, "assignment", subject, "failed: " + e);
        }
    }

    private Fired runSweep(Instant at) {
        SweepTarget target = sweep;
        if (target == null) {
            return new Fired(at, "sweep", "all merchants", "not wired");
        }
        try {
            target.run(at);
            return new Fired(at, "sweep", "all merchants", "ok");
        } catch (Exception e) {
            e.printStackTrace();
            return new Fired(at, "sweep", "all merchants", "failed: " + e);
        }
    }

    /** The first hourly sweep instant strictly after {@code after}. */
    static Instant nextSweepAfter(Instant after) {
        long period = SWEEP_EVERY.toSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(after.getEpochSecond(), period) * period + period);
    }

    /** The first hourly sweep instant at or after {@code at}. */
    static Instant firstSweepAtOrAfter(Instant at) {
        return nextSweepAfter(at.minusNanos(1));
    }
}
