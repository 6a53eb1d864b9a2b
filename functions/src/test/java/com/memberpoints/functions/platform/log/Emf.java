package com.memberpoints.functions.platform.log;

import com.memberpoints.functions.platform.json.Json;
import com.memberpoints.functions.platform.json.JsonArray;
import com.memberpoints.functions.platform.json.JsonNumber;
import com.memberpoints.functions.platform.json.JsonObject;
import com.memberpoints.functions.platform.json.JsonString;
import com.memberpoints.functions.platform.json.JsonValue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads log lines as CloudWatch Embedded Metric Format documents and checks each against the specification's
 * structure ("Specification: Embedded metric format", CloudWatch user guide): a root object whose {@code _aws}
 * metadata holds {@code Timestamp} (a number, epoch milliseconds) and {@code CloudWatchMetrics} (an array of metric
 * directives); a directive has exactly {@code Namespace} (non-empty string), {@code Dimensions} (an array of
 * dimension sets, each an array of at most 30 strings) and {@code Metrics} (at most 100 definitions of
 * {@code Name}, optional {@code Unit} from the allowed units, optional {@code StorageResolution}); every dimension
 * named must be a string member of the root, every metric a number (or an array of at most 100 numbers) member.
 * Then the project's contract: namespace MemberPoints, the one dimension set [["Service"]].
 */
public final class Emf {
    private Emf() {}

    static final Set<String> UNITS = Set.of("Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes",
            "Megabytes", "Gigabytes", "Terabytes", "Bits", "Kilobits", "Megabits", "Gigabits", "Terabits", "Percent",
            "Count", "Bytes/Second", "Kilobytes/Second", "Megabytes/Second", "Gigabytes/Second", "Terabytes/Second",
            "Bits/Second", "Kilobits/Second", "Megabits/Second", "Gigabits/Second", "Terabits/Second", "Count/Second",
            "None");

    /** The EMF documents among {@code lines} (those with an {@code _aws} member), each validated. */
    public static List<JsonObject> documents(List<String> lines) {
        return lines.stream().map(l -> (JsonObject) Json.parse(l)).filter(o -> o.get("_aws").isPresent())
                .peek(Emf::validate).toList();
    }

    /** Metric name → value, summed over every EMF document of {@code lines}. */
    public static Map<String, Long> totals(List<String> lines) {
        Map<String, Long> totals = new LinkedHashMap<>();
        for (JsonObject doc : documents(lines)) {
            for (String name : metricNames(doc)) {
                totals.merge(name, ((JsonNumber) doc.get(name).orElseThrow()).value().longValueExact(), Long::sum);
            }
        }
        return totals;
    }

    static List<String> metricNames(JsonObject doc) {
        JsonObject aws = (JsonObject) doc.get("_aws").orElseThrow();
        JsonArray directives = (JsonArray) aws.get("CloudWatchMetrics").orElseThrow();
        return directives.elements().stream()
                .flatMap(d -> ((JsonArray) ((JsonObject) d).get("Metrics").orElseThrow()).elements().stream())
                .map(m -> ((JsonString) ((JsonObject) m).get("Name").orElseThrow()).value()).toList();
    }

    /** Fails with the reason when {@code doc} is not a valid EMF document of this project. */
    public static void validate(JsonObject doc) {
        JsonObject aws = object(doc.get("_aws").orElse(null), "_aws");
        only(aws, Set.of("Timestamp", "CloudWatchMetrics", "LogGroupName"), "_aws");
        JsonNumber ts = (JsonNumber) require(aws.get("Timestamp").orElse(null) instanceof JsonNumber n ? n : null,
                "_aws.Timestamp must be a number");
        require(ts.value().signum() > 0 && ts.value().stripTrailingZeros().scale() <= 0 ? ts : null,
                "_aws.Timestamp must be positive epoch milliseconds");
        JsonArray directives = (JsonArray) require(aws.get("CloudWatchMetrics").orElse(null) instanceof JsonArray a
                ? a : null, "_aws.CloudWatchMetrics must be an array");
        require(directives.elements().isEmpty() ? null : directives, "no metric directive");
        for (JsonValue d : directives.elements()) {
            JsonObject directive = object(d, "MetricDirective");
            only(directive, Set.of("Namespace", "Dimensions", "Metrics"), "MetricDirective");
            String namespace = string(directive.get("Namespace").orElse(null), "Namespace");
            require(namespace.isBlank() || namespace.length() > 255 ? null : namespace, "Namespace 1..255 characters");
            require("MemberPoints".equals(namespace) ? namespace : null, "namespace MemberPoints, was " + namespace);
            JsonArray sets = (JsonArray) require(directive.get("Dimensions").orElse(null) instanceof JsonArray a
                    ? a : null, "Dimensions must be an array");
            for (JsonValue s : sets.elements()) {
                JsonArray set = (JsonArray) require(s instanceof JsonArray a ? a : null, "a DimensionSet is an array");
                require(set.elements().size() <= 30 ? set : null, "at most 30 dimensions in a set");
                for (JsonValue name : set.elements()) {
                    String dimension = string(name, "dimension name");
                    string(doc.get(dimension).orElse(null), "the dimension member " + dimension + " (a string)");
                }
            }
            require(Json.write(sets).equals("[[\"Service\"]]") ? sets : null, "dimensions [[\"Service\"]], was "
                    + Json.write(sets));
            JsonArray metrics = (JsonArray) require(directive.get("Metrics").orElse(null) instanceof JsonArray a
                    ? a : null, "Metrics must be an array");
            require(metrics.elements().isEmpty() || metrics.elements().size() > 100 ? null : metrics,
                    "1..100 metric definitions");
            for (JsonValue m : metrics.elements()) {
                JsonObject definition = object(m, "MetricDefinition");
                only(definition, Set.of("Name", "Unit", "StorageResolution"), "MetricDefinition");
                String name = string(definition.get("Name").orElse(null), "Name");
                require(name.isEmpty() || name.length() > 1024 ? null : name, "Name 1..1024 characters");
                definition.get("Unit").ifPresent(u -> require(UNITS.contains(string(u, "Unit")) ? u : null,
                        "unknown unit " + Json.write(u)));
                JsonValue value = doc.get(name).orElse(null);
                require(value instanceof JsonNumber || (value instanceof JsonArray a && a.elements().size() <= 100
                        && a.elements().stream().allMatch(JsonNumber.class::isInstance)) ? value : null,
                        "the metric member " + name + " must be a number");
            }
        }
    }

    private static JsonObject object(JsonValue v, String what) {
        return (JsonObject) require(v instanceof JsonObject o ? o : null, what + " must be an object");
    }

    private static String string(JsonValue v, String what) {
        return ((JsonString) require(v instanceof JsonString s ? s : null, what + " must be a string")).value();
    }

    private static void only(JsonObject o, Set<String> allowed, String what) {
        for (String key : o.members().keySet()) {
            require(allowed.contains(key) ? key : null, what + " has an unknown member " + key);
        }
    }

    private static Object require(Object value, String message) {
        if (value == null) {
            throw new AssertionError("not EMF: " + message);
        }
        return value;
    }
}
