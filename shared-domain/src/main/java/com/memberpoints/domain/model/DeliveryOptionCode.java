package com.memberpoints.domain.model;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A delivery option of the commerce platform, by its stable code: {@code tcat_delivery}, {@code pickup_in_store},
 * {@code seven_eleven_c2c}, or a merchant's own option code. 1-64 characters of lowercase letters, digits,
 * {@code _}, {@code .} and {@code -}, starting with a letter or digit (docs/decisions.md, "11.1").
 */
public record DeliveryOptionCode(String value) {
    private static final Pattern ALLOWED = Pattern.compile("[a-z0-9][a-z0-9_.\\-]{0,63}");

    /** What a valid code looks like, in the API's words. */
    public static final String RULE = "must be 1-64 characters of lowercase letters, digits, '_', '.' and '-', "
            + "starting with a letter or digit";

    public DeliveryOptionCode {
        Objects.requireNonNull(value, "deliveryOption must not be null");
        if (!ALLOWED.matcher(value).matches()) {
            throw new IllegalArgumentException("deliveryOption " + RULE);
        }
    }

    public static DeliveryOptionCode of(String value) {
        return new DeliveryOptionCode(value);
    }

    /** True when {@code value} would be accepted by the constructor. */
    public static boolean isValid(String value) {
        return value != null && ALLOWED.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
