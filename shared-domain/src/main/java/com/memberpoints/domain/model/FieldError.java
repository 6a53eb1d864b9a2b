package com.memberpoints.domain.model;

import java.util.Objects;

/**
 * One invalid input, named by its path as the caller sees it
 * (for example {@code points.earn.spend} or {@code items[2].amount}).
 */
public record FieldError(String field, String message) {
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
