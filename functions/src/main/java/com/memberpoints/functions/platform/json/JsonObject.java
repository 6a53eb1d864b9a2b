package com.memberpoints.functions.platform.json;

import com.memberpoints.domain.model.Money;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A JSON object; members keep their insertion order (so responses read in a stable order). */
public record JsonObject(Map<String, JsonValue> members) implements JsonValue {
    public JsonObject {
        members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
    }

    public Optional<JsonValue> get(String name) {
        return Optional.ofNullable(members.get(name));
    }

    @Override
    public String typeName() {
        return "object";
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a response object. Values are never null: absent things are left out or put explicitly with {@link #putNull}. */
    public static final class Builder {
        private final LinkedHashMap<String, JsonValue> members = new LinkedHashMap<>();

        private Builder() {}

        public Builder put(String name, JsonValue value) {
            members.put(Objects.requireNonNull(name, "name"), notNull(name, value));
            return this;
        }

        public Builder put(String name, String value) {
            return put(name, new JsonString(notNull(name, value)));
        }

        public Builder put(String name, long value) {
            return put(name, JsonNumber.of(value));
        }

        public Builder put(String name, boolean value) {
            return put(name, JsonValue.of(value));
        }

        /** A decimal as a JSON string (how money travels): {@code "864.00"}. */
        public Builder putDecimalString(String name, BigDecimal value) {
            return put(name, notNull(name, value).toPlainString());
        }

        /** Money as its decimal string at the currency's scale: {@code "864.00"}. */
        public Builder put(String name, Money value) {
            return put(name, notNull(name, value).toPlainString());
        }

        public Builder putNull(String name) {
            return put(name, JsonNull.INSTANCE);
        }

        public Builder putIfPresent(String name, Optional<String> value) {
            value.ifPresent(v -> put(name, v));
            return this;
        }

        // Not Objects.requireNonNull(value, () -> ...): a lambda here would spin a class on every cold start.
        private static <T> T notNull(String name, T value) {
            if (value == null) {
                throw new NullPointerException("value of " + name);
            }
            return value;
        }

        public JsonObject build() {
            return new JsonObject(members);
        }
    }
}
