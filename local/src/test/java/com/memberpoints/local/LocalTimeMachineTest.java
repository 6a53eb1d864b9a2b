package com.memberpoints.local;

import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.domain.order.AssignmentScheduler.CancelOutcome;
import com.memberpoints.domain.order.AssignmentScheduler.ScheduleOutcome;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalTimeMachineTest {
    static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");
    static final MerchantId SHOP = MerchantId.of("shop");
    static final Instant T0 = OffsetDateTime.parse("2021-12-01T10:00:00+08:00").toInstant();

    // A clock that does not run by itself: only time travel moves it.
    final LocalClock clock = new LocalClock(InstantSource.fixed(T0));
    final LocalAssignmentScheduler scheduler = new LocalAssignmentScheduler(clock);
    final LocalTimeMachine machine = new LocalTimeMachine(clock, scheduler, TAIPEI, LocalTime.of(0, 15));
    final List<String> log = new ArrayList<>();

    @Test
    void jobsRunInTimeOrderEachSeeingItsOwnInstantAndTheClockEndsAtTheTarget() {
        machine.assignmentTarget(s -> log.add("assign " + s.order().value() + " @" + clock.now()));
        machine.sweepTarget(at -> log.add("sweep @" + clock.now()));
        scheduler.schedule(SHOP, OrderId.of("late"), T0.plus(Duration.ofHours(40)), TAIPEI);
        scheduler.schedule(SHOP, OrderId.of("soon"), T0.plus(Duration.ofHours(2)), TAIPEI);

        List<LocalTimeMachine.Fired> fired = machine.travelTo(T0.plus(Duration.ofDays(2)));

        assertThat(log).containsExactly(
                "assign soon @2021-12-01T04:00:00Z",
                "sweep @2021-12-01T16:15:00Z",   // 00:15 on 2 December in Taipei
                "sweep @2021-12-02T16:15:00Z",   // 00:15 on 3 December
                "assign late @2021-12-02T18:00:00Z");
        assertThat(fired).extracting(LocalTimeMachine.Fired::outcome).containsOnly("ok");
        assertThat(clock.now()).isEqualTo(T0.plus(Duration.ofDays(2)));
        // Nothing runs twice: travelling on to the next sweep runs that sweep only.
        log.clear();
        machine.travelTo(OffsetDateTime.parse("2021-12-04T00:15:00+08:00").toInstant());
        assertThat(log).containsExactly("sweep @2021-12-03T16:15:00Z");
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
        List<LocalTimeMachine.Fired> fired = machine.travelTo(T0.plus(Duration.ofHours(2)));
        assertThat(fired).extracting(LocalTimeMachine.Fired::outcome).containsExactly("not wired");
        machine.assignmentTarget(s -> { throw new IllegalStateException("boom"); });
        scheduler.schedule(SHOP, OrderId.of("failing"), T0.plus(Duration.ofHours(3)), TAIPEI);
        fired = machine.travelTo(T0.plus(Duration.ofHours(4)));
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
}
