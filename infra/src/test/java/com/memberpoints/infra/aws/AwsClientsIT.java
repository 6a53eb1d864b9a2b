package com.memberpoints.infra.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.memberpoints.infra.testing.AwsEmulator;
import com.memberpoints.infra.testing.AwsEmulatorTest;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;

/** AWS_REGION and AWS_ENDPOINT_URL, read by AwsClients, really route every client to the endpoint. */
@AwsEmulatorTest
class AwsClientsIT {

    @Test
    void everyClientReachesTheEndpointNamedByTheEnvironment(AwsEmulator emulator) {
        Map<String, String> environment = Map.of(
                "AWS_REGION", emulator.region().id(),
                "AWS_ENDPOINT_URL", emulator.endpoint().toString());
        AwsClients.Settings settings = AwsClients.Settings.fromEnvironment(environment);
        assertThat(settings.endpoint()).contains(emulator.endpoint());

        try (AwsClients clients = AwsClients.create(settings,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("emulator", "emulator")))) {
            // Each call succeeds only if it reached the emulator: there is no AWS account here.
            assertThat(clients.dynamoDb().listTables().tableNames()).isNotNull();
            if (emulator.kind() == AwsEmulator.Kind.LOCALSTACK) {
                // Emulator difference: LocalStack Community does not emulate SES v2. Its 501 still proves that
                // the call reached LocalStack (AWS or nothing at all would answer otherwise).
                assertThatThrownBy(() -> clients.sesV2().createEmailIdentity(r -> r.emailIdentity("clients-it@example.com")))
                        .isInstanceOfSatisfying(SesV2Exception.class, e -> assertThat(e.statusCode()).isEqualTo(501));
            } else {
                assertThat(clients.sesV2().createEmailIdentity(r -> r.emailIdentity("clients-it@example.com")).identityType())
                        .isNotNull();
            }
            assertThat(clients.sns().listTopics().topics()).isNotNull();
            assertThat(clients.scheduler().listScheduleGroups(r -> {}).scheduleGroups())
                    .anySatisfy(g -> assertThat(g.name()).isEqualTo("default"));
            assertThat(clients.sns().serviceClientConfiguration().endpointOverride()).contains(emulator.endpoint());
        }
    }

    @Test
    void withTheEndpointOfTheEnvironmentTheDefaultChainIsStillUsed(AwsEmulator emulator) {
        // The environment of .ci/run carries dummy emulator-only keys; with them the default chain
        // (AwsClients.fromEnvironment) reaches the emulator too.
        Optional<String> key = Optional.ofNullable(System.getenv("AWS_ACCESS_KEY_ID"));
        org.junit.jupiter.api.Assumptions.assumeTrue(key.isPresent()
                        && emulator.endpoint().toString().equals(System.getenv("AWS_ENDPOINT_URL")),
                "runs where AWS_ENDPOINT_URL and emulator credentials are in the environment (.ci/run)");
        try (AwsClients clients = AwsClients.fromEnvironment()) {
            assertThat(clients.settings().region()).isEqualTo(Region.of(System.getenv("AWS_REGION")));
            assertThat(clients.sns().listTopics().topics()).isNotNull();
        }
    }
}
