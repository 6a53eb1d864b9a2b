package com.memberpoints.domain.notify;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The raw facts a message is rendered from; formatting (numbers, money, dates) happens per locale in
 * {@link NotificationRenderer}.
 *
 * @param amount        points added, or reward credits in minor units of the store currency
 * @param balanceAfter  balance right after the change (points, or credit minor units)
 * @param nearestExpiry when the soonest-expiring part of the balance expires; empty when nothing expires
 * @param reason        the staff's reason (manual and bulk additions); empty otherwise
 */
public record NotificationVariables(String memberName, long amount, long balanceAfter, Optional<Instant> nearestExpiry,
                                    String reason) {
    public NotificationVariables {
        Objects.requireNonNull(memberName, "memberName");
        Objects.requireNonNull(nearestExpiry, "nearestExpiry");
        Objects.requireNonNull(reason, "reason");
    }
}
