package com.memberpoints.domain.integration;

import com.memberpoints.domain.ledger.Wallet;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import java.time.Instant;
import java.util.Objects;

/**
 * The fact behind {@link IntegrationEvent.PointsAboutToExpire}: an expiry reminder was sent (issue 12 item 2). The
 * reminders feature records one "reminder sent" marker per member, wallet and expiry instant; its stream record is
 * read into this record (the adapter that knows the marker item's layout does it) and handed to
 * {@link IntegrationEvents#publish} as an {@link IntegrationFact.ReminderSent}.
 *
 * @param amount    what expires at {@code expiresAt} (points, or minor units for the credits wallet), positive
 * @param remindedAt when the reminder was sent
 */
public record ExpiryReminderSent(MerchantId merchant, MemberId member, Wallet wallet, long amount, Instant expiresAt,
                                 Instant remindedAt) {
    public ExpiryReminderSent {
        Objects.requireNonNull(merchant, "merchant");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(wallet, "wallet");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(remindedAt, "remindedAt");
        if (amount <= 0) {
            throw new IllegalArgumentException("amount must be positive");
        }
    }
}
