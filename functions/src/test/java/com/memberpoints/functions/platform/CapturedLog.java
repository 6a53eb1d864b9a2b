package com.memberpoints.functions.platform;

import com.memberpoints.functions.platform.json.Json;
import com.memberpoints.functions.platform.json.JsonObject;
import com.memberpoints.functions.platform.log.JsonLogger;

import java.util.ArrayList;
import java.util.List;

/** A logger whose lines are kept for assertions. */
public final class CapturedLog {
    private final List<String> lines = new ArrayList<>();
    private final JsonLogger logger = new JsonLogger(lines::add, JsonLogger.Level.DEBUG);

    public JsonLogger logger() {
        return logger;
    }

    public List<String> lines() {
        return lines;
    }

    /** The only line logged (fails otherwise), parsed. */
    public JsonObject single() {
        if (lines.size() != 1) {
            throw new AssertionError("expected one log line, got " + lines);
        }
        return (JsonObject) Json.parse(lines.getFirst());
    }
}
