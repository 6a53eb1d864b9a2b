package com.memberpoints.functions.platform.json;

/** The JSON literal {@code null}. Only ever produced by the parser or written on purpose. */
public record JsonNull() implements JsonValue {
    public static final JsonNull INSTANCE = new JsonNull();

    @Override
    public String typeName() {
        return "null";
    }
}
