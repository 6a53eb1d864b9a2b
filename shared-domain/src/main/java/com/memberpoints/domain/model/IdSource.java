package com.memberpoints.domain.model;

import java.util.UUID;

/** Source of new unique identifiers (job ids, entry ids). Deterministic operation ids never come from here. */
@FunctionalInterface
public interface IdSource {
    String newId();

    static IdSource random() {
        return () -> UUID.randomUUID().toString();
    }
}
