package com.memberpoints.infra.dynamodb;

import com.memberpoints.domain.ledger.LedgerStoreException;

/** DynamoDB failed (unavailable, throttled beyond the SDK's retries, unexpected cancellation, corrupt item). */
public final class DynamoDbLedgerException extends LedgerStoreException {
    public DynamoDbLedgerException(String message, Throwable cause) {
        super(message, cause);
    }

    public DynamoDbLedgerException(String message) {
        super(message);
    }
}
