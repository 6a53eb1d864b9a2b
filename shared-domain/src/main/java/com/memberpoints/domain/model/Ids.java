package com.memberpoints.domain.model;

import java.util.Objects;
import java.util.regex.Pattern;

/** Shared validation of the opaque identifiers used across the product. */
final class Ids {
    /** Identifiers are opaque strings from the commerce platform: bounded, printable, no separators we use in keys. */
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._:@+\\-]{1,128}");

    private Ids() {}

    static String check(String kind, String value) {
        Objects.requireNonNull(value, kind + " must not be null");
        if (!ALLOWED.matcher(value).matches()) {
            throw new IllegalArgumentException(kind + " must be 1-128 characters of [A-Za-z0-9._:@+-]");
        }
        return value;
    }

    static boolean valid(String value) {
        return value != null && ALLOWED.matcher(value).matches();
    }
}
