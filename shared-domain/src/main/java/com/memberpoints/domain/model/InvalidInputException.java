package com.memberpoints.domain.model;

import java.util.List;

/**
 * Thrown when input (settings, a request, an event) is refused. Carries every {@link FieldError}
 * found, never an empty list. The HTTP layer turns it into a 400 problem naming the fields.
 */
public final class InvalidInputException extends RuntimeException {
    private final transient List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super(summary(errors));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an InvalidInputException needs at least one field error");
        }
        this.errors = List.copyOf(errors);
    }

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    private static String summary(List<FieldError> errors) {
        StringBuilder sb = new StringBuilder("invalid input:");
        for (FieldError e : errors) {
            sb.append(' ').append(e.field()).append(" (").append(e.message()).append(')');
        }
        return sb.toString();
    }
}
