package com.memberpoints.functions.platform.json;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An exact JSON number. Two numbers are equal when they denote the same value, whatever their notation
 * ({@code 0e1}, {@code 0} and {@code 0.00} are one number), as JSON itself does not carry a scale.
 */
public record JsonNumber(BigDecimal value) implements JsonValue {
    public JsonNumber {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JsonNumber n && value.compareTo(n.value) == 0;
    }

    @Override
    public int hashCode() {
        return value.signum() == 0 ? 0 : value.stripTrailingZeros().hashCode();
    }

    public static JsonNumber of(long value) {
        return new JsonNumber(BigDecimal.valueOf(value));
    }

    @Override
    public String typeName() {
        return "number";
    }
}
