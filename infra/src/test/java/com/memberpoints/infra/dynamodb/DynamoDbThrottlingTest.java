package com.memberpoints.infra.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Issue 13 C1: which real SDK exceptions the DynamoDB adapters retry as throttling. */
class DynamoDbThrottlingTest {

    static AwsErrorDetails details(String code, int status) {
        return AwsErrorDetails.builder().errorCode(code).errorMessage("m").serviceName("DynamoDb")
                .sdkHttpResponse(software.amazon.awssdk.http.SdkHttpResponse.builder().statusCode(status).build())
                .build();
    }

    static TransactionCanceledException cancelled(String... codes) {
        List<CancellationReason> reasons = java.util.Arrays.stream(codes)
                .map(c -> CancellationReason.builder().code(c).build()).toList();
        return (TransactionCanceledException) TransactionCanceledException.builder().cancellationReasons(reasons)
                .awsErrorDetails(details("TransactionCanceledException", 400)).statusCode(400).build();
    }

    @Test
    void throttledCallsAreThrottling() {
        assertThat(DynamoDbThrottling.isThrottling(ProvisionedThroughputExceededException.builder()
                .awsErrorDetails(details("ProvisionedThroughputExceededException", 400)).statusCode(400).build())).isTrue();
        assertThat(DynamoDbThrottling.isThrottling(RequestLimitExceededException.builder()
                .awsErrorDetails(details("RequestLimitExceeded", 400)).statusCode(400).build())).isTrue();
        assertThat(DynamoDbThrottling.isThrottling(DynamoDbException.builder()
                .awsErrorDetails(details("ThrottlingException", 400)).statusCode(400).build())).isTrue();
        assertThat(DynamoDbThrottling.isThrottling((AwsServiceException) DynamoDbException.builder()
                .awsErrorDetails(details("SomethingElse", 429)).statusCode(429).build())).isTrue();
    }

    @Test
    void transactionsCancelledOnlyForThrottlingAreThrottling() {
        assertThat(DynamoDbThrottling.isThrottling(cancelled("None", "ThrottlingError"))).isTrue();
        assertThat(DynamoDbThrottling.isThrottling(cancelled("ProvisionedThroughputExceeded", "None"))).isTrue();
        // a condition failure decides the outcome (conflict or repeat), whatever else was throttled
        assertThat(DynamoDbThrottling.isThrottling(cancelled("ConditionalCheckFailed", "ThrottlingError"))).isFalse();
        assertThat(DynamoDbThrottling.isThrottling(cancelled("TransactionConflict", "None"))).isFalse();
        assertThat(DynamoDbThrottling.isThrottling(cancelled("ValidationError"))).isFalse();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(DynamoDbThrottling.isThrottling(ConditionalCheckFailedException.builder()
                .awsErrorDetails(details("ConditionalCheckFailedException", 400)).statusCode(400).build())).isFalse();
        assertThat(DynamoDbThrottling.isThrottling(DynamoDbException.builder()
                .awsErrorDetails(details("ValidationException", 400)).statusCode(400).build())).isFalse();
        assertThat(DynamoDbThrottling.isThrottling(DynamoDbException.builder()
                .awsErrorDetails(details("InternalServerError", 500)).statusCode(500).build())).isFalse();
        assertThat(DynamoDbThrottling.isThrottling(SdkClientException.create("no region"))).isFalse();
    }
}
