package com.memberpoints.domain.ledger;

/** Optimistic-concurrency conflicts on one wallet outlasted the bounded retries; nothing was applied. */
public class LedgerContentionException extends LedgerStoreException {
    public LedgerContentionException(String message) {
        super(message);
    }
}
