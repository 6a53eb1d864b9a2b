package com.memberpoints.domain.expiry;

import com.memberpoints.domain.settings.MerchantSettings;
import java.util.Optional;

import com.memberpoints.domain.settings.CreditValidity;
import com.memberpoints.domain.settings.ExpiryPolicy;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;

/** Expiry dates in the merchant time zone. */
public final class ExpiryCalculator {

    private ExpiryCalculator() {}

    /**
     * Expiry of points assigned at {@code assignedAt}: for {@code ANNUAL_DATE(month, day)}, 23:59:59 local
     * on month/day of (local year of the assignment + 1), 29 February becoming 28 February in non-leap years.
     */
    public static Expiry pointsExpiry(ExpiryPolicy policy, Instant assignedAt, ZoneId zone) {
        return pointsExpiry(policy, LocalDate.ofInstant(assignedAt, zone), zone);
    }

    /** As {@link #pointsExpiry(ExpiryPolicy, Instant, ZoneId)} for points assigned on local date {@code assignedOn}. */
    public static Expiry pointsExpiry(ExpiryPolicy policy, LocalDate assignedOn, ZoneId zone) {
        return switch (policy) {
            case ExpiryPolicy.Never n -> Expiry.NEVER;
            case ExpiryPolicy.AnnualDate(int month, int day) -> {
                int year = assignedOn.getYear() + 1;
                Month m = Month.of(month);
                int lastDay = m.length(java.time.Year.isLeap(year));
                LocalDate date = LocalDate.of(year, m, Math.min(day, lastDay));
                yield new Expiry.At(endOfLocalDay(date, zone), date);
            }
        };
    }

    /**
     * Expiry of points granted at {@code at} under the merchant's current rules ({@code rules.points().expiry()}):
     * the one rule for points added by staff, store spend and bulk assignments. Empty: they never expire.
     */
    public static Optional<Instant> ofPointsGrantedAt(MerchantSettings rules, Instant at, ZoneId zone) {
        return pointsExpiry(rules.points().expiry(), at, zone).instant();
    }

    /**
     * Expiry of reward credits awarded at {@code awardedAt} with validity N days: the end (23:59:59 local) of
     * local date (award date + N).
     */
    public static Expiry creditsExpiry(CreditValidity validity, Instant awardedAt, ZoneId zone) {
        return switch (validity) {
            case CreditValidity.Never n -> Expiry.NEVER;
            case CreditValidity.Days(int days) -> {
                LocalDate date = LocalDate.ofInstant(awardedAt, zone).plusDays(days);
                yield new Expiry.At(endOfLocalDay(date, zone), date);
            }
        };
    }

    /**
     * The last whole second of local date {@code date}: one second before the next local day starts. That is
     * 23:59:59 local on every real-world day; when 23:59:59 occurs twice (a fall-back overlap at midnight),
     * it is the later one.
     */
    public static Instant endOfLocalDay(LocalDate date, ZoneId zone) {
        return date.plusDays(1).atStartOfDay(zone).toInstant().minusSeconds(1);
    }
}
