package com.memberpoints.domain.order;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Due date of an {@code AFTER_DELIVERY(X)} assignment: local date (delivery local date + X) in the merchant
 * zone, fired at the start of that local day (00:00, or the first instant of the day when midnight falls in
 * a daylight-saving gap). With X = 0 it is due at once (the delivery instant itself).
 */
public final class AssignmentDue {

    private AssignmentDue() {}

    /** The local date on which the points are assigned. */
    public static LocalDate dueDate(int days, Instant deliveredAt, ZoneId zone) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative");
        }
        return LocalDate.ofInstant(deliveredAt, zone).plusDays(days);
    }

    /** The instant to fire: the start of {@link #dueDate}, never before {@code deliveredAt}. */
    public static Instant dueAt(int days, Instant deliveredAt, ZoneId zone) {
        Instant startOfDay = dueDate(days, deliveredAt, zone).atStartOfDay(zone).toInstant();
        return startOfDay.isBefore(deliveredAt) ? deliveredAt : startOfDay;
    }
}
