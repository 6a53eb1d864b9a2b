package com.memberpoints.domain.model;

import com.memberpoints.domain.model.InvalidInputException;
import java.util.Objects;
import java.util.Optional;

/** A page of a listing: an opaque cursor from the previous page (empty = first page) and a size. */
public record PageRequest(Optional<String> cursor, int limit) {
    public static final int MAX_LIMIT = 100;
    public static final int MAX_CURSOR_LENGTH = 2048;

    public PageRequest {
        Objects.requireNonNull(cursor, "cursor");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        if (cursor.isPresent() && (cursor.get().isEmpty() || cursor.get().length() > MAX_CURSOR_LENGTH)) {
            throw new InvalidInputException("cursor", "is not a cursor returned by this listing");
        }
    }

    public static PageRequest first(int limit) {
        return new PageRequest(Optional.empty(), limit);
    }

    public static PageRequest after(String cursor, int limit) {
        return new PageRequest(Optional.of(cursor), limit);
    }
}
