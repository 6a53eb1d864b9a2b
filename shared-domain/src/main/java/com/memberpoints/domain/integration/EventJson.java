package com.memberpoints.domain.integration;

import java.time.Instant;
import java.util.Optional;

/**
 * The small JSON writer the integration events render their {@code detail} with (the domain has no JSON library):
 * objects of strings, whole numbers, booleans and nested objects, written in the order the fields are put, strings
 * escaped as RFC 8259 requires. Absent optionals are left out (the schemas never use {@code null}).
 */
public final class EventJson {
    private final StringBuilder out = new StringBuilder(256);
    private boolean first = true;

    EventJson() {
        out.append('{');
    }

    EventJson put(String name, String value) {
        key(name);
        string(value);
        return this;
    }

    EventJson put(String name, long value) {
        key(name);
        out.append(value);
        return this;
    }

    EventJson put(String name, Instant value) {
        return put(name, value.toString());
    }

    EventJson putIfPresent(String name, Optional<String> value) {
        value.ifPresent(v -> put(name, v));
        return this;
    }

    EventJson putObject(String name, EventJson object) {
        key(name);
        out.append(object.toJson());
        return this;
    }

    String toJson() {
        return out + "}";
    }

    private void key(String name) {
        if (!first) {
            out.append(',');
        }
        first = false;
        string(name);
        out.append(':');
    }

    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
