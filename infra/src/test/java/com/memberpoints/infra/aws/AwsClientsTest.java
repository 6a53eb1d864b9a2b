package com.memberpoints.infra.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;

class AwsClientsTest {

    @Test
    void readsRegionAndEndpointFromTheEnvironment() {
        var settings = AwsClients.Settings.fromEnvironment(Map.of(
                "AWS_REGION", "ap-northeast-1", "AWS_ENDPOINT_URL", "http://127.0.0.1:4566"));

        assertThat(settings.region()).isEqualTo(Region.AP_NORTHEAST_1);
        assertThat(settings.endpoint()).contains(URI.create("http://127.0.0.1:4566"));
    }

    @Test
    void noOrBlankEndpointMeansTheRealServiceEndpoints() {
        assertThat(AwsClients.Settings.fromEnvironment(Map.of("AWS_REGION", "us-east-1")).endpoint()).isEmpty();
        assertThat(AwsClients.Settings.fromEnvironment(Map.of("AWS_REGION", "us-east-1", "AWS_ENDPOINT_URL", " ")).endpoint())
                .isEmpty();
    }

    @Test
    void missingRegionFailsNamingTheVariable() {
        assertThatThrownBy(() -> AwsClients.Settings.fromEnvironment(Map.of()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("AWS_REGION");
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1:4566", "ftp://127.0.0.1", "http://", "http://bad host"})
    void malformedEndpointFailsNamingTheVariable(String endpoint) {
        assertThatThrownBy(() -> AwsClients.Settings.fromEnvironment(Map.of("AWS_REGION", "us-east-1", "AWS_ENDPOINT_URL", endpoint)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("AWS_ENDPOINT_URL");
    }

    @Test
    void everyClientIsBuiltOnceWithTheEndpointOverrideAndRegion() {
        // Not the port of .ci/run's AWS_ENDPOINT_URL: the explicit setting wins over the SDK's own lookup.
        var endpoint = URI.create("http://127.0.0.1:9999");
        try (var clients = AwsClients.create(AwsClients.Settings.of(Region.EU_WEST_1, Optional.of(endpoint)),
                AnonymousCredentialsProvider.create())) {
            assertThat(clients.dynamoDb()).isSameAs(clients.dynamoDb());
            assertThat(clients.sesV2()).isSameAs(clients.sesV2());
            assertThat(clients.sns()).isSameAs(clients.sns());
            assertThat(clients.scheduler()).isSameAs(clients.scheduler());
            assertThat(clients.httpClient()).isSameAs(clients.httpClient()).isInstanceOf(UrlConnectionHttpClient.class);

            assertThat(clients.dynamoDb().serviceClientConfiguration().endpointOverride()).contains(endpoint);
            assertThat(clients.sesV2().serviceClientConfiguration().endpointOverride()).contains(endpoint);
            assertThat(clients.sns().serviceClientConfiguration().endpointOverride()).contains(endpoint);
            assertThat(clients.scheduler().serviceClientConfiguration().endpointOverride()).contains(endpoint);
            assertThat(clients.scheduler().serviceClientConfiguration().region()).isEqualTo(Region.EU_WEST_1);
        }
    }

    @Test
    void withoutAnEndpointSettingTheSdkFollowsTheProcessEnvironmentOnly() {
        // The SDK itself reads AWS_ENDPOINT_URL when no override is given: with the variable unset
        // (production) the clients use the real regional endpoints, under .ci/run they use moto.
        Optional<URI> fromProcess = Optional.ofNullable(System.getenv("AWS_ENDPOINT_URL"))
                .filter(s -> !s.isBlank()).map(URI::create);
        try (var clients = AwsClients.create(AwsClients.Settings.of(Region.US_EAST_1, Optional.empty()),
                AnonymousCredentialsProvider.create())) {
            assertThat(clients.sns().serviceClientConfiguration().endpointOverride()).isEqualTo(fromProcess);
            assertThat(clients.sns().serviceClientConfiguration().region()).isEqualTo(Region.US_EAST_1);
        }
    }

    @Test
    void sendClientsNeverRetryInsideTheSdkIdempotentOnesDo() {
        try (var clients = AwsClients.create(AwsClients.Settings.of(Region.US_EAST_1,
                Optional.of(URI.create("http://127.0.0.1:9999"))), AnonymousCredentialsProvider.create())) {
            RetryStrategy ses = clients.sesV2().serviceClientConfiguration().overrideConfiguration().retryStrategy()
                    .orElseThrow();
            RetryStrategy sns = clients.sns().serviceClientConfiguration().overrideConfiguration().retryStrategy()
                    .orElseThrow();
            assertThat(ses.maxAttempts()).isEqualTo(1);
            assertThat(sns.maxAttempts()).isEqualTo(1);

            RetryStrategy dynamoDb = clients.dynamoDb().serviceClientConfiguration().overrideConfiguration()
                    .retryStrategy().orElseThrow();
            RetryStrategy scheduler = clients.scheduler().serviceClientConfiguration().overrideConfiguration()
                    .retryStrategy().orElseThrow();
            assertThat(dynamoDb.maxAttempts()).isGreaterThan(1);
            assertThat(scheduler.maxAttempts()).isGreaterThan(1);
        }
    }

    @Test
    void theJdkSilentRePostIsOff() {
        // Read once per JVM by HttpURLConnection's client: AwsClients sets it when it loads.
        assertThat(AwsClients.JDK_RETRY_POST_PROPERTY).isEqualTo("sun.net.http.retryPost");
        assertThat(System.getProperty(AwsClients.JDK_RETRY_POST_PROPERTY)).isEqualTo("false");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "software.amazon.awssdk.http.apache.ApacheHttpClient",
            "software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient"})
    void apacheAndNettyHttpClientsAreNotOnTheClasspath(String className) {
        assertThatThrownBy(() -> Class.forName(className)).isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void inLambdaWithKeysInTheEnvironmentTheEnvironmentProviderIsUsedAlone() {
        assertThat(AwsClients.credentialsFor(Map.of("AWS_LAMBDA_FUNCTION_NAME", "quote",
                "AWS_ACCESS_KEY_ID", "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY", "x", "AWS_SESSION_TOKEN", "t")))
                .isInstanceOf(EnvironmentVariableCredentialsProvider.class);
    }

    @Test
    void inLambdaWithTheContainerEndpointOnlyTheContainerProviderIsUsed() {
        // SnapStart functions get credentials from the runtime's endpoint, not from AWS_ACCESS_KEY_ID.
        assertThat(AwsClients.credentialsFor(Map.of("AWS_LAMBDA_FUNCTION_NAME", "quote",
                "AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:9001/2021-04-23/credentials",
                "AWS_CONTAINER_AUTHORIZATION_TOKEN", "t")))
                .isInstanceOf(ContainerCredentialsProvider.class);
    }

    @Test
    void outsideLambdaOrWithNeitherSourceTheDefaultChainIsUsed() {
        assertThat(AwsClients.credentialsFor(Map.of("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY", "x")))
                .isInstanceOf(DefaultCredentialsProvider.class);
        assertThat(AwsClients.credentialsFor(Map.of()))
                .isInstanceOf(DefaultCredentialsProvider.class);
        assertThat(AwsClients.credentialsFor(Map.of("AWS_LAMBDA_FUNCTION_NAME", "quote", "AWS_ACCESS_KEY_ID", " ")))
                .isInstanceOf(DefaultCredentialsProvider.class);
    }
}
