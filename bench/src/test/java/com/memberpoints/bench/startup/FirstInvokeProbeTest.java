package com.memberpoints.bench.startup;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Keeps the first-invoke benchmark honest: its events reach the handler as API Gateway would send them (no timing). */
class FirstInvokeProbeTest {

    @Test
    void pathParametersComeFromTheRouteTemplate() {
        var event = FirstInvokeProbe.event("GET /v1/admin/members/{memberId}/points", "/v1/admin/members/alice/points",
                "merchant_id=m1&staff_id=s1", "-");
        assertThat(event.getPathParameters()).isEqualTo(Map.of("memberId", "alice"));
        assertThat(event.getRequestContext().getAuthorizer().getJwt().getClaims())
                .containsEntry("merchant_id", "m1").containsEntry("staff_id", "s1");
        assertThat(event.getBody()).isNull();
    }

    @Test
    void theProbeReportsTheHandlersRealAnswerPrimedAndNot() throws Exception {
        for (String mode : new String[] {"prime", "noprime"}) {
            String line = FirstInvokeProbe.run(new String[] {mode, "com.memberpoints.functions.platform.HealthHandler",
                    "GET /v1/health", "/v1/health", "-", "-"});
            assertThat(line).startsWith("200 ").endsWith("{\"status\":\"ok\"}");
        }
    }

    @Test
    void aSampleEventIsDeserializedAsTheRuntimeDoesAndAnsweredPrimedAndNot() throws Exception {
        java.nio.file.Path sample = java.nio.file.Path.of("..", "events", "HealthFunction.json");
        for (String mode : new String[] {"prime", "noprime"}) {
            String line = FirstInvokeProbe.run(new String[] {mode, "--sample",
                    "com.memberpoints.functions.platform.HealthHandler", sample.toString()});
            assertThat(line).startsWith("200 ").contains(" warm:200");
        }
    }

    @Test
    void anUnknownModeIsRefused() {
        assertThatThrownBy(() -> FirstInvokeProbe.run(new String[] {"maybe", "x", "GET /", "/", "-", "-"}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
