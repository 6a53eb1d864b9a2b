package com.memberpoints.domain.ledger;

/**
 * A ledger store could not do its job (service unavailable, throttled, retries exhausted, corrupt
 * data). Never thrown for business refusals, which are {@link LedgerResult}s. When thrown by
 * {@link LedgerStore#apply}, the command may or may not have been applied: apply it again (it is
 * idempotent) to find out.
 */
public class LedgerStoreException extends RuntimeException {
    public LedgerStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public LedgerStoreException(String message) {
        super(message);
    }
}
