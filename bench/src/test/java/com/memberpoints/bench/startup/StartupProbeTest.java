package com.memberpoints.bench.startup;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Keeps the benchmark honest: the probe must really get the handlers' answers (in-process, no timing). */
class StartupProbeTest {

    private static String probe(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StartupProbe.run(args, new PrintStream(out, true, StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        return text.substring(text.indexOf(StartupProbe.MARKER)).strip();
    }

    @Test
    void helloWorldAnswers() throws Exception {
        assertThat(probe("hello", StartupBenchmark.HELLO)).isEqualTo("RESPONSE 200 hello world");
    }

    @Test
    void theDefaultTargetAnswersThroughTheWholePlatform() throws Exception {
        StartupBenchmark.Options o = StartupBenchmark.Options.parse(new String[0]);
        assertThat(probe(o.targetArgs().toArray(String[]::new))).isEqualTo("RESPONSE 200 {\"status\":\"ok\"}");
    }

    @Test
    void claimsAndBodyReachTheHandler() throws Exception {
        // The health route refuses query parameters; an authenticated call still reaches it and answers ok.
        assertThat(probe("http", "com.memberpoints.functions.platform.HealthHandler", "GET /v1/health", "/v1/health",
                "merchant_id=m1&member_id=a%2Bb", "-")).startsWith("RESPONSE 200");
    }

    /** Lazy wiring: a handler that needs no AWS client must not load a single SDK class at cold start. */
    @Test
    void theHealthHandlerLoadsNoSdkClassInAFreshJvm() throws Exception {
        java.nio.file.Path log = java.nio.file.Files.createTempFile("health-classes", ".log");
        try {
            String javaBin = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
            StartupBenchmark.Run run = StartupBenchmark.launch(javaBin, System.getProperty("java.class.path"), java.util.Map.of(),
                    java.util.List.of("-Xlog:class+load=info:file=" + log),
                    StartupBenchmark.Options.parse(new String[0]).targetArgs());
            assertThat(run.response()).isEqualTo("200 {\"status\":\"ok\"}");
            String loaded = java.nio.file.Files.readString(log);
            assertThat(loaded).contains("com.memberpoints.functions.platform.HealthHandler");
            assertThat(loaded).doesNotContain("software.amazon.awssdk.").doesNotContain("com.fasterxml.jackson.databind");
        } finally {
            java.nio.file.Files.deleteIfExists(log);
        }
    }

    @Test
    void mediansAndOptions() {
        assertThat(StartupBenchmark.median(new long[] {5, 1, 3})).isEqualTo(3);
        assertThat(StartupBenchmark.median(new long[] {4, 1, 3, 2})).isEqualTo(2);
        StartupBenchmark.Options o = StartupBenchmark.Options.parse(new String[] {"--reps", "3", "--route", "POST /v1/x"});
        assertThat(o.reps()).isEqualTo(3);
        assertThat(o.path()).isEqualTo("/v1/x");
        assertThat(o.aot()).isFalse();
        assertThat(StartupBenchmark.Options.parse(new String[] {"--aot", "--reps", "2"}).aot()).isTrue();
        assertThat(StartupBenchmark.Options.parse(new String[] {"--aot", "--reps", "2"}).reps()).isEqualTo(2);
        assertThatThrownBy(() -> StartupBenchmark.Options.parse(new String[] {"--nope", "1"}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
