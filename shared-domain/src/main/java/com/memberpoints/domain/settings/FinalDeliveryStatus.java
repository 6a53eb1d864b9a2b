package com.memberpoints.domain.settings;

/**
 * The final delivery status of a delivery option (SPEC §4a): {@link #ARRIVED} for options that deliver to the
 * customer, {@link #COLLECTED} for options where the customer picks the parcel up. Only this status of the order's
 * own option starts the "X days after delivery" countdown.
 */
public enum FinalDeliveryStatus {
    /** Delivered to the customer. */
    ARRIVED,
    /** Picked up by the customer (at a shop, a locker, the store). */
    COLLECTED
}
