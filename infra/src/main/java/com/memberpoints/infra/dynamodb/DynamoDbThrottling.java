package com.memberpoints.infra.dynamodb;

import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Which DynamoDB failures are throttling: the request was refused for rate or capacity, nothing was written, and
 * the same request may pass after a pause. The adapters retry these like write contention (bounded, with backoff)
 * and, when the retries run out, report them as {@link com.memberpoints.domain.model.RetryLater} (HTTP 503).
 */
public final class DynamoDbThrottling {

    /** Error codes of a throttled call (the SDK's own throttling flag covers most; these make it explicit). */
    static final Set<String> ERROR_CODES = Set.of(
            "ProvisionedThroughputExceededException", "ThrottlingException", "RequestLimitExceeded",
            "Throttling", "TooManyRequestsException");
    /** Cancellation reason codes of a transaction cancelled for throttling. */
    static final Set<String> CANCELLATION_CODES = Set.of(
            "ThrottlingError", "ProvisionedThroughputExceeded", "RequestLimitExceeded", "TransactionThrottled");

    private DynamoDbThrottling() {}

    /** True when {@code e} is a throttled call or a transaction cancelled (only) because of throttling. */
    public static boolean isThrottling(SdkException e) {
        if (e instanceof TransactionCanceledException cancelled) {
            if (!cancelled.hasCancellationReasons()) {
                return false;
            }
            boolean throttled = false;
            for (CancellationReason r : cancelled.cancellationReasons()) {
                String code = r.code() == null ? "None" : r.code();
                if (CANCELLATION_CODES.contains(code)) {
                    throttled = true;
                } else if (!"None".equals(code)) {
                    return false; // a condition failure or a validation error decides, not the throttling
                }
            }
            return throttled;
        }
        if (e instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
            return service.isThrottlingException() || (code != null && ERROR_CODES.contains(code));
        }
        return false;
    }
}
