package com.memberpoints.domain.order;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Delivery status and, once final (Arrived/Collected), when it became so. */
public record Delivery(DeliveryStatus status, Optional<Instant> finalAt) {
    public Delivery {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(finalAt, "finalAt");
        if (status.isFinal() != finalAt.isPresent()) {
            throw new IllegalArgumentException("finalAt is present exactly when the status is Arrived or Collected");
        }
    }

    public static final Delivery PENDING = new Delivery(DeliveryStatus.PENDING, Optional.empty());

    public static Delivery arrived(Instant at) {
        return new Delivery(DeliveryStatus.ARRIVED, Optional.of(at));
    }

    public static Delivery collected(Instant at) {
        return new Delivery(DeliveryStatus.COLLECTED, Optional.of(at));
    }
}
