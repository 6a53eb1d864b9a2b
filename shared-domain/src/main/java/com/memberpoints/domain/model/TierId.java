package com.memberpoints.domain.model;

import java.util.Objects;
import java.util.regex.Pattern;

/** Identifier of a membership tier (defined by the commerce platform's membership module). */
public record TierId(String value) {
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._:@+\\-]{1,64}");

    public TierId {
        Objects.requireNonNull(value, "tierId");
        if (!ALLOWED.matcher(value).matches()) {
            throw new IllegalArgumentException("tierId must be 1-64 characters of [A-Za-z0-9._:@+-]");
        }
    }

    public static TierId of(String value) {
        return new TierId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
