package com.memberpoints.domain.order;

import java.time.Instant;
import java.util.Objects;

/** When the order became Paid, and whether the store was open then (closed stores award no reward credits). */
public record Payment(Instant paidAt, boolean storeOpen) {
    public Payment {
        Objects.requireNonNull(paidAt, "paidAt");
    }
}
