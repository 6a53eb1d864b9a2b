package com.memberpoints.local;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * LOCAL ONLY: moves the {@link LocalClock} and runs what AWS would have run meanwhile, in time order:
 * each assignment schedule of the {@link LocalAssignmentScheduler} at its firing instant, and the
 * daily sweep at its local time each day (as the template's schedule does). Before each job the clock
 * is set to the job's instant, so the handler sees the time EventBridge would have invoked it at; a job
 * that schedules another one due before the travel's end sees it fired in the same travel.
 *
 * <p>A background ticker calls {@link #catchUp()} every second, so schedules also fire as real time
 * passes. Jobs whose handler is not wired yet, or that fail, are reported and (for schedules) kept
 * as dead letters, as EventBridge Scheduler's dead-letter queue would keep them.
 */
public final class LocalTimeMachine {

    /** Runs one assignment schedule (the target EventBridge Scheduler would invoke). */
    @FunctionalInterface
    public interface AssignmentTarget {
        void fire(LocalAssignmentScheduler.Schedule schedule) throws Exception;
    }

    /** Runs the daily sweep for the day starting at {@code at}. */
    @FunctionalInterface
    public interface SweepTarget {
        void run(Instant at) throws Exception;
    }

    /** One job run during a travel: {@code kind} "assignment" or "dailySweep"; {@code outcome} "ok", "not wired" or the error. */
    public record Fired(Instant at, String kind, String subject, String outcome) {}

    /** A schedule that could not be run. */
    public record DeadLetter(LocalAssignmentScheduler.Schedule schedule, Instant at, String reason) {}

    private final LocalClock clock;
    private final LocalAssignmentScheduler scheduler;
    private final ZoneId sweepZone;
    private final LocalTime sweepTime;
    private volatile AssignmentTarget assignments;
    private volatile SweepTarget sweep;
    private final List<DeadLetter> deadLetters = new ArrayList<>();
    private Instant sweptUpTo;

    public LocalTimeMachine(LocalClock clock, LocalAssignmentScheduler scheduler, ZoneId sweepZone, LocalTime sweepTime) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.sweepZone = Objects.requireNonNull(sweepZone, "sweepZone");
        this.sweepTime = Objects.requireNonNull(sweepTime, "sweepTime");
        this.sweptUpTo = clock.now();
    }

    void assignmentTarget(AssignmentTarget target) {
        this.assignments = Objects.requireNonNull(target, "target");
    }

    void sweepTarget(SweepTarget target) {
        this.sweep = Objects.requireNonNull(target, "target");
    }

    public ZoneId sweepZone() {
        return sweepZone;
    }

    public LocalTime sweepTime() {
        return sweepTime;
    }

    public synchronized List<DeadLetter> deadLetters() {
        return List.copyOf(deadLetters);
    }

    /** Runs what is due now (the background ticker). */
    public synchronized List<Fired> catchUp() {
        return runUpTo(clock.now());
    }

    /**
     * Moves the clock to {@code target}, running every job due on the way, in order.
     *
     * @throws IllegalArgumentException when {@code target} is before now
     */
    public synchronized List<Fired> travelTo(Instant target) {
        if (target.isBefore(clock.now())) {
            throw new IllegalArgumentException("the local clock only moves forward: " + target + " is before " + clock.now());
        }
        return runUpTo(target);
    }

    private List<Fired> runUpTo(Instant target) {
        List<Fired> fired = new ArrayList<>();
        while (true) {
            Instant nextSweep = nextSweepAfter(sweptUpTo);
            Optional<Instant> nextSchedule = scheduler.nextFiring();
            boolean scheduleFirst = nextSchedule.isPresent() && !nextSchedule.get().isAfter(nextSweep);
            Instant next = scheduleFirst ? nextSchedule.get() : nextSweep;
            if (next.isAfter(target)) {
                break;
            }
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
        if (target.isAfter(clock.now())) {
            clock.moveTo(target);
        }
        if (sweptUpTo.isBefore(target)) {
            sweptUpTo = target;
        }
        return fired;
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
            return new Fired(at, "dailySweep", "all merchants", "not wired");
        }
        try {
            target.run(at);
            return new Fired(at, "dailySweep", "all merchants", "ok");
        } catch (Exception e) {
            e.printStackTrace();
            return new Fired(at, "dailySweep", "all merchants", "failed: " + e);
        }
    }

    /** The first sweep instant strictly after {@code after}. */
    Instant nextSweepAfter(Instant after) {
        ZonedDateTime local = after.atZone(sweepZone);
        ZonedDateTime candidate = local.toLocalDate().atTime(sweepTime).atZone(sweepZone);
        if (!candidate.toInstant().isAfter(after)) {
            candidate = local.toLocalDate().plusDays(1).atTime(sweepTime).atZone(sweepZone);
        }
        return candidate.toInstant();
    }
}
