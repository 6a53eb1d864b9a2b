package com.memberpoints.functions.platform.http;

import com.memberpoints.functions.platform.log.JsonLogger;

import java.util.LinkedHashMap;
import java.util.Map;

/** The logger of one request: every line carries its requestId, route and merchantId. */
public final class RequestLog {
    private final JsonLogger logger;
    private final Map<String, Object> base;

    RequestLog(JsonLogger logger, Map<String, Object> base) {
        this.logger = logger;
        this.base = base;
    }

    /** {@code keyValues}: alternating names and values ({@code "orderId", id, "points", 120}). */
    public void info(String message, Object... keyValues) {
        logger.log(JsonLogger.Level.INFO, message, fields(keyValues), null);
    }

    public void warn(String message, Object... keyValues) {
        logger.log(JsonLogger.Level.WARN, message, fields(keyValues), null);
    }

    public void debug(String message, Object... keyValues) {
        logger.log(JsonLogger.Level.DEBUG, message, fields(keyValues), null);
    }

    /** Adds to a business metric of this invocation (docs/observability.md; one EMF line per invocation). */
    public void count(String metric, long value) {
        logger.count(metric, value);
    }

    private Map<String, Object> fields(Object... keyValues) {
        if (keyValues.length % 2 != 0) {
            throw new IllegalArgumentException("key/value pairs expected");
        }
        Map<String, Object> f = new LinkedHashMap<>(base);
        for (int i = 0; i < keyValues.length; i += 2) {
            f.put(String.valueOf(keyValues[i]), keyValues[i + 1]);
        }
        return f;
    }
}
