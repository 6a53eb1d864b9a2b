package com.memberpoints.functions.platform.json;

import com.memberpoints.domain.model.FieldError;
import com.memberpoints.domain.model.InvalidInputException;
import com.memberpoints.domain.model.MemberText;
import com.memberpoints.domain.model.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Strict reader of one JSON object of a request body. A handler reads each field it accepts; at the
 * end every member it did not read is refused as unknown, every member declared {@link #readOnly} is
 * refused as read-only, and <em>all</em> problems found are thrown together as one
 * {@link InvalidInputException} whose {@link FieldError}s name the fields by path
 * ({@code items[2].amount}).
 *
 * <p>Usage (see {@link #read}): the reading function builds the request value from the reader's
 * results. While errors are being collected a failed read returns a placeholder ({@code null}, 0 or
 * false); when any error was recorded the function's result is discarded, and an exception the
 * function throws because of a placeholder is ignored in favour of the recorded field errors.
 */
public final class FieldReader {

    /** At most this many field errors are reported; a bulk list of 100,000 bad ids must not echo back 100,000 errors. */
    public static final int MAX_REPORTED_ERRORS = 50;
    /** Longest identifier accepted by default (matches the domain's id rule). */
    public static final int MAX_ID_LENGTH = 128;

    private static final Pattern DECIMAL = Pattern.compile("-?(0|[1-9][0-9]{0,17})(\\.[0-9]{1,9})?");

    private final JsonObject object;
    private final String prefix;
    private final Errors errors;
    private final Set<String> consumed = new HashSet<>();
    private final Set<String> readOnly = new HashSet<>();

    private FieldReader(JsonObject object, String prefix, Errors errors) {
        this.object = object;
        this.prefix = prefix;
        this.errors = errors;
    }

    /**
     * Reads {@code root} (which must be an object) with {@code reading}, then refuses unknown and
     * read-only members.
     *
     * @throws InvalidInputException naming every bad field (at most {@value #MAX_REPORTED_ERRORS})
     */
    public static <T> T read(JsonValue root, Function<FieldReader, T> reading) {
        if (!(root instanceof JsonObject obj)) {
            throw new InvalidInputException("body", "must be a JSON object, got " + root.typeName());
        }
        Errors errors = new Errors();
        T result = errors.guard(() -> new FieldReader(obj, "", errors).readAll(reading));
        errors.throwIfAny();
        return result;
    }

    private <T> T readAll(Function<FieldReader, T> reading) {
        try {
            return reading.apply(this);
        } finally {
            refuseLeftovers();
        }
    }

    private void refuseLeftovers() {
        for (String name : object.members().keySet()) {
            if (readOnly.contains(name)) {
                errors.add(path(name), "is read-only and must not be sent");
            } else if (!consumed.contains(name)) {
                errors.add(path(name), "is not a known field");
            }
        }
    }

    /** Declares members the server owns (ids, timestamps, balances): sending them is an error, not silently ignored. */
    public FieldReader readOnly(String... names) {
        readOnly.addAll(List.of(names));
        return this;
    }

    /** Names of this object's members, for objects keyed by the caller (rules text per locale); read each as usual. */
    public Set<String> memberNames() {
        return java.util.Collections.unmodifiableSet(new java.util.TreeSet<>(object.members().keySet()));
    }

    /** Accepts members that are allowed but not used (e.g. an EventBridge envelope's {@code account}). */
    public FieldReader ignore(String... names) {
        consumed.addAll(List.of(names));
        return this;
    }

    /** Records "is required" for {@code name} when it is absent or null (a present-but-invalid value has its own error). */
    public void requirePresent(String name) {
        missing(name, null);
    }

    /** Path of a member of this object as the caller sees it. */
    public String path(String name) {
        return prefix + name;
    }

    /**
     * Records an error about {@code name} found by the handler's own checks (cross-field rules). Ignored when
     * {@code name} already has an error: its value was a placeholder, and only the real problem is reported
     * (issue 13: {@code "points": "10"} answered "must be an integer" and "must not be 0").
     */
    public void reject(String name, String message) {
        if (!errors.hasErrorFor(path(name))) {
            errors.add(path(name), message);
        }
    }

    // ---- scalars -------------------------------------------------------------------------------

    /** A required single-line string checked by the domain's {@link MemberText} rule: {@code min..max} characters, not blank when min > 0. */
    public String string(String name, int min, int max) {
        return optionalString(name, min, max).orElseGet(() -> missing(name, null));
    }

    public Optional<String> optionalString(String name, int min, int max) {
        return text(name, min, max, false);
    }

    /** A required multi-line text (newlines and tabs allowed), e.g. rules text shown to members. */
    public String multilineText(String name, int min, int max) {
        return text(name, min, max, true).orElseGet(() -> missing(name, null));
    }

    public Optional<String> optionalMultilineText(String name, int min, int max) {
        return text(name, min, max, true);
    }

    private Optional<String> text(String name, int min, int max, boolean multiline) {
        return present(name).flatMap(v -> {
            if (!(v instanceof JsonString(String s))) {
                return wrongType(name, "a string", v);
            }
            Optional<String> problem = MemberText.problem(s, min, max, multiline);
            if (problem.isPresent()) {
                return fail(name, problem.get());
            }
            return Optional.of(s);
        });
    }

    /** A required integer in {@code min..max}: a JSON number written as digits only ({@code 10.0} and {@code 1e1} are refused). */
    public long integer(String name, long min, long max) {
        return optionalInteger(name, min, max).orElseGet(() -> missing(name, 0L));
    }

    public Optional<Long> optionalInteger(String name, long min, long max) {
        return present(name).flatMap(v -> {
            if (!(v instanceof JsonNumber number)) {
                return wrongType(name, "an integer", v);
            }
            if (!number.integerLiteral()) {
                return fail(name, "must be an integer written without a fraction or an exponent, such as 100");
            }
            BigDecimal whole = number.value();
            if (whole.compareTo(BigDecimal.valueOf(min)) < 0 || whole.compareTo(BigDecimal.valueOf(max)) > 0) {
                return fail(name, "must be between " + min + " and " + max);
            }
            return Optional.of(whole.longValueExact());
        });
    }

    /**
     * A required integer in {@code min..max}, or the exact string {@code word} (such as {@code "maximum"}): the
     * number, or empty for the word.
     */
    public Optional<Long> integerOrWord(String name, String word, long min, long max) {
        Optional<JsonValue> v = present(name);
        if (v.isEmpty()) {
            return missing(name, Optional.empty());
        }
        if (v.get() instanceof JsonString text) {
            return text.value().equals(word) ? Optional.empty()
                    : fail(name, "must be an integer or \"" + word + "\"");
        }
        return optionalInteger(name, min, max);
    }

    public boolean bool(String name) {
        return optionalBool(name).orElseGet(() -> missing(name, false));
    }

    public Optional<Boolean> optionalBool(String name) {
        return present(name).flatMap(v -> v instanceof JsonBoolean(boolean b) ? Optional.of(b) : wrongType(name, "true or false", v));
    }

    /**
     * A required decimal carried as a JSON string ({@code "864.00"}): money and rates. JSON numbers are
     * refused so no client ever sends money through a binary float. At most {@code maxScale} decimals,
     * within {@code min..max}.
     */
    public BigDecimal decimal(String name, BigDecimal min, BigDecimal max, int maxScale) {
        return optionalDecimal(name, min, max, maxScale).orElseGet(() -> missing(name, null));
    }

    public Optional<BigDecimal> optionalDecimal(String name, BigDecimal min, BigDecimal max, int maxScale) {
        return present(name).flatMap(v -> {
            if (!(v instanceof JsonString(String s)) || !DECIMAL.matcher(s).matches()) {
                return fail(name, "must be a decimal number in a string, such as \"10.00\"");
            }
            BigDecimal d = new BigDecimal(s);
            if (d.scale() > maxScale) {
                return fail(name, "must have at most " + maxScale + " decimals");
            }
            if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
                return fail(name, "must be between " + min.toPlainString() + " and " + max.toPlainString());
            }
            return Optional.of(d);
        });
    }

    /**
     * A required non-negative amount of money in {@code currency}: a decimal string with at most the
     * currency's minor-unit decimals ({@code "864.00"}; {@code "1500"} for JPY), at most {@code max}.
     */
    public Money money(String name, Currency currency, BigDecimal max) {
        return optionalMoney(name, currency, max).orElseGet(() -> missing(name, null));
    }

    public Optional<Money> optionalMoney(String name, Currency currency, BigDecimal max) {
        return optionalDecimal(name, BigDecimal.ZERO, max, Money.scaleOf(currency)).map(d -> new Money(d, currency));
    }

    /**
     * A required identifier string turned into a value by {@code parse} (e.g. {@code MemberId::of}); an
     * {@link IllegalArgumentException} from {@code parse} becomes an error naming the field.
     */
    public <T> T id(String name, Function<String, T> parse) {
        return optionalId(name, parse).orElseGet(() -> missing(name, null));
    }

    public <T> Optional<T> optionalId(String name, Function<String, T> parse) {
        return parsed(name, MAX_ID_LENGTH, parse, "must be 1-128 characters of A-Z a-z 0-9 . _ : @ + -");
    }

    /** A required string parsed by {@code parse}; on {@link IllegalArgumentException} the field is refused with {@code expectation}. */
    public <T> Optional<T> parsed(String name, int maxLength, Function<String, T> parse, String expectation) {
        return optionalString(name, 1, maxLength).flatMap(s -> {
            try {
                return Optional.of(parse.apply(s));
            } catch (IllegalArgumentException e) {
                return fail(name, expectation);
            }
        });
    }

    /** One of the constants of {@code type}, written exactly as the constant ({@code "PERCENT"}). */
    public <E extends Enum<E>> E choice(String name, Class<E> type) {
        return optionalChoice(name, type).orElseGet(() -> missing(name, null));
    }

    public <E extends Enum<E>> Optional<E> optionalChoice(String name, Class<E> type) {
        E[] constants = type.getEnumConstants();
        return present(name).flatMap(v -> {
            if (v instanceof JsonString(String s)) {
                for (E c : constants) {
                    if (c.name().equals(s)) {
                        return Optional.of(c);
                    }
                }
            }
            List<String> names = new ArrayList<>();
            for (E c : constants) {
                names.add(c.name());
            }
            return fail(name, "must be one of " + String.join(", ", names));
        });
    }

    /** An ISO calendar date {@code yyyy-MM-dd}. */
    public LocalDate date(String name) {
        return optionalDate(name).orElseGet(() -> missing(name, null));
    }

    public Optional<LocalDate> optionalDate(String name) {
        return optionalString(name, 10, 10).flatMap(s -> {
            try {
                return Optional.of(LocalDate.parse(s));
            } catch (DateTimeParseException e) {
                return fail(name, "must be a date as yyyy-MM-dd");
            }
        });
    }

    // ---- structures ----------------------------------------------------------------------------

    /** A required nested object, read strictly with its own reader (its unknown members are refused too). */
    public <T> T object(String name, Function<FieldReader, T> reading) {
        return optionalObject(name, reading).orElseGet(() -> missing(name, null));
    }

    public <T> Optional<T> optionalObject(String name, Function<FieldReader, T> reading) {
        return present(name).flatMap(v -> {
            if (!(v instanceof JsonObject o)) {
                return wrongType(name, "an object", v);
            }
            return Optional.ofNullable(new FieldReader(o, path(name) + ".", errors).readAll(reading));
        });
    }

    /** A required array of {@code min..max} objects, each read strictly. */
    public <T> List<T> objects(String name, int min, int max, Function<FieldReader, T> reading) {
        return array(name, min, max, (element, elementPath) -> {
            if (!(element instanceof JsonObject o)) {
                errors.add(elementPath, "must be an object, got " + element.typeName());
                return null;
            }
            return new FieldReader(o, elementPath + ".", errors).readAll(reading);
        });
    }

    /**
     * A required array of {@code min..max} strings, each parsed by {@code parse}
     * ({@code MemberId::of}); an {@link IllegalArgumentException} refuses that element with {@code expectation}.
     */
    public <T> List<T> strings(String name, int min, int max, Function<String, T> parse, String expectation) {
        return array(name, min, max, (element, elementPath) -> {
            if (element instanceof JsonString(String s) && s.length() <= MAX_ID_LENGTH * 8) {
                try {
                    return parse.apply(s);
                } catch (IllegalArgumentException e) {
                    // refused below
                }
            }
            errors.add(elementPath, expectation);
            return null;
        });
    }

    private interface ElementReading<T> {
        T read(JsonValue element, String elementPath);
    }

    private <T> List<T> array(String name, int min, int max, ElementReading<T> reading) {
        Optional<JsonValue> value = present(name);
        if (value.isEmpty()) {
            return missing(name, List.of());
        }
        if (!(value.get() instanceof JsonArray(List<JsonValue> elements))) {
            return this.<List<T>>wrongType(name, "an array", value.get()).orElse(List.of());
        }
        if (elements.size() < min || elements.size() > max) {
            errors.add(path(name), min == max
                    ? "must have exactly " + min + " elements"
                    : "must have between " + min + " and " + max + " elements");
            return List.of();
        }
        List<T> out = new ArrayList<>(elements.size());
        for (int i = 0; i < elements.size(); i++) {
            out.add(reading.read(elements.get(i), path(name) + "[" + i + "]"));
        }
        return out;
    }

    // ---- plumbing ------------------------------------------------------------------------------

    /** The member's value when present and not JSON null; marks it as read. */
    private Optional<JsonValue> present(String name) {
        consumed.add(name);
        JsonValue v = object.members().get(name);
        return v == null || v instanceof JsonNull ? Optional.empty() : Optional.of(v);
    }

    private <T> T missing(String name, T placeholder) {
        // Only "missing" when absent or null: a present-but-invalid value already has its own error.
        JsonValue v = object.members().get(name);
        if (v == null || v instanceof JsonNull) {
            errors.add(path(name), "is required");
        }
        return placeholder;
    }

    private <T> Optional<T> wrongType(String name, String expected, JsonValue got) {
        return fail(name, "must be " + expected + ", got " + got.typeName());
    }

    private <T> Optional<T> fail(String name, String message) {
        errors.add(path(name), message);
        return Optional.empty();
    }

    /** Errors of one read, shared by nested readers. */
    private static final class Errors {
        private final List<FieldError> list = new ArrayList<>();
        private final Set<String> fields = new HashSet<>();
        private int total;

        boolean hasErrorFor(String field) {
            return fields.contains(field);
        }

        void add(String field, String message) {
            total++;
            fields.add(field);
            if (list.size() < MAX_REPORTED_ERRORS) {
                list.add(new FieldError(field, message));
            }
        }

        <T> T guard(java.util.function.Supplier<T> body) {
            try {
                return body.get();
            } catch (InvalidInputException e) {
                for (FieldError fe : e.errors()) {
                    add(fe.field(), fe.message());
                }
                return null;
            } catch (RuntimeException e) {
                if (list.isEmpty()) {
                    throw e;
                }
                return null; // fallout of a placeholder: the recorded field errors are the answer
            }
        }

        void throwIfAny() {
            if (list.isEmpty()) {
                return;
            }
            List<FieldError> reported = new ArrayList<>(list);
            if (total > list.size()) {
                reported.add(new FieldError("body", (total - list.size()) + " more errors not listed"));
            }
            throw new InvalidInputException(reported);
        }
    }
}
