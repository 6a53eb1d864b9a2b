package com.memberpoints.domain.ledger;

import com.memberpoints.domain.model.RetryLater;

/**
 * Optimistic-concurrency conflicts on one wallet, or the store's throttling, outlasted the bounded retries;
 * nothing was applied. Applying the same command again later is safe (it is idempotent).
 */
public class LedgerContentionException extends LedgerStoreException implements RetryLater {
    public LedgerContentionException(String message) {
        super(message);
    }

    public LedgerContentionException(String message, Throwable cause) {
        super(message, cause);
    }
}
