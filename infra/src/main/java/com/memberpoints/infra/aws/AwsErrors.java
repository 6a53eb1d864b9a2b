package com.memberpoints.infra.aws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLHandshakeException;
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
     * How a failed call that would deliver a message (SES {@code SendEmail}, SNS {@code Publish}) stands, for
     * at-most-once delivery. The question is not "is it worth retrying" but "can the provider have accepted it".
     */
    public enum SendFailure {
        /** The message was certainly not accepted and a later retry may succeed: 500/503, nothing sent. */
        NOT_SENT,
        /** The provider throttled the call (429, throttling codes): certainly not accepted, send later at the rate. */
        THROTTLED,
        /** The request may have reached the provider and the answer was lost: never retry. */
        MAYBE_SENT,
        /** A definite refusal (4xx answer other than throttling): retrying will not help. */
        REFUSED,
        /** A client-side failure before any I/O (no region, no credentials, bad configuration): a bug, not an outcome. */
        CLIENT_FAULT
    }

    /**
     * Classifies a failed send. Reasoning per case:
     * <ul>
     *   <li>a service answer with throttling, 500, 503 or a {@link #TRANSIENT_CODES} code: the service itself
     *       answered that the request failed, so it did not accept the message → {@code NOT_SENT};</li>
     *   <li>a 502 or 504 answer: a gateway between us and the service gave up waiting, the service behind it may
     *       have processed the request → {@code MAYBE_SENT};</li>
     *   <li>any other service answer (4xx) → {@code REFUSED};</li>
     *   <li>call or attempt timeouts ({@link ApiCallTimeoutException}, {@link ApiCallAttemptTimeoutException}): they
     *       fire whatever the phase, after the request may have been written → {@code MAYBE_SENT};</li>
     *   <li>I/O failures of the connect phase ({@link #connectPhaseFailure}): nothing was written → {@code NOT_SENT};</li>
     *   <li>any other I/O failure (read timeout, connection reset, end of stream before the answer): the request may
     *       have been written and processed → {@code MAYBE_SENT};</li>
     *   <li>other client failures (no I/O) → {@code CLIENT_FAULT}.</li>
     * </ul>
     */
    public static SendFailure classifySend(SdkException e) {
        if (e instanceof AwsServiceException service) {
            int status = service.statusCode();
            if (status == 502 || status == 504) {
                return SendFailure.MAYBE_SENT;
            }
            if (status == 429 || service.isThrottlingException()) {
                return SendFailure.THROTTLED;
            }
            return isTransient(service) ? SendFailure.NOT_SENT : SendFailure.REFUSED;
        }
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
            return SendFailure.MAYBE_SENT;
        }
        if (e instanceof SdkClientException && causedByIo(e)) {
            return connectPhaseFailure(e).isPresent() ? SendFailure.NOT_SENT : SendFailure.MAYBE_SENT;
        }
        return SendFailure.CLIENT_FAULT;
    }

    /**
     * The I/O failure in {@code e}'s causes that proves no byte of the request was sent: the connection was refused
     * ({@link ConnectException}), the host unknown ({@link UnknownHostException}) or unreachable
     * ({@link NoRouteToHostException}), the TLS handshake failed ({@link SSLHandshakeException}), or the connect
     * timed out (the JDK's {@link SocketTimeoutException} "Connect timed out", as opposed to "Read timed out").
     * These are what {@code UrlConnectionHttpClient} surfaces from {@code HttpURLConnection.connect()}, which it
     * calls before writing the request.
     */
    public static Optional<Throwable> connectPhaseFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException || t instanceof SSLHandshakeException) {
                return Optional.of(t);
            }
            if (t instanceof SocketTimeoutException timeout && timeout.getMessage() != null
                    && timeout.getMessage().toLowerCase(Locale.ROOT).contains("connect")) {
                return Optional.of(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }

    /**
     * True for failures worth retrying an IDEMPOTENT call (DynamoDB conditional writes, Scheduler's named
     * schedules): throttling, 5xx, timeouts and I/O errors on the way to the service. Not for sends, which may
     * have been accepted when the answer was lost: use {@link #classifySend}. False for a service's definite 4xx answer, and for client-side failures that are not
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
