package com.memberpoints.infra.wire;

import com.memberpoints.domain.model.FieldError;
import com.memberpoints.domain.model.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Strict reading of a {@link FlatJson} object's members: each asked-for member must be present with the right
 * type, members nobody asked for are refused, and every problem is collected before one
 * {@link InvalidInputException} names them all.
 */
public final class FlatFields {
    private final Map<String, Object> members;
    private final Set<String> read = new LinkedHashSet<>();
    private final List<FieldError> errors = new ArrayList<>();

    private FlatFields(Map<String, Object> members) {
        this.members = members;
    }

    public static FlatFields of(String text) {
        return new FlatFields(FlatJson.read(text));
    }

    /** A required text member turned into a value by {@code parse}; null (with an error recorded) when it cannot be. */
    public <T> T text(String name, Function<String, T> parse) {
        read.add(name);
        Object v = members.get(name);
        if (v == null) {
            errors.add(new FieldError(name, "is required"));
            return null;
        }
        if (!(v instanceof String s)) {
            errors.add(new FieldError(name, "must be a string"));
            return null;
        }
        try {
            return parse.apply(s);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(name, "must be 1-128 characters of A-Z a-z 0-9 . _ : @ + -"));
            return null;
        }
    }

    /** A required whole-number member between 0 and {@link Integer#MAX_VALUE}. */
    public int count(String name) {
        read.add(name);
        Object v = members.get(name);
        if (!(v instanceof Long n) || n < 0 || n > Integer.MAX_VALUE) {
            errors.add(new FieldError(name, v == null ? "is required" : "must be a whole number of at least 0"));
            return -1;
        }
        return n.intValue();
    }

    /** Whether the message has the member {@code name} (for an optional member, read only when present). */
    public boolean has(String name) {
        return members.containsKey(name);
    }

    /** Refuses unread members and throws every recorded problem; call after the last read. */
    public void done() {
        for (String name : members.keySet()) {
            if (!read.contains(name)) {
                errors.add(new FieldError(name, "is not a known field"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(List.copyOf(errors));
        }
    }
}
