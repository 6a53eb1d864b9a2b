package com.memberpoints.domain.order;

/** Delivery status. {@link #ARRIVED} and {@link #COLLECTED} are final and start the assignment countdown. */
public enum DeliveryStatus {
    PENDING,
    SHIPPED,
    ARRIVED,
    COLLECTED,
    RETURNED;

    /** True for the delivery statuses that trigger assignment in {@code AFTER_DELIVERY} mode. */
    public boolean isFinal() {
        return this == ARRIVED || this == COLLECTED;
    }
}
