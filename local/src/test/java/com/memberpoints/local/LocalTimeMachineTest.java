package com.memberpoints.local;

import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.domain.order.AssignmentScheduler.CancelOutcome;
import com.memberpoints.domain.order.AssignmentScheduler.ScheduleOutcome;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalTimeMachineTest {
    static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");
    static final MerchantId SHOP = MerchantId.of("shop");
    static final Instant T0 = OffsetDateTime.parse("2021-12-01T10:00:00+08:00").toInstant();

    // A clock that does not run by itself: only time travel moves it.
    final LocalClock clock = new LocalClock(InstantSource.fixed(T0));
    final LocalAssignmentScheduler scheduler = new LocalAssignmentScheduler(clock);
    final LocalTimeMachine machine = new LocalTimeMachine(clock, scheduler);
    final List<String> log = new ArrayList<>();

    @Test
    void jobsRunInTimeOrderEachSeeingItsOwnInstantAndTheClockEndsAtTheTarget() {
        machine.assignmentTarget(s -> log.add("assign " + s.order().value() + " @" + clock.now()));
        machine.sweepTarget(at -> log.add("sweep @" + clock.now()));
        scheduler.schedule(SHOP, OrderId.of("late"), T0.plus(Duration.ofMinutes(150)), TAIPEI);
        scheduler.schedule(SHOP, OrderId.of("soon"), T0.plus(Duration.ofMinutes(30)), TAIPEI);

        LocalTimeMachine.Travel travel = machine.travelTo(T0.plus(Duration.ofHours(3)));

        assertThat(log).containsExactly(
                "assign soon @2021-12-01T02:30:00Z",
                "sweep @2021-12-01T03:00:00Z",   // every hour on the hour, UTC (11:00 in Taipei)
                "sweep @2021-12-01T04:00:00Z",
                "assign late @2021-12-01T04:30:00Z",
                "sweep @2021-12-01T05:00:00Z");
        assertThat(travel.ran()).extracting(LocalTimeMachine.Fired::outcome).containsOnly("ok");
        assertThat(travel.idleSweeps()).as("no agenda: every hourly run is invoked").isZero();
        assertThat(clock.now()).isEqualTo(T0.plus(Duration.ofHours(3)));
        // Nothing runs twice: travelling on to the next hour runs that sweep only.
        log.clear();
        machine.travelTo(Instant.parse("2021-12-01T06:00:00Z"));
        assertThat(log).containsExactly("sweep @2021-12-01T06:00:00Z");
    }

    @Test
    void withAnAgendaIdleHoursAreCountedNotRun_andTheFirstHourAfterEachDueInstantRuns() {
        // Two stores' yearly expiry: 23:59:59 on 31 December in Taipei and in Los Angeles (16 hours later).
        Instant taipeiEnd = OffsetDateTime.parse("2021-12-31T23:59:59+08:00").toInstant();
        Instant laEnd = OffsetDateTime.parse("2021-12-31T23:59:59-08:00").toInstant();
        List<Instant> pending = new ArrayList<>(List.of(taipeiEnd, laEnd));
        machine.sweepAgenda(now -> pending.stream().min(Instant::compareTo));
        machine.sweepTarget(at -> {
            log.add("sweep @" + clock.now());
            pending.removeIf(due -> !due.isAfter(clock.now())); // the sweep expires what is due
        });

        LocalTimeMachine.Travel travel = machine.travelTo(OffsetDateTime.parse("2022-01-02T00:00:00Z").toInstant());

        assertThat(log).containsExactly("sweep @2021-12-31T16:00:00Z", "sweep @2022-01-01T08:00:00Z");
        // From 03:00Z on 1 December to 00:00Z on 2 January: 766 hourly runs, 2 with work.
        assertThat(travel.ran()).hasSize(2);
        assertThat(travel.idleSweeps()).isEqualTo(766 - 2);
        assertThat(pending).isEmpty();
        // Travelling on: an hour with nothing due is idle; nothing runs twice.
        travel = machine.travelTo(OffsetDateTime.parse("2022-01-02T01:00:00Z").toInstant());
        assertThat(travel.ran()).isEmpty();
        assertThat(travel.idleSweeps()).isOne();
    }

    @Test
    void workCreatedByAJobOnTheWayIsSweptAtTheFirstHourAfterItIsDue() {
        List<Instant> pending = new ArrayList<>();
        machine.sweepAgenda(now -> pending.stream().min(Instant::compareTo));
        machine.sweepTarget(at -> {
            log.add("sweep @" + clock.now());
            pending.removeIf(due -> !due.isAfter(clock.now()));
        });
        machine.assignmentTarget(s -> {
            log.add("assign @" + clock.now());
            pending.add(clock.now().plus(Duration.ofMinutes(90))); // e.g. a hold that goes stale later
        });
        scheduler.schedule(SHOP, OrderId.of("o"), T0.plus(Duration.ofHours(5)), TAIPEI);

        LocalTimeMachine.Travel travel = machine.travelTo(T0.plus(Duration.ofDays(1)));

        assertThat(log).containsExactly("assign @2021-12-01T07:00:00Z", "sweep @2021-12-01T09:00:00Z");
        assertThat(travel.idleSweeps()).isEqualTo(24 - 1);
    }

    @Test
    void anAgendaThatStaysDueRunsEveryHour_neverSkippingPastIt() {
        machine.sweepAgenda(now -> Optional.of(T0)); // a due entry the sweep cannot clear
        machine.sweepTarget(at -> log.add("sweep @" + clock.now()));
        LocalTimeMachine.Travel travel = machine.travelTo(T0.plus(Duration.ofHours(3)));
        assertThat(log).hasSize(3);
        assertThat(travel.idleSweeps()).isZero();
    }

    @Test
    void hourlyInstantsAreOnTheHourInUtc() {
        assertThat(LocalTimeMachine.nextSweepAfter(Instant.parse("2021-12-31T15:59:59Z"))).isEqualTo(Instant.parse("2021-12-31T16:00:00Z"));
        assertThat(LocalTimeMachine.nextSweepAfter(Instant.parse("2021-12-31T16:00:00Z"))).isEqualTo(Instant.parse("2021-12-31T17:00:00Z"));
        assertThat(LocalTimeMachine.firstSweepAtOrAfter(Instant.parse("2021-12-31T16:00:00Z"))).isEqualTo(Instant.parse("2021-12-31T16:00:00Z"));
        // Kathmandu (+05:45): 23:59:59 local is 18:14:59Z; the next run is 45 minutes later, still within the hour.
        Instant kathmandu = OffsetDateTime.parse("2021-12-31T23:59:59+05:45").toInstant();
        assertThat(Duration.between(kathmandu, LocalTimeMachine.firstSweepAtOrAfter(kathmandu))).isEqualTo(Duration.ofSeconds(45 * 60 + 1));
    }

    @Test
    void aJobSchedulingAnotherDueBeforeTheTargetSeesItRunInTheSameTravel() {
        machine.assignmentTarget(s -> {
            log.add(s.order().value());
            if (s.order().value().equals("first")) {
                scheduler.schedule(SHOP, OrderId.of("second"), clock.now().plus(Duration.ofHours(1)), TAIPEI);
            }
        });
        scheduler.schedule(SHOP, OrderId.of("first"), T0.plus(Duration.ofHours(1)), TAIPEI);
        machine.travelTo(T0.plus(Duration.ofHours(3)));
        assertThat(log).containsExactly("first", "second");
        assertThat(clock.now()).isEqualTo(T0.plus(Duration.ofHours(3)));
    }

    @Test
    void unwiredOrFailingSchedulesBecomeDeadLettersAndTheTravelGoesOn() {
        scheduler.schedule(SHOP, OrderId.of("nobody"), T0.plus(Duration.ofHours(1)), TAIPEI);
        List<LocalTimeMachine.Fired> fired = assignments(machine.travelTo(T0.plus(Duration.ofHours(2))));
        assertThat(fired).extracting(LocalTimeMachine.Fired::outcome).containsExactly("not wired");
        machine.assignmentTarget(s -> { throw new IllegalStateException("boom"); });
        scheduler.schedule(SHOP, OrderId.of("failing"), T0.plus(Duration.ofHours(3)), TAIPEI);
        fired = assignments(machine.travelTo(T0.plus(Duration.ofHours(4))));
        assertThat(fired.getFirst().outcome()).contains("boom");
        assertThat(machine.deadLetters()).extracting(d -> d.schedule().order().value()).containsExactly("nobody", "failing");
        assertThat(scheduler.pending()).isEmpty();
    }

    @Test
    void theClockNeverGoesBack() {
        machine.travelTo(T0.plus(Duration.ofDays(1)));
        assertThatThrownBy(() -> machine.travelTo(T0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> clock.moveTo(T0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(clock.now()).isEqualTo(T0.plus(Duration.ofDays(1)));
    }

    @Test
    void theSchedulerKeepsOneSchedulePerOrderAndFiresPastDueDatesAMinuteLaterAsTheAdapterWould() {
        assertThat(scheduler.schedule(SHOP, OrderId.of("o"), T0.plus(Duration.ofDays(3)), TAIPEI)).isEqualTo(ScheduleOutcome.CREATED);
        assertThat(scheduler.schedule(SHOP, OrderId.of("o"), T0.plus(Duration.ofDays(9)), TAIPEI)).isEqualTo(ScheduleOutcome.ALREADY_SCHEDULED);
        LocalAssignmentScheduler.Schedule s = scheduler.pending().getFirst();
        assertThat(s.expression()).isEqualTo("at(2021-12-04T10:00:00)");
        assertThat(s.timezone()).isEqualTo("Asia/Taipei");
        assertThat(s.firesAt()).isEqualTo(T0.plus(Duration.ofDays(3)));
        assertThat(s.input()).isEqualTo("{\"merchantId\":\"shop\",\"orderId\":\"o\"}");
        assertThat(scheduler.cancel(SHOP, OrderId.of("o"))).isEqualTo(CancelOutcome.DELETED);
        assertThat(scheduler.cancel(SHOP, OrderId.of("o"))).isEqualTo(CancelOutcome.NOT_FOUND);

        scheduler.schedule(SHOP, OrderId.of("past"), T0.minus(Duration.ofDays(1)), TAIPEI);
        assertThat(scheduler.pending().getFirst().firesAt()).isEqualTo(T0.plus(Duration.ofMinutes(1)));
    }

    private static List<LocalTimeMachine.Fired> assignments(LocalTimeMachine.Travel travel) {
        return travel.ran().stream().filter(f -> f.kind().equals("assignment")).toList();
    }
}
