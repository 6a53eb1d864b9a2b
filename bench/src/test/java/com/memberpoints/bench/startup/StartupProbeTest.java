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
        assertThat(probe("http", "com.memberpoints.functions.health.HealthHandler", "GET /v1/health", "/v1/health",
                "merchant_id=m1&member_id=a%2Bb", "-")).startsWith("RESPONSE 200");
    }

    @Test
    void mediansAndOptions() {
        assertThat(StartupBenchmark.median(new long[] {5, 1, 3})).isEqualTo(3);
        assertThat(StartupBenchmark.median(new long[] {4, 1, 3, 2})).isEqualTo(2);
        StartupBenchmark.Options o = StartupBenchmark.Options.parse(new String[] {"--reps", "3", "--route", "POST /v1/x"});
        assertThat(o.reps()).isEqualTo(3);
        assertThat(o.path()).isEqualTo("/v1/x");
        assertThatThrownBy(() -> StartupBenchmark.Options.parse(new String[] {"--nope", "1"}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
