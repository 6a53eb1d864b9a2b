package com.memberpoints.infra.dynamodb;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Small builder and reader of DynamoDB attribute maps for the stores' hand-written mappers. Decimals are
 * strings (their scale is part of their value); instants are ISO-8601 strings; an empty {@code Optional} is
 * an absent attribute. A missing or mistyped required attribute is a {@link CorruptItemException}.
 */
final class Attrs {
    private Attrs() {}

    static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    static AttributeValue n(long v) {
        return AttributeValue.fromN(Long.toString(v));
    }

    static AttributeValue bool(boolean v) {
        return AttributeValue.fromBool(v);
    }

    static AttributeValue dec(BigDecimal v) {
        return AttributeValue.fromS(v.toString());
    }

    static AttributeValue instant(Instant v) {
        return AttributeValue.fromS(v.toString());
    }

    static AttributeValue m(Map<String, AttributeValue> v) {
        return AttributeValue.fromM(v);
    }

    static AttributeValue l(List<AttributeValue> v) {
        return AttributeValue.fromL(v);
    }

    /** Builder of one map, skipping empty optionals. */
    static final class Builder {
        private final Map<String, AttributeValue> map = new LinkedHashMap<>();

        Builder put(String name, AttributeValue value) {
            map.put(name, value);
            return this;
        }

        Builder put(String name, String value) {
            return put(name, s(value));
        }

        Builder put(String name, long value) {
            return put(name, n(value));
        }

        Builder put(String name, boolean value) {
            return put(name, bool(value));
        }

        <T> Builder opt(String name, Optional<T> value, java.util.function.Function<T, AttributeValue> f) {
            value.ifPresent(v -> map.put(name, f.apply(v)));
            return this;
        }

        Map<String, AttributeValue> build() {
            return map;
        }

        AttributeValue asValue() {
            return m(map);
        }
    }

    static Builder map() {
        return new Builder();
    }

    /** Reader of one map. */
    record Reader(Map<String, AttributeValue> map) {
        static Reader of(AttributeValue v, String name) {
            if (v == null || !v.hasM()) {
                throw new CorruptItemException("attribute " + name + " is not a map");
            }
            return new Reader(v.m());
        }

        private AttributeValue req(String name) {
            AttributeValue v = map.get(name);
            if (v == null) {
                throw new CorruptItemException("attribute " + name + " is missing");
            }
            return v;
        }

        boolean has(String name) {
            return map.containsKey(name);
        }

        String str(String name) {
            String v = req(name).s();
            if (v == null) {
                throw new CorruptItemException("attribute " + name + " is not a string");
            }
            return v;
        }

        Optional<String> optStr(String name) {
            return has(name) ? Optional.of(str(name)) : Optional.empty();
        }

        long num(String name) {
            String v = req(name).n();
            if (v == null) {
                throw new CorruptItemException("attribute " + name + " is not a number");
            }
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw new CorruptItemException("attribute " + name + " is not an integer");
            }
        }

        boolean bool(String name) {
            Boolean v = req(name).bool();
            if (v == null) {
                throw new CorruptItemException("attribute " + name + " is not a boolean");
            }
            return v;
        }

        BigDecimal dec(String name) {
            try {
                return new BigDecimal(str(name));
            } catch (NumberFormatException e) {
                throw new CorruptItemException("attribute " + name + " is not a decimal");
            }
        }

        Instant instant(String name) {
            try {
                return Instant.parse(str(name));
            } catch (java.time.DateTimeException e) {
                throw new CorruptItemException("attribute " + name + " is not an instant");
            }
        }

        Optional<Instant> optInstant(String name) {
            return has(name) ? Optional.of(instant(name)) : Optional.empty();
        }

        Reader sub(String name) {
            return of(req(name), name);
        }

        Optional<Reader> optSub(String name) {
            return has(name) ? Optional.of(sub(name)) : Optional.empty();
        }

        List<AttributeValue> list(String name) {
            AttributeValue v = req(name);
            if (!v.hasL()) {
                throw new CorruptItemException("attribute " + name + " is not a list");
            }
            return v.l();
        }

        <E extends Enum<E>> E enumOf(String name, Class<E> type) {
            try {
                return Enum.valueOf(type, str(name));
            } catch (IllegalArgumentException e) {
                throw new CorruptItemException("attribute " + name + " is not a " + type.getSimpleName());
            }
        }
    }

    /** A stored item does not have the shape the mappers write (hand edits, a newer writer, corruption). */
    static final class CorruptItemException extends RuntimeException {
        CorruptItemException(String message) {
            super(message);
        }
    }
}
