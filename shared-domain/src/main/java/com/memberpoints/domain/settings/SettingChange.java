package com.memberpoints.domain.settings;

import java.util.Objects;
import java.util.Optional;

/**
 * One changed field for the activity log: its dotted path and the old and new values as text.
 * An empty old value means the field did not exist before (e.g. a tier override added); an empty new
 * value means it was removed.
 */
public record SettingChange(String field, Optional<String> oldValue, Optional<String> newValue) {
    public SettingChange {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(oldValue, "oldValue");
        Objects.requireNonNull(newValue, "newValue");
    }
}
