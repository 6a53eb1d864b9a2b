package com.memberpoints.domain.order;

import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.OrderId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Due date of an {@code AFTER_DELIVERY(X)} assignment: local date (delivery local date + X) in the merchant
 * zone, fired on that local day at the order's offset inside the {@link AssignmentWindow} after the start of the
 * day (00:00, or the first instant of the day when midnight falls in a daylight-saving gap). With X = 0 it is
 * due at once (the delivery instant itself).
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

    /**
     * The instant to fire: on {@link #dueDate}, the order's offset inside {@code window} after the start of the
     * day ({@link AssignmentWindow#firesAt}), never before {@code deliveredAt}. The Scheduler adapter turns this
     * instant into its {@code at()} expression unchanged, so the domain and the schedule agree.
     */
    public static Instant dueAt(int days, Instant deliveredAt, ZoneId zone, AssignmentWindow window,
                                MerchantId merchant, OrderId order) {
        Instant fires = window.firesAt(dueDate(days, deliveredAt, zone), zone, merchant, order);
        return fires.isBefore(deliveredAt) ? deliveredAt : fires;
    }
}
