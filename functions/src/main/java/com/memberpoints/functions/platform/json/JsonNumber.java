package com.memberpoints.functions.platform.json;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An exact JSON number. Two numbers are equal when they denote the same value, whatever their notation
 * ({@code 0e1}, {@code 0} and {@code 0.00} are one number), as JSON itself does not carry a scale.
 *
 * <p>{@code integerLiteral} tells how a parsed number was written: digits only ({@code 100}), or with a
 * fraction or an exponent ({@code 100.0}, {@code 1e2}). The API's integer fields accept only the first
 * (issue 13: {@code 10.0} and {@code 1e2} were taken as points); equality ignores it.
 */
public record JsonNumber(BigDecimal value, boolean integerLiteral) implements JsonValue {
    public JsonNumber {
        Objects.requireNonNull(value, "value");
    }

    /** A number built by the server: an integer literal when it has no fraction digits. */
    public JsonNumber(BigDecimal value) {
        this(value, value.scale() == 0);
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
