package com.memberpoints.functions.platform.log;

import com.memberpoints.functions.platform.json.Json;
import com.memberpoints.functions.platform.json.JsonNumber;
import com.memberpoints.functions.platform.json.JsonObject;
import com.memberpoints.functions.platform.json.JsonString;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JsonLoggerTest {

    private final List<String> lines = new ArrayList<>();

    @Test
    void eachEventIsOneLineOfValidJsonWithTypedFields() {
        JsonLogger logger = new JsonLogger(lines::add, JsonLogger.Level.INFO);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("requestId", "r-1");
        fields.put("status", 200);
        fields.put("durationMs", 12L);
        fields.put("ok", true);
        fields.put("amount", new BigDecimal("864.00"));
        fields.put("level2", JsonLogger.Level.WARN);
        fields.put("absent", null);
        logger.info("multi\nline \"message\"", fields);

        assertThat(lines).hasSize(1);
        assertThat(lines.getFirst()).doesNotContain("\n");
        JsonObject line = (JsonObject) Json.parse(lines.getFirst());
        assertThat(line.members().keySet()).containsExactly(
                "timestamp", "level", "message", "service", "requestId", "status", "durationMs", "ok", "amount", "level2");
        assertThat(Instant.parse(((JsonString) line.get("timestamp").orElseThrow()).value())).isNotNull();
        assertThat(line.get("message")).contains(new JsonString("multi\nline \"message\""));
        assertThat(line.get("status")).contains(JsonNumber.of(200));
        assertThat(line.get("amount")).contains(new JsonNumber(new BigDecimal("864.00")));
        assertThat(line.get("level2")).contains(new JsonString("WARN"));
    }

    @Test
    void errorsCarryClassAndStackTrace() {
        JsonLogger logger = new JsonLogger(lines::add, JsonLogger.Level.INFO);
        logger.error("failed", Map.of(), new IllegalStateException("boom", new RuntimeException("root cause")));
        JsonObject line = (JsonObject) Json.parse(lines.getFirst());
        assertThat(line.get("level")).contains(new JsonString("ERROR"));
        assertThat(line.get("errorClass")).contains(new JsonString("java.lang.IllegalStateException"));
        assertThat(((JsonString) line.get("stackTrace").orElseThrow()).value())
                .contains("boom").contains("Caused by: java.lang.RuntimeException: root cause");
    }

    @Test
    void theThresholdFiltersAndComesFromTheEnvironment() {
        JsonLogger logger = new JsonLogger(lines::add, JsonLogger.Level.WARN);
        logger.info("dropped", Map.of());
        logger.warn("kept", Map.of());
        assertThat(lines).hasSize(1).first().asString().contains("kept");

        assertThat(JsonLogger.levelFrom(Map.of())).isEqualTo(JsonLogger.Level.INFO);
        assertThat(JsonLogger.levelFrom(Map.of("LOG_LEVEL", "debug"))).isEqualTo(JsonLogger.Level.DEBUG);
        assertThat(JsonLogger.levelFrom(Map.of("LOG_LEVEL", "debug", "AWS_LAMBDA_LOG_LEVEL", "ERROR")))
                .isEqualTo(JsonLogger.Level.ERROR);
    }
}
