package com.memberpoints.functions.platform.log;

import com.memberpoints.functions.platform.json.Json;
import com.memberpoints.functions.platform.json.JsonNumber;
import com.memberpoints.functions.platform.json.JsonObject;
import com.memberpoints.functions.platform.json.JsonValue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.amazonaws.services.lambda.runtime.Context;

/**
 * Structured logs: one JSON object per line on stdout, which Lambda sends to CloudWatch Logs as one
 * event (Logs Insights reads the fields directly). Hand-rolled on purpose: Powertools logging on
 * Log4j 2 loads ~2,100 more classes and costs ~550 ms more at cold start (docs/api-conventions.md, "Platform decisions").
 *
 * <p>Every line has {@code timestamp}, {@code level} and {@code message}; callers add fields. A
 * {@link Throwable} adds {@code errorClass} and {@code stackTrace} — to the log only, never to a caller.
 * Level threshold: {@code AWS_LAMBDA_LOG_LEVEL} (Lambda advanced logging controls), else
 * {@code LOG_LEVEL}, else INFO.
 *
 * <p>Invocations (docs/observability.md): a handler runs its invocation through {@link #call} or {@link #run}
 * (the HTTP base class through {@link #start}/{@link #finish}). Every line then carries the Powertools key names
 * {@code service}, {@code cold_start}, {@code function_name}, {@code function_request_id} and
 * {@code xray_trace_id}; the business metrics counted with {@link #count} are summed and written as one
 * CloudWatch Embedded Metric Format line when the invocation ends ({@link EmfLine}). One invocation at a time per
 * thread, as Lambda runs them; an invocation started inside another (the one-process local stack can run a
 * handler inside another) keeps its own keys and metrics and gives the outer ones back.
 */
public final class JsonLogger {

    public enum Level { DEBUG, INFO, WARN, ERROR }

    /** Lambda sets this system property to the invocation's trace header (the Java runtimes, per invocation). */
    static final String TRACE_PROPERTY = "com.amazonaws.xray.traceHeader";
    static final String TRACE_ENV = "_X_AMZN_TRACE_ID";
    /** The {@code Service} value when {@code MEMBER_POINTS_SERVICE} is not set (tests, the local stack). */
    public static final String DEFAULT_SERVICE = "member-points";

    private final Consumer<String> sink;
    private final Level threshold;
    private final Map<String, String> env;
    private final ColdStart coldStart;
    private final String service;
    /** The invocation running on this thread (nested ones, as the one-process local stack makes, stack up). */
    private final ThreadLocal<Invocation> current = new ThreadLocal<>();

    private static final class Invocation {
        final Map<String, Object> keys;
        final Map<String, Long> metrics = new LinkedHashMap<>();
        final Invocation outer;

        Invocation(Map<String, Object> keys, Invocation outer) {
            this.keys = keys;
            this.outer = outer;
        }
    }

    public JsonLogger(Consumer<String> sink, Level threshold) {
        this(sink, threshold, System.getenv(), ColdStart.CONTAINER);
    }

    /** {@code env}: where {@code MEMBER_POINTS_SERVICE}, {@code AWS_LAMBDA_FUNCTION_NAME} and the trace id come from. */
    public JsonLogger(Consumer<String> sink, Level threshold, Map<String, String> env, ColdStart coldStart) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.threshold = Objects.requireNonNull(threshold, "threshold");
        this.env = Map.copyOf(env);
        this.coldStart = Objects.requireNonNull(coldStart, "coldStart");
        String s = env.get("MEMBER_POINTS_SERVICE");
        this.service = s == null || s.isBlank() ? DEFAULT_SERVICE : s;
    }

    /** The {@code Service} dimension and {@code service} key. */
    public String service() {
        return service;
    }

    /** Runs one invocation: its lines carry the invocation keys, its metrics end as one EMF line. */
    public <T> T call(Context context, Supplier<T> body) {
        start(context == null ? null : context.getAwsRequestId(), context == null ? null : context.getFunctionName());
        try {
            return body.get();
        } finally {
            finish();
        }
    }

    /** {@link #call} for an invocation that answers nothing (stream handlers write their answer themselves). */
    public void run(Context context, Runnable body) {
        start(context == null ? null : context.getAwsRequestId(), context == null ? null : context.getFunctionName());
        try {
            body.run();
        } finally {
            finish();
        }
    }

    /**
     * Starts an invocation: {@code cold_start} is true for the first one of this execution environment (never
     * consumed by priming, which does not start invocations). {@code functionName} from the context when the
     * environment has none.
     */
    public void start(String requestId, String functionName) {
        Map<String, Object> keys = new LinkedHashMap<>();
        keys.put("service", service);
        keys.put("cold_start", coldStart.consume());
        String name = env.get("AWS_LAMBDA_FUNCTION_NAME");
        keys.put("function_name", name != null ? name : functionName);
        keys.put("function_request_id", requestId);
        keys.put("xray_trace_id", traceId(System.getProperty(TRACE_PROPERTY, env.get(TRACE_ENV))));
        current.set(new Invocation(keys, current.get()));
    }

    /** Ends the invocation: writes its metrics (one EMF line, if any was counted). */
    public void finish() {
        Invocation ending = current.get();
        if (ending == null) {
            return;
        }
        if (ending.outer == null) {
            current.remove();
        } else {
            current.set(ending.outer);
        }
        if (!ending.metrics.isEmpty()) {
            sink.accept(EmfLine.write(System.currentTimeMillis(), service, ending.metrics, ending.keys));
        }
    }

    /**
     * Adds {@code value} to the business metric {@code name} (docs/observability.md, unit Count) of this
     * invocation. Outside an invocation (a test calling a use-case method directly) the metric is written at once.
     * Metrics are written whatever the level threshold: they are not log messages.
     */
    public void count(String name, long value) {
        Objects.requireNonNull(name, "name");
        Invocation running = current.get();
        if (running != null) {
            running.metrics.merge(name, value, Long::sum);
        } else {
            sink.accept(EmfLine.write(System.currentTimeMillis(), service, Map.of(name, value), Map.of()));
        }
    }

    /** The {@code Root=} part of an X-Ray trace header, or null. */
    static String traceId(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        for (String part : header.split(";")) {
            String p = part.strip();
            if (p.startsWith("Root=")) {
                return p.substring(5);
            }
        }
        return null;
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
        Invocation running = current.get();
        Map<String, Object> invocation = running == null ? Map.of() : running.keys;
        if (invocation.isEmpty()) {
            line.put("service", service);
            String name = env.get("AWS_LAMBDA_FUNCTION_NAME");
            if (name != null) {
                line.put("function_name", name);
            }
        }
        for (Map.Entry<String, ?> f : invocation.entrySet()) {
            JsonValue v = toJson(f.getValue());
            if (v != null) {
                line.put(f.getKey(), v);
            }
        }
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

    static JsonValue toJson(Object v) {
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
