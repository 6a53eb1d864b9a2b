package com.memberpoints.functions;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.net.URI;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Client construction only: nothing here talks to AWS. */
class WiringTest {

    @Test
    void clientsTakeTheRegionAndAnOptionalEndpointFromTheEnvironment() {
        try (SdkHttpClient http = UrlConnectionHttpClient.create();
             DynamoDbClient plain = Wiring.dynamoDb(AppConfig.from(Map.of("AWS_REGION", "eu-west-1")), http);
             DynamoDbClient emulated = Wiring.dynamoDb(AppConfig.from(Map.of(
                     "AWS_REGION", "us-east-1", "AWS_ENDPOINT_URL", "http://127.0.0.1:8000")), http)) {
            assertThat(plain.serviceClientConfiguration().region()).isEqualTo(Region.EU_WEST_1);
            assertThat(plain.serviceClientConfiguration().endpointOverride()).isEmpty();
            assertThat(emulated.serviceClientConfiguration().region()).isEqualTo(Region.US_EAST_1);
            assertThat(emulated.serviceClientConfiguration().endpointOverride()).contains(URI.create("http://127.0.0.1:8000"));
        }
    }

    @Test
    void noRegionFailsNamingTheVariable() {
        try (SdkHttpClient http = UrlConnectionHttpClient.create()) {
            assertThatThrownBy(() -> Wiring.dynamoDb(AppConfig.from(Map.of()), http))
                    .isInstanceOf(MissingConfigurationException.class)
                    .hasMessageContaining("AWS_REGION");
        }
    }
}
