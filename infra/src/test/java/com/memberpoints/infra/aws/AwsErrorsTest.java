package com.memberpoints.infra.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

/** The classification rule on SDK exception values (the emulators cannot produce throttling or 5xx on demand). */
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

    @Test
    void describeNamesCodeAndStatus() {
        assertThat(AwsErrors.describe(service(400, "MessageRejected"))).isEqualTo("MessageRejected (HTTP 400): m");
    }
}
