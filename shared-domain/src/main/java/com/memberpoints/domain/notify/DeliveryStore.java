package com.memberpoints.domain.notify;

import com.memberpoints.domain.model.MerchantId;
import java.time.Instant;
import java.time.YearMonth;
import com.memberpoints.domain.model.Page;
import com.memberpoints.domain.model.PageRequest;
import java.util.Optional;
import java.util.Set;

/**
 * Delivery records: the at-most-once guard of notifications. Every transition is conditional on the status and
 * attempt the caller holds, so two dispatchers never both own a send. Failures of the underlying store are
 * thrown as {@link DeliveryStoreException}.
 */
public interface DeliveryStore {

    /** Creates the record (status CLAIMED, attempt 1) unless one exists for the key: true when this call made it. */
    boolean claim(Delivery claim);

    Optional<Delivery> find(DeliveryKey key);

    /**
     * CLAIMED at {@code attempt} → SENT. For an SMS, the same atomic write adds its parts to the merchant's usage
     * for {@code billingMonth} ({@link SmsUsageMeter}), so usage counts each sent SMS exactly once.
     * False when the record was not CLAIMED at that attempt (nothing changed).
     */
    boolean markSent(DeliveryKey key, int attempt, String providerMessageId, Instant at, YearMonth billingMonth);

    /** CLAIMED at {@code attempt} → RETRYING, due again at {@code nextAttemptAt}. */
    boolean markRetrying(DeliveryKey key, int attempt, String reason, Instant at, Instant nextAttemptAt);

    /**
     * CLAIMED at {@code attempt} → RETRYING at {@code attempt - 1} (the throttled call does not count), throttles + 1,
     * due again at {@code nextAttemptAt}.
     */
    boolean markThrottled(DeliveryKey key, int attempt, String reason, Instant at, Instant nextAttemptAt);

    /** CLAIMED or RETRYING at {@code attempt} → FAILED_PERMANENT. */
    boolean markFailed(DeliveryKey key, int attempt, String reason, Instant at);

    /**
     * CLAIMED at {@code attempt} → UNCONFIRMED (the provider was called, its answer was lost): terminal, never
     * re-claimed, not metered as SMS usage.
     */
    boolean markUnconfirmed(DeliveryKey key, int attempt, String reason, Instant at);

    /** RETRYING at {@code attempt} and due at {@code at} → CLAIMED at {@code attempt + 1}: true when this call won. */
    boolean reclaim(DeliveryKey key, int attempt, Instant at);

    /**
     * Deliveries of one merchant and month in the given statuses, in key order, a page at a time; the cursor is
     * opaque (a bad one is an {@code InvalidInputException} on {@code cursor}).
     */
    Page<Delivery> list(MerchantId merchant, YearMonth month, Set<DeliveryStatus> statuses, PageRequest page);

    final class DeliveryStoreException extends RuntimeException {
        public DeliveryStoreException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
