package com.memberpoints.domain.expiry;

import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.domain.settings.CreditValidity;
import com.memberpoints.domain.settings.ExpiryPolicy;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class ExpiryCalculatorTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");
    private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");

    private static Instant at(String localDateTime, ZoneId zone) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }

    @Test
    void neverPolicyNeverExpires() {
        Expiry e = ExpiryCalculator.pointsExpiry(ExpiryPolicy.NEVER, Instant.parse("2020-01-01T00:00:00Z"), TAIPEI);
        assertThat(e).isEqualTo(Expiry.NEVER);
        assertThat(e.instant()).isEmpty();
        assertThat(e.isExpiredAt(Instant.parse("2999-01-01T00:00:00Z"))).isFalse();
    }

    @Test
    void feb29BecomesFeb28InANonLeapYear() {
        Expiry e = ExpiryCalculator.pointsExpiry(ExpiryPolicy.annual(2, 29), LocalDate.of(2024, 3, 1), TAIPEI);
        assertThat(e).isEqualTo(new Expiry.At(at("2025-02-28T23:59:59", TAIPEI), LocalDate.of(2025, 2, 28)));
    }

    @Test
    void feb29StaysFeb29InALeapYear() {
        Expiry e = ExpiryCalculator.pointsExpiry(ExpiryPolicy.annual(2, 29), LocalDate.of(2023, 5, 1), TAIPEI);
        assertThat(((Expiry.At) e).localDate()).isEqualTo(LocalDate.of(2024, 2, 29));
    }

    @Test
    void theAssignmentYearIsTheMerchantsLocalYear() {
        Instant instant = Instant.parse("2020-12-31T20:00:00Z"); // 2021-01-01 04:00 in Taipei, 2020-12-31 in New York
        assertThat(ExpiryCalculator.pointsExpiry(ExpiryPolicy.annual(12, 31), instant, TAIPEI).instant())
                .contains(at("2022-12-31T23:59:59", TAIPEI));
        assertThat(ExpiryCalculator.pointsExpiry(ExpiryPolicy.annual(12, 31), instant, NEW_YORK).instant())
                .contains(at("2021-12-31T23:59:59", NEW_YORK));
    }

    @Test
    void expiryOnADstChangeDayIsStill235959Local() {
        // New York falls back on 2021-11-07 and springs forward on 2021-03-14
        Expiry fall = ExpiryCalculator.pointsExpiry(ExpiryPolicy.annual(11, 7), LocalDate.of(2020, 6, 1), NEW_YORK);
        Expiry spring = ExpiryCalculator.pointsExpiry(ExpiryPolicy.annual(3, 14), LocalDate.of(2020, 6, 1), NEW_YORK);
        assertThat(fall.instant()).contains(Instant.parse("2021-11-08T04:59:59Z")); // EST, UTC-5
        assertThat(spring.instant()).contains(Instant.parse("2021-03-15T03:59:59Z")); // EDT, UTC-4
    }

    @Test
    void endOfDayBeforeAMidnightGapIsTheLastSecondBeforeTheJump() {
        // Sao Paulo skipped 2018-11-04 00:00-01:00
        Instant end = ExpiryCalculator.endOfLocalDay(LocalDate.of(2018, 11, 3), SAO_PAULO);
        ZonedDateTime local = end.atZone(SAO_PAULO);
        assertThat(local.toLocalDate()).isEqualTo(LocalDate.of(2018, 11, 3));
        assertThat(local.toLocalTime()).isEqualTo(LocalTime.of(23, 59, 59));
        assertThat(end.plusSeconds(1).atZone(SAO_PAULO).toLocalDateTime())
                .isEqualTo(LocalDateTime.parse("2018-11-04T01:00:00"));
    }

    @Test
    void endOfDayWithARepeatedMidnightHourIsTheLater235959() {
        // Sao Paulo went back from 2019-02-17 00:00 to 2019-02-16 23:00: 23:59:59 happened twice
        Instant end = ExpiryCalculator.endOfLocalDay(LocalDate.of(2019, 2, 16), SAO_PAULO);
        assertThat(end.atZone(SAO_PAULO).getOffset()).isEqualTo(ZoneOffset.ofHours(-3));
        assertThat(end.atZone(SAO_PAULO).toLocalTime()).isEqualTo(LocalTime.of(23, 59, 59));
        assertThat(end).isEqualTo(Instant.parse("2019-02-17T02:59:59Z"));
    }

    @Test
    void pointsAreUsableUntilTheExpiryInstantAndExpiredFromIt() {
        Expiry e = ExpiryCalculator.pointsExpiry(ExpiryPolicy.annual(12, 31), LocalDate.of(2020, 12, 4), TAIPEI);
        Instant expiresAt = e.instant().orElseThrow();
        assertThat(e.isExpiredAt(expiresAt.minusMillis(1))).isFalse();
        assertThat(e.isExpiredAt(expiresAt)).isTrue();
    }

    @Test
    void creditsExpireAtTheEndOfAwardDatePlusNDays() {
        Expiry e = ExpiryCalculator.creditsExpiry(CreditValidity.days(30), at("2024-01-15T22:00:00", TAIPEI), TAIPEI);
        assertThat(e).isEqualTo(new Expiry.At(at("2024-02-14T23:59:59", TAIPEI), LocalDate.of(2024, 2, 14)));
        assertThat(ExpiryCalculator.creditsExpiry(CreditValidity.NEVER, Instant.EPOCH, TAIPEI)).isEqualTo(Expiry.NEVER);
    }
}
