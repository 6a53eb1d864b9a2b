package com.memberpoints.domain.staff;

import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.Page;
import com.memberpoints.domain.model.PageRequest;
import java.time.Instant;

/**
 * The listing copy of in-store receipts, for the orders report. A receipt is identified by merchant, kind,
 * receipt id and its time {@link Receipt#at()} (the time of its first ledger entry, which every retry finds again).
 */
public interface ReceiptStore {

    /** Stores the receipt unless one with the same identity is stored; returns what is stored. Idempotent. */
    Receipt recordIfAbsent(Receipt receipt);

    /**
     * Marks the stored receipt cancelled at {@code cancelledAt} (the first cancellation's time stays). A receipt
     * that is not stored is left unstored. Idempotent.
     */
    void markCancelled(Receipt receipt, Instant cancelledAt);

    /** Receipts made in {@code [from, to)}, oldest first (ties by kind and receipt id). */
    Page<Receipt> recordedBetween(MerchantId merchant, Instant from, Instant to, PageRequest page);

    /** A failure of the underlying store (a throttled store carries a {@code StoreBusyException} cause). */
    final class ReceiptStoreException extends RuntimeException {
        public ReceiptStoreException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
