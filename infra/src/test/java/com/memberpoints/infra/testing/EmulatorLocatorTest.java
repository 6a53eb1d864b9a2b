package com.memberpoints.infra.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EmulatorLocatorTest {

    private static final EmulatorLocator.Probe MOTO = uri -> new EmulatorLocator.ProbeResult.Recognized(AwsEmulator.Kind.MOTO);
    private static final EmulatorLocator.Probe REFUSED = uri -> new EmulatorLocator.ProbeResult.NotUsable("connection refused");

    /** Records whether LocalStack was asked for; never starts anything. */
    private static final class NoDocker implements EmulatorLocator.Docker {
        final AtomicInteger starts = new AtomicInteger();

        @Override
        public Optional<String> unavailableBecause() {
            return Optional.of("no docker here");
        }

        @Override
        public AwsEmulator startLocalStack() {
            starts.incrementAndGet();
            throw new AssertionError("must not start LocalStack without Docker");
        }
    }

    @Test
    void usesTheServerAtTheEndpointWhenItAnswersAsAnEmulator() {
        var docker = new NoDocker();
        var outcome = EmulatorLocator.locate(
                Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:4566", "AWS_REGION", "eu-west-1"), MOTO, docker);

        assertThat(outcome).isInstanceOf(EmulatorLocator.Outcome.Found.class);
        try (AwsEmulator emulator = ((EmulatorLocator.Outcome.Found) outcome).emulator()) {
            assertThat(emulator.kind()).isEqualTo(AwsEmulator.Kind.MOTO);
            assertThat(emulator.endpoint()).isEqualTo(URI.create("http://127.0.0.1:4566"));
            assertThat(emulator.region().id()).isEqualTo("eu-west-1");
            assertThat(emulator.clients().sns().serviceClientConfiguration().endpointOverride())
                    .contains(URI.create("http://127.0.0.1:4566"));
        }
        assertThat(docker.starts).hasValue(0);
    }

    @Test
    void withoutEndpointAndDockerItIsUnavailableWithBothReasons() {
        var outcome = EmulatorLocator.locate(Map.of(), MOTO, new NoDocker());

        assertThat(outcome).isInstanceOfSatisfying(EmulatorLocator.Outcome.Unavailable.class, u -> assertThat(u.reason())
                .contains("AWS_ENDPOINT_URL is not set").contains("no docker here").contains("scripts/emulators.sh start"));
    }

    @Test
    void anEndpointThatDoesNotAnswerIsReported() {
        var outcome = EmulatorLocator.locate(Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:1"), REFUSED, new NoDocker());

        assertThat(outcome).isInstanceOfSatisfying(EmulatorLocator.Outcome.Unavailable.class, u -> assertThat(u.reason())
                .contains("AWS_ENDPOINT_URL=http://127.0.0.1:1 is not usable: connection refused"));
    }

    @Test
    void fallsBackToDockerWhenTheEndpointIsNotUsable() {
        var started = new AtomicInteger();
        EmulatorLocator.Docker docker = new EmulatorLocator.Docker() {
            @Override
            public Optional<String> unavailableBecause() {
                return Optional.empty();
            }

            @Override
            public AwsEmulator startLocalStack() {
                started.incrementAndGet();
                return new AwsEmulator(AwsEmulator.Kind.LOCALSTACK, URI.create("http://127.0.0.1:49152"),
                        software.amazon.awssdk.regions.Region.US_EAST_1, "test", "test", "LocalStack", () -> {});
            }
        };

        var outcome = EmulatorLocator.locate(Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:1"), REFUSED, docker);

        assertThat(started).hasValue(1);
        assertThat(outcome).isInstanceOfSatisfying(EmulatorLocator.Outcome.Found.class,
                f -> assertThat(f.emulator().kind()).isEqualTo(AwsEmulator.Kind.LOCALSTACK));
    }

    @Test
    void theRequireFlagTurnsASkipIntoAFailureMessage() {
        assertThat(EmulatorLocator.required(Map.of("MEMBER_POINTS_REQUIRE_EMULATORS", "true"))).isTrue();
        assertThat(EmulatorLocator.required(Map.of("MEMBER_POINTS_REQUIRE_EMULATORS", "TRUE"))).isTrue();
        assertThat(EmulatorLocator.required(Map.of("MEMBER_POINTS_REQUIRE_EMULATORS", "false"))).isFalse();
        assertThat(EmulatorLocator.required(Map.of())).isFalse();

        assertThat(EmulatorLocator.unavailableMessage("no emulator", true))
                .startsWith("MEMBER_POINTS_REQUIRE_EMULATORS=true").contains("no emulator");
        assertThat(EmulatorLocator.unavailableMessage("no emulator", false))
                .startsWith("skipped: no emulator");
    }

    /** LocalStack at :4581, moto at :4572, nothing elsewhere. */
    private static final EmulatorLocator.Probe LOCALSTACK_AND_MOTO = uri -> switch (uri.getPort()) {
        case 4581 -> new EmulatorLocator.ProbeResult.Recognized(AwsEmulator.Kind.LOCALSTACK);
        case 4572 -> new EmulatorLocator.ProbeResult.Recognized(AwsEmulator.Kind.MOTO);
        default -> new EmulatorLocator.ProbeResult.NotUsable("connection refused");
    };

    @Test
    void localStackBorrowsSesV2FromTheMotoNamedByTheVariable() {
        var outcome = EmulatorLocator.locate(Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:4581",
                "MEMBER_POINTS_SESV2_ENDPOINT_URL", "http://127.0.0.1:4572"), LOCALSTACK_AND_MOTO, new NoDocker());

        assertThat(outcome).isInstanceOf(EmulatorLocator.Outcome.Found.class);
        try (AwsEmulator emulator = ((EmulatorLocator.Outcome.Found) outcome).emulator()) {
            assertThat(emulator.kind()).isEqualTo(AwsEmulator.Kind.LOCALSTACK);
            assertThat(emulator.clients().sns().serviceClientConfiguration().endpointOverride())
                    .contains(URI.create("http://127.0.0.1:4581"));
            assertThat(emulator.sesV2().serviceClientConfiguration().endpointOverride())
                    .contains(URI.create("http://127.0.0.1:4572"));
            assertThat(emulator.sesV2Emulator()).hasValueSatisfying(m -> assertThat(m.kind()).isEqualTo(AwsEmulator.Kind.MOTO));
            assertThat(emulator.description()).contains("SES v2 on MOTO at http://127.0.0.1:4572");
        }
    }

    @Test
    void localStackWithoutSesV2EmulatorRefusesSesV2WithTheReason() {
        var outcome = EmulatorLocator.locate(Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:4581"), LOCALSTACK_AND_MOTO,
                new NoDocker());

        try (AwsEmulator emulator = ((EmulatorLocator.Outcome.Found) outcome).emulator()) {
            assertThat(emulator.sesV2Emulator()).isEmpty();
            org.assertj.core.api.Assertions.assertThatThrownBy(emulator::sesV2)
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("MEMBER_POINTS_SESV2_ENDPOINT_URL");
        }
    }

    @Test
    void aSesV2EndpointThatIsNotMotoMakesLocalStackUnavailable() {
        var notMoto = EmulatorLocator.locate(Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:4581",
                "MEMBER_POINTS_SESV2_ENDPOINT_URL", "http://127.0.0.1:4581"), LOCALSTACK_AND_MOTO, new NoDocker());
        var refused = EmulatorLocator.locate(Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:4581",
                "MEMBER_POINTS_SESV2_ENDPOINT_URL", "http://127.0.0.1:1"), LOCALSTACK_AND_MOTO, new NoDocker());

        assertThat(notMoto).isInstanceOfSatisfying(EmulatorLocator.Outcome.Unavailable.class,
                u -> assertThat(u.reason()).contains("answers as LOCALSTACK, not as moto"));
        assertThat(refused).isInstanceOfSatisfying(EmulatorLocator.Outcome.Unavailable.class,
                u -> assertThat(u.reason()).contains("MEMBER_POINTS_SESV2_ENDPOINT_URL=http://127.0.0.1:1 is not usable"));
    }

    @Test
    void motoIgnoresTheSesV2Variable() {
        var outcome = EmulatorLocator.locate(Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:4572",
                "MEMBER_POINTS_SESV2_ENDPOINT_URL", "http://127.0.0.1:1"), LOCALSTACK_AND_MOTO, new NoDocker());

        try (AwsEmulator emulator = ((EmulatorLocator.Outcome.Found) outcome).emulator()) {
            assertThat(emulator.sesV2().serviceClientConfiguration().endpointOverride())
                    .contains(URI.create("http://127.0.0.1:4572"));
        }
    }
}
