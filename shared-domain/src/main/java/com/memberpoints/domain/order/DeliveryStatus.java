package com.memberpoints.domain.order;

/**
 * Delivery status as the commerce platform reports it. {@link #ARRIVED} and {@link #COLLECTED} can be final; which
 * one is final for an order depends on its delivery option ({@link FinalStatusRule}, SPEC §4a). {@link #RETURNED}
 * (returned, or never collected) before the points are assigned means the order earns no points.
 */
public enum DeliveryStatus {
    PENDING,
    SHIPPED,
    ARRIVED,
    COLLECTED,
    RETURNED;

    /** True for the statuses that can be an order's final status (Arrived, Collected). */
    public boolean canBeFinal() {
        return this == ARRIVED || this == COLLECTED;
    }
}
