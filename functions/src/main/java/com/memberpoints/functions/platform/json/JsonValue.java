package com.memberpoints.functions.platform.json;

/**
 * A parsed or to-be-written JSON value. Numbers are exact ({@link java.math.BigDecimal}); money never
 * travels as a JSON number (see {@link FieldReader#decimal}), it is a decimal string.
 */
public sealed interface JsonValue permits JsonObject, JsonArray, JsonString, JsonNumber, JsonBoolean, JsonNull {

    /** Short name of the JSON type, used in error messages ("must be a string, got number"). */
    String typeName();

    static JsonValue of(String value) {
        return new JsonString(value);
    }

    static JsonValue of(long value) {
        return JsonNumber.of(value);
    }

    static JsonValue of(boolean value) {
        return value ? JsonBoolean.TRUE : JsonBoolean.FALSE;
    }
}
