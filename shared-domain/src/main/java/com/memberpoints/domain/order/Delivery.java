package com.memberpoints.domain.order;

import com.memberpoints.domain.model.DeliveryOptionCode;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Delivery status; once it reached the final status of the order's delivery option, when it became so; and the
 * delivery option as the order events named it (SPEC §4a).
 *
 * @param finalAt present once the final status of the option was reached (then the status is Arrived or Collected);
 *                a pick-up order's Arrived ("reached the pick-up point") is not final and has none
 * @param option  the delivery option, empty when no event named one
 */
public record Delivery(DeliveryStatus status, Optional<Instant> finalAt, Optional<DeliveryOptionCode> option) {
    public Delivery {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(finalAt, "finalAt");
        Objects.requireNonNull(option, "option");
        if (finalAt.isPresent() && !status.canBeFinal()) {
            throw new IllegalArgumentException("finalAt is present only when the status is Arrived or Collected");
        }
    }

    /** Without a delivery option (the shape before SPEC §4a). */
    public Delivery(DeliveryStatus status, Optional<Instant> finalAt) {
        this(status, finalAt, Optional.empty());
    }

    public static final Delivery PENDING = new Delivery(DeliveryStatus.PENDING, Optional.empty());

    /** Pending, with the delivery option named at placement (if any). */
    public static Delivery pending(Optional<DeliveryOptionCode> option) {
        return new Delivery(DeliveryStatus.PENDING, Optional.empty(), option);
    }

    public static Delivery arrived(Instant at) {
        return new Delivery(DeliveryStatus.ARRIVED, Optional.of(at));
    }

    public static Delivery collected(Instant at) {
        return new Delivery(DeliveryStatus.COLLECTED, Optional.of(at));
    }

    /** True once the final status of the order's option was reached (the countdown started). */
    public boolean isFinal() {
        return finalAt.isPresent();
    }

    /** True when the parcel was returned (or never collected). */
    public boolean isReturned() {
        return status == DeliveryStatus.RETURNED;
    }

    /** At {@code newStatus}, final at {@code newFinalAt}; the option kept. */
    public Delivery with(DeliveryStatus newStatus, Optional<Instant> newFinalAt) {
        return new Delivery(newStatus, newFinalAt, option);
    }

    /** With the delivery option {@code newOption} (a later event named it, or named another one). */
    public Delivery withOption(Optional<DeliveryOptionCode> newOption) {
        return new Delivery(status, finalAt, newOption);
    }
}
