package com.memberpoints.domain.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One page of a listing; {@code nextCursor} is empty on the last page. */
public record Page<T>(List<T> items, Optional<String> nextCursor) {
    public Page {
        items = List.copyOf(items);
        Objects.requireNonNull(nextCursor, "nextCursor");
    }
}
