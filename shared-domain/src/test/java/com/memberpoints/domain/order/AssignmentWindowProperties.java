package com.memberpoints.domain.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.domain.settings.AssignmentPolicy;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

class AssignmentWindowProperties {

    private static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");

    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.of(ZoneId.getAvailableZoneIds()).map(ZoneId::of);
    }

    @Provide
    Arbitrary<LocalDate> dates() {
        return Arbitraries.longs().between(LocalDate.of(1970, 1, 1).toEpochDay(), LocalDate.of(2100, 12, 31).toEpochDay())
                .map(LocalDate::ofEpochDay);
    }

    @Provide
    Arbitrary<AssignmentWindow> windows() {
        return Arbitraries.longs().between(0, AssignmentWindow.MAXIMUM.toSeconds())
                .map(s -> new AssignmentWindow(Duration.ofSeconds(s)));
    }

    @Property(tries = 3000)
    void firesWithinTheWindowAndOnTheDueLocalDate(
            @ForAll("zones") ZoneId zone, @ForAll("dates") LocalDate dueDate, @ForAll("windows") AssignmentWindow window,
            @ForAll @AlphaChars @StringLength(min = 1, max = 12) String merchant,
            @ForAll @AlphaChars @StringLength(min = 1, max = 20) String order) {
        Instant start = dueDate.atStartOfDay(zone).toInstant();
        // a date the zone skipped entirely (Pacific/Apia 2011-12-30) has no instant on it; out of scope
        Assume.that(LocalDate.ofInstant(start, zone).equals(dueDate));
        Instant fires = window.firesAt(dueDate, zone, MerchantId.of(merchant), OrderId.of(order));
        assertThat(LocalDate.ofInstant(fires, zone)).isEqualTo(dueDate);
        assertThat(fires).isAfterOrEqualTo(start);
        if (window.length().isZero()) {
            assertThat(fires).isEqualTo(start);
        } else {
            assertThat(Duration.between(start, fires)).isLessThan(window.length());
        }
        // deterministic: the same order always gets the same instant
        assertThat(window.firesAt(dueDate, zone, MerchantId.of(merchant), OrderId.of(order))).isEqualTo(fires);
    }

    @Property(tries = 1000)
    void thePlannerSchedulesAtTheWindowsInstantAndKeepsTheDueDate(
            @ForAll @IntRange(min = 1, max = 365) int days, @ForAll("zones") ZoneId zone,
            @ForAll("dates") LocalDate deliveredOn, @ForAll @AlphaChars @StringLength(min = 1, max = 20) String order) {
        Instant deliveredAt = deliveredOn.atTime(12, 0).atZone(zone).toInstant();
        LocalDate due = LocalDate.ofInstant(deliveredAt, zone).plusDays(days);
        Assume.that(LocalDate.ofInstant(due.atStartOfDay(zone).toInstant(), zone).equals(due));
        AssignmentPlan plan = AssignmentPlanner.onDelivered(AssignmentPolicy.afterDelivery(days), deliveredAt, zone,
                AssignmentWindow.DEFAULT, MerchantId.of("shop-1"), OrderId.of(order));
        assertThat(plan).isEqualTo(new AssignmentPlan.Schedule(
                AssignmentWindow.DEFAULT.firesAt(due, zone, MerchantId.of("shop-1"), OrderId.of(order)), due));
    }

    @Example
    void ordersOfOneDaySpreadOverTheWindow() {
        LocalDate due = LocalDate.of(2021, 12, 4);
        Set<Instant> distinct = new HashSet<>();
        int inFirstHour = 0;
        for (int i = 0; i < 6_000; i++) {
            Instant fires = AssignmentWindow.DEFAULT.firesAt(due, TAIPEI, MerchantId.of("shop-1"), OrderId.of("o-" + i));
            distinct.add(fires);
            if (fires.isBefore(due.atTime(1, 0).atZone(TAIPEI).toInstant())) {
                inFirstHour++;
            }
        }
        // 6,000 orders over 21,600 s: most get their own second, about a sixth fall in each hour
        assertThat(distinct.size()).isGreaterThan(5_000);
        assertThat(inFirstHour).isBetween(800, 1_200);
    }

    @Example
    void specExample3WithTheDefaultWindowIsStillAssignedOnDec4() {
        Instant collected = LocalDateTime.parse("2021-12-01T18:45:00").atZone(TAIPEI).toInstant();
        AssignmentPlan.Schedule plan = (AssignmentPlan.Schedule) AssignmentPlanner.onDelivered(
                AssignmentPolicy.afterDelivery(3), collected, TAIPEI, AssignmentWindow.DEFAULT,
                MerchantId.of("shop-1"), OrderId.of("order-1"));
        assertThat(plan.dueDate()).isEqualTo(LocalDate.of(2021, 12, 4));
        assertThat(LocalDateTime.ofInstant(plan.dueAt(), TAIPEI))
                .isBetween(LocalDateTime.parse("2021-12-04T00:00:00"), LocalDateTime.parse("2021-12-04T05:59:59"));
    }

    @Example
    void aDayShortenedByDaylightSavingKeepsTheAssignmentOnItsDate() {
        // 12-hour window on a 23-hour day: an offset past the day's end falls back to the start of the day
        ZoneId newYork = ZoneId.of("America/New_York");
        LocalDate springForward = LocalDate.of(2021, 3, 14);
        AssignmentWindow window = new AssignmentWindow(Duration.ofHours(12));
        for (int i = 0; i < 500; i++) {
            Instant fires = window.firesAt(springForward, newYork, MerchantId.of("m"), OrderId.of("o" + i));
            assertThat(LocalDate.ofInstant(fires, newYork)).isEqualTo(springForward);
        }
    }

    @Example
    void theWindowIsBounded() {
        assertThatThrownBy(() -> new AssignmentWindow(Duration.ofHours(13))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AssignmentWindow(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AssignmentWindow(Duration.ofMillis(1500))).isInstanceOf(IllegalArgumentException.class);
    }
}
