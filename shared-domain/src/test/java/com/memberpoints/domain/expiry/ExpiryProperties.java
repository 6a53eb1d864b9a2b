package com.memberpoints.domain.expiry;

import com.memberpoints.domain.order.AssignmentWindow;
import com.memberpoints.domain.order.AssignmentDue;

import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.domain.settings.ExpiryPolicy;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class ExpiryProperties {
    private static final com.memberpoints.domain.model.MerchantId M1 = com.memberpoints.domain.model.MerchantId.of("shop-1");
    private static final com.memberpoints.domain.model.OrderId O1 = com.memberpoints.domain.model.OrderId.of("order-1");


    private static final long FROM = Instant.parse("1990-01-01T00:00:00Z").getEpochSecond();
    private static final long TO = Instant.parse("2090-01-01T00:00:00Z").getEpochSecond();

    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.of("America/New_York", "Europe/London", "Asia/Taipei", "Australia/Lord_Howe",
                        "America/Sao_Paulo", "Pacific/Chatham", "Asia/Kolkata", "UTC", "America/St_Johns")
                .map(ZoneId::of);
    }

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(FROM, TO).map(Instant::ofEpochSecond);
    }

    @Provide
    Arbitrary<ExpiryPolicy.AnnualDate> annualDates() {
        return Arbitraries.integers().between(1, 12).flatMap(m -> Arbitraries.integers()
                .between(1, Month.of(m).maxLength()).map(d -> new ExpiryPolicy.AnnualDate(m, d)));
    }

    @Property(tries = 1000)
    void expiryIsAfterTheAssignmentAndAt235959LocalOnTheDateOfTheNextYear(
            @ForAll("annualDates") ExpiryPolicy.AnnualDate policy, @ForAll("instants") Instant assignedAt,
            @ForAll("zones") ZoneId zone) {
        Expiry.At e = (Expiry.At) ExpiryCalculator.pointsExpiry(policy, assignedAt, zone);
        assertThat(e.at()).isAfter(assignedAt);
        ZonedDateTime local = e.at().atZone(zone);
        assertThat(local.toLocalTime()).isEqualTo(LocalTime.of(23, 59, 59));
        int year = LocalDate.ofInstant(assignedAt, zone).getYear() + 1;
        int day = Math.min(policy.day(), Month.of(policy.month()).length(Year.isLeap(year)));
        assertThat(local.toLocalDate()).isEqualTo(LocalDate.of(year, policy.month(), day)).isEqualTo(e.localDate());
        // the very next second is already another local day
        assertThat(e.at().plusSeconds(1).atZone(zone).toLocalDate()).isAfter(e.localDate());
    }

    @Property(tries = 1000)
    void laterAssignmentNeverExpiresEarlier(
            @ForAll("annualDates") ExpiryPolicy.AnnualDate policy, @ForAll("instants") Instant a,
            @ForAll("instants") Instant b, @ForAll("zones") ZoneId zone) {
        Instant first = a.isBefore(b) ? a : b;
        Instant second = a.isBefore(b) ? b : a;
        Instant e1 = ExpiryCalculator.pointsExpiry(policy, first, zone).instant().orElseThrow();
        Instant e2 = ExpiryCalculator.pointsExpiry(policy, second, zone).instant().orElseThrow();
        assertThat(e1).isBeforeOrEqualTo(e2);
    }

    @Property(tries = 1000)
    void dueAtIsOnTheDueLocalDateAndNeverBeforeDelivery(
            @ForAll @IntRange(min = 0, max = 365) int days, @ForAll("instants") Instant deliveredAt,
            @ForAll("zones") ZoneId zone) {
        Instant due = AssignmentDue.dueAt(days, deliveredAt, zone, AssignmentWindow.NONE, M1, O1);
        assertThat(due).isAfterOrEqualTo(deliveredAt);
        LocalDate expected = LocalDate.ofInstant(deliveredAt, zone).plusDays(days);
        assertThat(LocalDate.ofInstant(due, zone)).isEqualTo(expected);
        if (days > 0) {
            // the first instant of that local day: one second earlier is the previous local day
            assertThat(LocalDate.ofInstant(due.minusSeconds(1), zone)).isEqualTo(expected.minusDays(1));
        }
    }

    @Property(tries = 1000)
    void pointsAssignedOnTheDueDateExpireAfterIt(
            @ForAll @IntRange(min = 0, max = 365) int days, @ForAll("instants") Instant deliveredAt,
            @ForAll("zones") ZoneId zone, @ForAll("annualDates") ExpiryPolicy.AnnualDate policy) {
        Instant due = AssignmentDue.dueAt(days, deliveredAt, zone, AssignmentWindow.NONE, M1, O1);
        Expiry e = ExpiryCalculator.pointsExpiry(policy, due, zone);
        assertThat(e.isExpiredAt(due)).isFalse();
    }
}
