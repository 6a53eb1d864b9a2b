package com.memberpoints.infra.testing;

import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.regions.Region;

/**
 * Decides which AWS API emulator the integration tests use, and what happens when there is none.
 *
 * <ol>
 *   <li>{@code AWS_ENDPOINT_URL} set and answering as moto ({@code /moto-api/}) or LocalStack
 *       ({@code /_localstack/health}) → that server.</li>
 *   <li>Otherwise Docker available → LocalStack {@value #LOCALSTACK_IMAGE} through Testcontainers.</li>
 *   <li>Otherwise unavailable, with the reasons: the tests are skipped, unless
 *       {@value #REQUIRE_VARIABLE}{@code =true}, in which case they fail.</li>
 * </ol>
 *
 * <p>LocalStack Community has no SES v2: when the emulator found is LocalStack and
 * {@value #SESV2_ENDPOINT_VARIABLE} names a server answering as moto, SES v2 goes there
 * ({@link AwsEmulator#sesV2()}); a value that is not a usable moto makes the emulator unavailable, with the reason.
 */
final class EmulatorLocator {

    static final String ENDPOINT_VARIABLE = "AWS_ENDPOINT_URL";
    static final String REGION_VARIABLE = "AWS_REGION";
    static final String REQUIRE_VARIABLE = "MEMBER_POINTS_REQUIRE_EMULATORS";
    /** Test-only: where SES v2 goes when the emulator is LocalStack (a moto server). */
    static final String SESV2_ENDPOINT_VARIABLE = "MEMBER_POINTS_SESV2_ENDPOINT_URL";
    /** Last free LocalStack line: images from 2026.3 on need an auth token. */
    static final String LOCALSTACK_IMAGE = "localstack/localstack:4.4";
    static final Region DEFAULT_REGION = Region.US_EAST_1;

    private EmulatorLocator() {}

    sealed interface Outcome {
        record Found(AwsEmulator emulator) implements Outcome {}

        record Unavailable(String reason) implements Outcome {}
    }

    sealed interface ProbeResult {
        record Recognized(AwsEmulator.Kind kind) implements ProbeResult {}

        record NotUsable(String why) implements ProbeResult {}
    }

    /** Identifies the server at an endpoint. */
    @FunctionalInterface
    interface Probe {
        ProbeResult identify(URI endpoint);
    }

    /** Docker and LocalStack, behind an interface so the decision rule is testable without either. */
    interface Docker {
        /** Empty when Docker can be used, else why not. */
        java.util.Optional<String> unavailableBecause();

        AwsEmulator startLocalStack();
    }

    static boolean required(Map<String, String> environment) {
        return "true".equalsIgnoreCase(environment.getOrDefault(REQUIRE_VARIABLE, "").strip());
    }

    static Outcome locate(Map<String, String> environment, Probe probe, Docker docker) {
        Outcome outcome = locateMain(environment, probe, docker);
        if (!(outcome instanceof Outcome.Found(AwsEmulator emulator)) || emulator.kind() != AwsEmulator.Kind.LOCALSTACK) {
            return outcome;
        }
        String configured = environment.getOrDefault(SESV2_ENDPOINT_VARIABLE, "").strip();
        if (configured.isEmpty()) {
            return outcome;
        }
        URI endpoint;
        try {
            endpoint = new URI(configured);
        } catch (URISyntaxException e) {
            endpoint = null;
        }
        String problem;
        if (endpoint == null || endpoint.getHost() == null) {
            problem = "is not an absolute URL";
        } else {
            ProbeResult result = probe.identify(endpoint);
            if (result instanceof ProbeResult.Recognized(AwsEmulator.Kind kind) && kind == AwsEmulator.Kind.MOTO) {
                AwsEmulator moto = new AwsEmulator(kind, endpoint, emulator.region(), "emulator", "emulator",
                        kind + " at " + endpoint + " (" + SESV2_ENDPOINT_VARIABLE + ")", () -> {});
                return new Outcome.Found(emulator.withSesV2On(moto));
            }
            problem = result instanceof ProbeResult.NotUsable(String why) ? "is not usable: " + why
                    : "answers as " + ((ProbeResult.Recognized) result).kind() + ", not as moto";
        }
        emulator.close();
        return new Outcome.Unavailable(SESV2_ENDPOINT_VARIABLE + "=" + configured + " " + problem
                + " (SES v2 for LocalStack needs a moto server there: 'MOTO_PORT=<port> scripts/emulators.sh start').");
    }

    private static Outcome locateMain(Map<String, String> environment, Probe probe, Docker docker) {
        Objects.requireNonNull(environment);
        String configured = environment.getOrDefault(ENDPOINT_VARIABLE, "").strip();
        String endpointProblem;
        if (configured.isEmpty()) {
            endpointProblem = ENDPOINT_VARIABLE + " is not set";
        } else {
            URI endpoint;
            try {
                endpoint = new URI(configured);
            } catch (URISyntaxException e) {
                endpoint = null;
            }
            if (endpoint == null || endpoint.getHost() == null) {
                endpointProblem = ENDPOINT_VARIABLE + "=" + configured + " is not an absolute URL";
            } else {
                ProbeResult result = probe.identify(endpoint);
                if (result instanceof ProbeResult.Recognized(AwsEmulator.Kind kind)) {
                    String regionName = environment.getOrDefault(REGION_VARIABLE, "").strip();
                    Region region = regionName.isEmpty() ? DEFAULT_REGION : Region.of(regionName);
                    return new Outcome.Found(new AwsEmulator(kind, endpoint, region, "emulator", "emulator",
                            kind + " at " + endpoint + " (" + ENDPOINT_VARIABLE + ")", () -> {}));
                }
                endpointProblem = ENDPOINT_VARIABLE + "=" + configured + " is not usable: "
                        + ((ProbeResult.NotUsable) result).why();
            }
        }
        java.util.Optional<String> dockerProblem = docker.unavailableBecause();
        if (dockerProblem.isEmpty()) {
            return new Outcome.Found(docker.startLocalStack());
        }
        return new Outcome.Unavailable("no AWS API emulator: " + endpointProblem + ", and Docker is not available ("
                + dockerProblem.get() + "). Start moto with 'eval \"$(scripts/emulators.sh start)\"' (or install Docker)"
                + " and run again.");
    }

    /** The message a test run reports when there is no emulator. */
    static String unavailableMessage(String reason, boolean required) {
        return required
                ? REQUIRE_VARIABLE + "=true, so emulator tests must not be skipped, but " + reason
                : "skipped: " + reason + " (set " + REQUIRE_VARIABLE + "=true to fail instead)";
    }

    /** Probes over HTTP: moto answers {@code /moto-api/}, LocalStack {@code /_localstack/health}. */
    static Probe httpProbe() {
        return endpoint -> {
            try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
                if (status(http, endpoint.resolve("/moto-api/")) == 200) {
                    return new ProbeResult.Recognized(AwsEmulator.Kind.MOTO);
                }
                if (status(http, endpoint.resolve("/_localstack/health")) == 200) {
                    return new ProbeResult.Recognized(AwsEmulator.Kind.LOCALSTACK);
                }
                return new ProbeResult.NotUsable("it answers, but neither as moto nor as LocalStack");
            } catch (ConnectException e) {
                return new ProbeResult.NotUsable("nothing listens there (connection refused)");
            } catch (HttpTimeoutException e) {
                return new ProbeResult.NotUsable("no answer within 2 s");
            } catch (java.io.IOException e) {
                return new ProbeResult.NotUsable(e.getClass().getSimpleName() + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new ProbeResult.NotUsable("interrupted");
            }
        };
    }

    private static int status(HttpClient http, URI uri) throws java.io.IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
