package com.memberpoints.infra.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.infra.aws.AwsErrors.SendFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * The classification rules on SDK exception values (the emulators cannot produce throttling or 5xx on demand; the
 * real I/O paths are exercised in {@code SendAttemptsIT}).
 */
class AwsErrorsTest {

    private static AwsServiceException service(int status, String code) {
        return AwsServiceException.builder()
                .statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("m").build())
                .build();
    }

    @Test
    void serverErrorsAndThrottlingAreTransient() {
        assertThat(AwsErrors.isTransient(service(500, "InternalFailure"))).isTrue();
        assertThat(AwsErrors.isTransient(service(503, "ServiceUnavailable"))).isTrue();
        assertThat(AwsErrors.isTransient(service(429, "TooManyRequestsException"))).isTrue();
        assertThat(AwsErrors.isTransient(service(400, "Throttling"))).isTrue();
        assertThat(AwsErrors.isTransient(service(400, "ThrottlingException"))).isTrue();
    }

    @Test
    void definiteClientErrorsAreNot() {
        assertThat(AwsErrors.isTransient(service(400, "MessageRejected"))).isFalse();
        assertThat(AwsErrors.isTransient(service(400, "InvalidParameter"))).isFalse();
        assertThat(AwsErrors.isTransient(service(403, "AccessDeniedException"))).isFalse();
        assertThat(AwsErrors.isServiceAnswer(service(400, "MessageRejected"))).isTrue();
    }

    @Test
    void ioFailuresAndTimeoutsAreTransientOtherClientFailuresAreNot() {
        assertThat(AwsErrors.isTransient(SdkClientException.create("connect", new IOException("refused")))).isTrue();
        assertThat(AwsErrors.isTransient(SdkClientException.create("read", new SocketTimeoutException("read timed out")))).isTrue();
        assertThat(AwsErrors.isTransient(ApiCallTimeoutException.create(1000))).isTrue();
        assertThat(AwsErrors.isTransient(SdkClientException.create("Unable to load region"))).isFalse();
        assertThat(AwsErrors.isServiceAnswer(SdkClientException.create("Unable to load region"))).isFalse();
    }

    // --- sends: can the provider have accepted the message? ---

    @Test
    void serviceAnswersThatItFailedMeanNotSent_thatItThrottledMeanThrottled() {
        assertThat(AwsErrors.classifySend(service(500, "InternalFailure"))).isEqualTo(SendFailure.NOT_SENT);
        assertThat(AwsErrors.classifySend(service(503, "ServiceUnavailable"))).isEqualTo(SendFailure.NOT_SENT);
        assertThat(AwsErrors.classifySend(service(429, "TooManyRequestsException"))).isEqualTo(SendFailure.THROTTLED);
        assertThat(AwsErrors.classifySend(service(400, "Throttling"))).isEqualTo(SendFailure.THROTTLED);
        assertThat(AwsErrors.classifySend(service(400, "ThrottlingException"))).isEqualTo(SendFailure.THROTTLED);
    }

    @Test
    void gatewayTimeoutsMayHaveBeenProcessedBehindTheGateway() {
        assertThat(AwsErrors.classifySend(service(504, "GatewayTimeout"))).isEqualTo(SendFailure.MAYBE_SENT);
        assertThat(AwsErrors.classifySend(service(502, "BadGateway"))).isEqualTo(SendFailure.MAYBE_SENT);
    }

    @Test
    void definiteRefusalsAreRefused() {
        assertThat(AwsErrors.classifySend(service(400, "MessageRejected"))).isEqualTo(SendFailure.REFUSED);
        assertThat(AwsErrors.classifySend(service(403, "AuthorizationError"))).isEqualTo(SendFailure.REFUSED);
    }

    @Test
    void connectPhaseFailuresMeanNothingWasSent() {
        assertThat(AwsErrors.classifySend(SdkClientException.create("Unable to execute HTTP request: Connection refused",
                new ConnectException("Connection refused")))).isEqualTo(SendFailure.NOT_SENT);
        assertThat(AwsErrors.classifySend(SdkClientException.create("x",
                new UnknownHostException("email.us-east-1.amazonaws.com")))).isEqualTo(SendFailure.NOT_SENT);
        assertThat(AwsErrors.classifySend(SdkClientException.create("x",
                new NoRouteToHostException("No route to host")))).isEqualTo(SendFailure.NOT_SENT);
        assertThat(AwsErrors.classifySend(SdkClientException.create("x",
                new SocketTimeoutException("Connect timed out")))).isEqualTo(SendFailure.NOT_SENT);
        assertThat(AwsErrors.classifySend(SdkClientException.create("x",
                new SSLHandshakeException("PKIX path building failed")))).isEqualTo(SendFailure.NOT_SENT);
        // Wrapped deeper, as the SDK may do.
        assertThat(AwsErrors.classifySend(SdkClientException.create("x",
                new UncheckedIOException(new ConnectException("Connection refused"))))).isEqualTo(SendFailure.NOT_SENT);
    }

    @Test
    void failuresAfterTheRequestMayHaveBeenWrittenMeanMaybeSent() {
        assertThat(AwsErrors.classifySend(SdkClientException.create("x",
                new SocketTimeoutException("Read timed out")))).isEqualTo(SendFailure.MAYBE_SENT);
        assertThat(AwsErrors.classifySend(SdkClientException.create("x",
                new SocketException("Connection reset")))).isEqualTo(SendFailure.MAYBE_SENT);
        assertThat(AwsErrors.classifySend(SdkClientException.create("x",
                new IOException("Unexpected end of file from server")))).isEqualTo(SendFailure.MAYBE_SENT);
        assertThat(AwsErrors.classifySend(SdkClientException.create("x",
                new SocketTimeoutException(null)))).isEqualTo(SendFailure.MAYBE_SENT);
        assertThat(AwsErrors.classifySend(ApiCallTimeoutException.create(1000))).isEqualTo(SendFailure.MAYBE_SENT);
        assertThat(AwsErrors.classifySend(ApiCallAttemptTimeoutException.create(1000)))
                .isEqualTo(SendFailure.MAYBE_SENT);
    }

    @Test
    void clientFailuresWithoutIoAreFaultsNotOutcomes() {
        assertThat(AwsErrors.classifySend(SdkClientException.create("Unable to load region")))
                .isEqualTo(SendFailure.CLIENT_FAULT);
    }

    @Test
    void describeNamesCodeAndStatus() {
        assertThat(AwsErrors.describe(service(400, "MessageRejected"))).isEqualTo("MessageRejected (HTTP 400): m");
    }
}
