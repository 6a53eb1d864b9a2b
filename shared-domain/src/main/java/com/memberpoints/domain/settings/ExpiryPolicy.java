package com.memberpoints.domain.settings;

/** When assigned points expire. Evaluated in the merchant time zone by {@code calendar.ExpiryCalculator}. */
public sealed interface ExpiryPolicy {

    /** Points never expire. */
    record Never() implements ExpiryPolicy {}

    /**
     * Points assigned on local date d expire at 23:59:59 local on {@code month}/{@code day} of year(d)+1
     * (29 February becomes 28 February in non-leap years).
     */
    record AnnualDate(int month, int day) implements ExpiryPolicy {}

    ExpiryPolicy NEVER = new Never();

    static ExpiryPolicy annual(int month, int day) {
        return new AnnualDate(month, day);
    }
}
