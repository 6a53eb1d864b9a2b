package com.memberpoints.domain.notify;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The delivery record of one message: what was (or is to be) sent, to whom, and how it went. The rendered
 * message is kept so a retry sends exactly what was claimed, without re-reading profiles or the ledger.
 *
 * @param subject     email subject; empty for SMS
 * @param html        email HTML part; empty for SMS
 * @param text        email text part, or the SMS text
 * @param smsParts    SMS parts the text takes (0 for email)
 * @param attempts    provider calls made or in progress that count against the attempt limit (1 after the claim;
 *                    a throttled call is given back, so a RETRYING record may show 0)
 * @param throttles   times the message was deferred by a send rate (the provider's or the account budget)
 */
public record Delivery(DeliveryKey key, DeliveryStatus status, String recipient, String subject, String html,
                       String text, int smsParts, int attempts, Optional<String> providerMessageId,
                       Optional<String> lastError, Instant updatedAt, Optional<Instant> nextAttemptAt,
                       int throttles) {
    public Delivery {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(providerMessageId, "providerMessageId");
        Objects.requireNonNull(lastError, "lastError");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        if (attempts < 0 || throttles < 0 || (attempts == 0 && status != DeliveryStatus.RETRYING)) {
            throw new IllegalArgumentException("a delivery record exists from its first attempt");
        }
    }

    /** A record never throttled. */
    public Delivery(DeliveryKey key, DeliveryStatus status, String recipient, String subject, String html,
                    String text, int smsParts, int attempts, Optional<String> providerMessageId,
                    Optional<String> lastError, Instant updatedAt, Optional<Instant> nextAttemptAt) {
        this(key, status, recipient, subject, html, text, smsParts, attempts, providerMessageId, lastError, updatedAt,
                nextAttemptAt, 0);
    }

    /** A fresh claim (status CLAIMED, attempt 1). */
    public static Delivery claim(DeliveryKey key, String recipient, String subject, String html, String text,
                                 int smsParts, Instant at) {
        return new Delivery(key, DeliveryStatus.CLAIMED, recipient, subject, html, text, smsParts, 1,
                Optional.empty(), Optional.empty(), at, Optional.empty());
    }

    public Delivery with(DeliveryStatus newStatus, int newAttempts, Optional<String> messageId,
                         Optional<String> error, Instant at, Optional<Instant> next) {
        return new Delivery(key, newStatus, recipient, subject, html, text, smsParts, newAttempts, messageId, error, at,
                next, throttles);
    }
}
