package com.memberpoints.functions.platform.log;

import com.memberpoints.functions.platform.json.Json;
import com.memberpoints.functions.platform.json.JsonNumber;
import com.memberpoints.functions.platform.json.JsonObject;
import com.memberpoints.functions.platform.json.JsonString;

import com.memberpoints.functions.platform.json.JsonBoolean;
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

    @Test
    void coldStartIsTrueForTheFirstInvocationOnlyAndTheTraceIdIsTheRoot() {
        List<String> lines = new ArrayList<>();
        JsonLogger logger = new JsonLogger(lines::add, JsonLogger.Level.INFO,
                Map.of("MEMBER_POINTS_SERVICE", "svc", "_X_AMZN_TRACE_ID", "Root=1-abc-def;Parent=1;Sampled=0"),
                ColdStart.fresh());
        for (String id : List.of("a", "b")) {
            logger.start(id, "fn");
            logger.info("hello", Map.of());
            logger.finish();
        }
        JsonObject first = (JsonObject) Json.parse(lines.get(0));
        JsonObject second = (JsonObject) Json.parse(lines.get(1));
        assertThat(first.get("cold_start")).contains(JsonBoolean.TRUE);
        assertThat(second.get("cold_start")).contains(JsonBoolean.FALSE);
        assertThat(first.get("function_request_id")).contains(new JsonString("a"));
        assertThat(first.get("function_name")).contains(new JsonString("fn"));
        assertThat(first.get("xray_trace_id")).contains(new JsonString("1-abc-def"));
        assertThat(first.get("service")).contains(new JsonString("svc"));
        assertThat(JsonLogger.traceId("Parent=1;Sampled=1")).isNull();
    }

    @Test
    void metricsOfAnInvocationAreSummedIntoOneEmfLineWrittenWhateverTheLevel() {
        List<String> lines = new ArrayList<>();
        JsonLogger logger = new JsonLogger(lines::add, JsonLogger.Level.ERROR, Map.of(), ColdStart.fresh());
        logger.start("r-1", null);
        logger.count("PointsEarned", 5);
        logger.count("PointsEarned", 7);
        logger.count("QuotesServed", 1);
        assertThat(lines).isEmpty();
        logger.finish();

        assertThat(lines).hasSize(1);
        JsonObject line = (JsonObject) Json.parse(lines.getFirst());
        Emf.validate(line);
        assertThat(Emf.totals(lines)).containsExactly(Map.entry("PointsEarned", 12L), Map.entry("QuotesServed", 1L));
        assertThat(line.get("Service")).contains(new JsonString(JsonLogger.DEFAULT_SERVICE));
        assertThat(line.get("function_request_id")).contains(new JsonString("r-1"));

        logger.count("LotsExpired", 3); // outside an invocation: written at once
        assertThat(lines).hasSize(2);
        assertThat(Emf.totals(lines.subList(1, 2))).containsExactly(Map.entry("LotsExpired", 3L));
    }

    @Test
    void theValidatorRefusesWhatIsNotEmf() {
        String noTimestamp = "{\"_aws\":{\"CloudWatchMetrics\":[{\"Namespace\":\"MemberPoints\","
                + "\"Dimensions\":[[\"Service\"]],\"Metrics\":[{\"Name\":\"X\",\"Unit\":\"Count\"}]}]},"
                + "\"Service\":\"s\",\"X\":1}";
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Emf.validate((JsonObject) Json.parse(noTimestamp)))
                .hasMessageContaining("Timestamp");
        String stringValue = noTimestamp.replace("\"_aws\":{", "\"_aws\":{\"Timestamp\":1,").replace("\"X\":1", "\"X\":\"1\"");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Emf.validate((JsonObject) Json.parse(stringValue)))
                .hasMessageContaining("number");
    }

    @Test
    void anInvocationInsideAnotherKeepsItsOwnKeysAndMetricsAndGivesTheOuterOnesBack() {
        List<String> lines = new ArrayList<>();
        JsonLogger logger = new JsonLogger(lines::add, JsonLogger.Level.INFO, Map.of(), ColdStart.fresh());
        logger.start("outer", null);
        logger.count("QuotesServed", 1);
        logger.start("inner", null);
        logger.count("PointsEarned", 4);
        logger.finish();
        logger.info("after", Map.of());
        logger.finish();

        assertThat(lines).hasSize(3);
        JsonObject inner = (JsonObject) Json.parse(lines.get(0));
        JsonObject after = (JsonObject) Json.parse(lines.get(1));
        JsonObject outer = (JsonObject) Json.parse(lines.get(2));
        assertThat(inner.get("function_request_id")).contains(new JsonString("inner"));
        assertThat(Emf.totals(lines.subList(0, 1))).containsExactly(Map.entry("PointsEarned", 4L));
        assertThat(after.get("function_request_id")).contains(new JsonString("outer"));
        assertThat(outer.get("function_request_id")).contains(new JsonString("outer"));
        assertThat(Emf.totals(lines.subList(2, 3))).containsExactly(Map.entry("QuotesServed", 1L));
    }
}
