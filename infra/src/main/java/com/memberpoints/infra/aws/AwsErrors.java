package com.memberpoints.infra.aws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/** Classification of AWS SDK failures shared by the adapters. */
public final class AwsErrors {

    /** Error codes that mean "try again later" even though they are not 5xx or flagged as throttling. */
    private static final Set<String> TRANSIENT_CODES = Set.of(
            "Throttling", "ThrottlingException", "ThrottledException", "TooManyRequestsException",
            "RequestLimitExceeded", "ServiceUnavailable", "InternalFailure", "InternalError",
            "RequestTimeout", "RequestTimeoutException", "ExpiredToken", "ExpiredTokenException",
            "RequestExpired", "IDPCommunicationError", "KMSThrottlingException", "LimitExceededException");

    private AwsErrors() {}

    /**
     * True for failures worth retrying: throttling, 5xx, timeouts and I/O errors on the way to the
     * service. False for a service's definite 4xx answer, and for client-side failures that are not
     * I/O (missing region or credentials, bad configuration), which retrying cannot fix.
     */
    public static boolean isTransient(SdkException e) {
        if (e instanceof AwsServiceException service) {
            return service.isThrottlingException()
                    || service.statusCode() >= 500
                    || TRANSIENT_CODES.contains(errorCode(service));
        }
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
            return true;
        }
        return e instanceof SdkClientException && causedByIo(e);
    }

    /** True when the failure is a definite answer from the service (as opposed to a client-side failure). */
    public static boolean isServiceAnswer(SdkException e) {
        return e instanceof AwsServiceException;
    }

    /** The service's error code, or an empty string. */
    public static String errorCode(AwsServiceException e) {
        var details = e.awsErrorDetails();
        String code = details == null ? null : details.errorCode();
        return code == null ? "" : code;
    }

    /** A short, loggable description: error code, HTTP status and the service's message, or the client failure. */
    public static String describe(SdkException e) {
        if (e instanceof AwsServiceException service) {
            var details = service.awsErrorDetails();
            String message = details == null ? service.getMessage() : details.errorMessage();
            return errorCode(service) + " (HTTP " + service.statusCode() + "): " + message;
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static boolean causedByIo(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException || t instanceof UncheckedIOException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
