package com.memberpoints.functions.platform.http;

import com.memberpoints.functions.platform.CapturedLog;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SnapStartPrimingTest {

    /** A handler that adds its own warm-up, as handlers with clients do. */
    static final class Warming extends MemberApiHandler {
        int primed;
        int handled;

        Warming(CapturedLog log) {
            super(log.logger());
        }

        @Override
        protected ApiResponse handle(ApiRequest request, Caller.Member member) {
            handled++;
            return ApiResponse.noContent();
        }

        @Override
        public void prime() {
            super.prime();
            primed++;
        }
    }

    @Test
    void beforeCheckpointPrimesWithoutRunningHandlerCodeOrLogging() throws Exception {
        CapturedLog log = new CapturedLog();
        Warming handler = new Warming(log);

        handler.beforeCheckpoint(null);
        handler.afterRestore(null);

        assertThat(handler.primed).isEqualTo(1);
        assertThat(handler.handled).as("priming is unauthenticated: handler code must not run").isZero();
        assertThat(log.lines()).isEmpty();
    }
}
