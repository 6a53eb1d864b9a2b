package com.memberpoints.functions.platform.log;

import com.memberpoints.functions.platform.json.Json;
import com.memberpoints.functions.platform.json.JsonNumber;
import com.memberpoints.functions.platform.json.JsonObject;
import com.memberpoints.functions.platform.json.JsonValue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Structured logs: one JSON object per line on stdout, which Lambda sends to CloudWatch Logs as one
 * event (Logs Insights reads the fields directly). Hand-rolled on purpose: Powertools logging on
 * Log4j 2 loads ~2,100 more classes and costs ~550 ms more at cold start (docs/api-conventions.md, "Platform decisions").
 *
 * <p>Every line has {@code timestamp}, {@code level} and {@code message}; callers add fields. A
 * {@link Throwable} adds {@code errorClass} and {@code stackTrace} — to the log only, never to a caller.
 * Level threshold: {@code AWS_LAMBDA_LOG_LEVEL} (Lambda advanced logging controls), else
 * {@code LOG_LEVEL}, else INFO.
 */
public final class JsonLogger {

    public enum Level { DEBUG, INFO, WARN, ERROR }

    private final Consumer<String> sink;
    private final Level threshold;

    public JsonLogger(Consumer<String> sink, Level threshold) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.threshold = Objects.requireNonNull(threshold, "threshold");
    }

    /** The production logger: stdout, threshold from the environment. */
    public static JsonLogger stdout() {
        return new JsonLogger(new Stdout(), levelFrom(System.getenv()));
    }

    /** A class, not {@code System.out::println}: no lambda to spin at cold start. */
    private static final class Stdout implements Consumer<String> {
        @Override
        public void accept(String line) {
            System.out.println(line);
        }
    }

    /** A logger that drops everything (priming, benchmarks of other things). */
    public static JsonLogger discarding() {
        return new JsonLogger(line -> { }, Level.ERROR);
    }

    static Level levelFrom(Map<String, String> env) {
        String v = env.getOrDefault("AWS_LAMBDA_LOG_LEVEL", env.get("LOG_LEVEL"));
        if (v == null || v.isBlank()) {
            return Level.INFO;
        }
        return switch (v.trim().toUpperCase(Locale.ROOT)) {
            case "TRACE", "DEBUG" -> Level.DEBUG;
            case "WARN", "WARNING" -> Level.WARN;
            case "ERROR", "FATAL" -> Level.ERROR;
            default -> Level.INFO;
        };
    }

    public boolean enabled(Level level) {
        return level.compareTo(threshold) >= 0;
    }

    /**
     * Writes one line. {@code fields} values may be String, Number, Boolean, Enum or
     * {@link JsonValue}; anything else is written with {@code toString()}. Null values are left out.
     */
    public void log(Level level, String message, Map<String, ?> fields, Throwable error) {
        if (!enabled(level)) {
            return;
        }
        JsonObject.Builder line = JsonObject.builder()
                .put("timestamp", Timestamps.iso(System.currentTimeMillis()))
                .put("level", level.name())
                .put("message", message);
        for (Map.Entry<String, ?> f : fields.entrySet()) {
            JsonValue v = toJson(f.getValue());
            if (v != null) {
                line.put(f.getKey(), v);
            }
        }
        if (error != null) {
            line.put("errorClass", error.getClass().getName());
            line.put("stackTrace", stackTrace(error));
        }
        sink.accept(Json.write(line.build()));
    }

    public void info(String message, Map<String, ?> fields) {
        log(Level.INFO, message, fields, null);
    }

    public void warn(String message, Map<String, ?> fields) {
        log(Level.WARN, message, fields, null);
    }

    public void error(String message, Map<String, ?> fields, Throwable error) {
        log(Level.ERROR, message, fields, error);
    }

    private static JsonValue toJson(Object v) {
        // instanceof chain rather than a type switch: see Json#write.
        if (v == null) {
            return null;
        } else if (v instanceof JsonValue j) {
            return j;
        } else if (v instanceof String s) {
            return JsonValue.of(s);
        } else if (v instanceof Boolean b) {
            return JsonValue.of(b);
        } else if (v instanceof Integer i) {
            return JsonValue.of(i.longValue());
        } else if (v instanceof Long l) {
            return JsonValue.of(l);
        } else if (v instanceof BigDecimal d) {
            return new JsonNumber(d);
        } else if (v instanceof Enum<?> e) {
            return JsonValue.of(e.name());
        }
        return JsonValue.of(String.valueOf(v));
    }

    private static String stackTrace(Throwable error) {
        StringWriter out = new StringWriter(1024);
        error.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
