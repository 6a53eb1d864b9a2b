package com.memberpoints.infra.dynamodb;

/** A DynamoDB failure of {@link DynamoDbLiabilityCounters} (SDK error, unexpected cancellation, corrupt item). */
public final class LiabilityCountersException extends RuntimeException {
    public LiabilityCountersException(String message, Throwable cause) {
        super(message, cause);
    }
}
