package com.memberpoints.functions.platform.log;

import com.memberpoints.functions.platform.json.Json;
import com.memberpoints.functions.platform.json.JsonArray;
import com.memberpoints.functions.platform.json.JsonObject;
import com.memberpoints.functions.platform.json.JsonValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One CloudWatch Embedded Metric Format line (docs/observability.md, "Business metrics"): the {@code _aws}
 * metadata (Timestamp, one metric directive in namespace {@value #NAMESPACE}, dimension set {@code [["Service"]]}),
 * the {@code Service} dimension value, every metric's value as a top-level member, and the invocation's log keys.
 */
public final class EmfLine {
    public static final String NAMESPACE = "MemberPoints";
    public static final String DIMENSION = "Service";

    private EmfLine() {}

    static String write(long epochMillis, String service, Map<String, Long> metrics, Map<String, Object> keys) {
        List<JsonValue> definitions = new ArrayList<>(metrics.size());
        for (String name : metrics.keySet()) {
            definitions.add(JsonObject.builder().put("Name", name).put("Unit", "Count").build());
        }
        JsonObject directive = JsonObject.builder()
                .put("Namespace", NAMESPACE)
                .put("Dimensions", JsonArray.of(List.of(JsonArray.of(List.of(JsonValue.of(DIMENSION))))))
                .put("Metrics", JsonArray.of(definitions))
                .build();
        JsonObject.Builder line = JsonObject.builder()
                .put("_aws", JsonObject.builder().put("Timestamp", epochMillis)
                        .put("CloudWatchMetrics", JsonArray.of(List.of(directive))).build())
                .put(DIMENSION, service)
                .put("message", "metrics");
        for (Map.Entry<String, Long> m : metrics.entrySet()) {
            line.put(m.getKey(), m.getValue().longValue());
        }
        for (Map.Entry<String, Object> k : keys.entrySet()) {
            JsonValue v = JsonLogger.toJson(k.getValue());
            if (v != null) {
                line.put(k.getKey(), v);
            }
        }
        if (keys.isEmpty()) {
            line.put("service", service);
        }
        return Json.write(line.build());
    }
}
