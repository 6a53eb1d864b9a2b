package com.memberpoints.local;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SimulatedTimeStdoutTest {
    @Test
    void jsonLinesGetTheLocalTimeFirstOtherLinesStayAsTheyAre() {
        assertThat(LocalStack.SimulatedTimeStdout.withLocalTime("{\"timestamp\":\"t\",\"level\":\"INFO\"}", "2021-12-04T00:00+08:00"))
                .isEqualTo("{\"localTime\":\"2021-12-04T00:00+08:00\",\"timestamp\":\"t\",\"level\":\"INFO\"}");
        assertThat(LocalStack.SimulatedTimeStdout.withLocalTime("plain text", "x")).isEqualTo("plain text");
    }
}
