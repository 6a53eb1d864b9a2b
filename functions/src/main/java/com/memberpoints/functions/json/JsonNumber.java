package com.memberpoints.functions.json;

import java.math.BigDecimal;
import java.util.Objects;

/** An exact JSON number. */
public record JsonNumber(BigDecimal value) implements JsonValue {
    public JsonNumber {
        Objects.requireNonNull(value, "value");
    }

    public static JsonNumber of(long value) {
        return new JsonNumber(BigDecimal.valueOf(value));
    }

    @Override
    public String typeName() {
        return "number";
    }
}
