package com.memberpoints.functions.platform.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.memberpoints.domain.model.InvalidInputException;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON text to {@link JsonValue} and back, on Jackson's streaming core only: no data binding, no
 * reflection, few classes to load at cold start (measured in docs/api-conventions.md, "Platform decisions").
 *
 * <p>Parsing is strict: one value per text, duplicate member names refused (naming the member), numbers
 * kept exact, nesting depth and string/number lengths bounded.
 */
public final class Json {

    /** Deepest nesting accepted in a request body. Our bodies need 4 at most. */
    public static final int MAX_DEPTH = 32;
    /** Longest single string accepted (the body size limit is usually lower). */
    public static final int MAX_STRING_LENGTH = 1_000_000;
    /** Longest number literal accepted (money and points fit well within). */
    public static final int MAX_NUMBER_LENGTH = 40;
    /** Largest number of decimal places (positive or negative, i.e. exponent) a parsed number may have. */
    public static final int MAX_NUMBER_SCALE = 1_000;

    /** Immutable once built; shared for the life of the container (config, not state). */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(MAX_STRING_LENGTH)
                    .maxNumberLength(MAX_NUMBER_LENGTH)
                    .build())
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private Json() {}

    /**
     * Parses one JSON value.
     *
     * @throws MalformedJsonException when the text is not one valid JSON value within the limits
     * @throws InvalidInputException when an object repeats a member name (the error names it)
     */
    public static JsonValue parse(String text) {
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw malformed(null, "the body is empty");
            }
            JsonValue value = read(p, first, "");
            if (p.nextToken() != null) {
                throw malformed(p.currentTokenLocation(), "unexpected content after the JSON value");
            }
            return value;
        } catch (StreamConstraintsException e) {
            // Jackson's own text names its configuration classes: say it in the caller's terms.
            throw malformed(e.getLocation(), "the JSON exceeds a limit (nesting depth "
                    + MAX_DEPTH + ", string length " + MAX_STRING_LENGTH + ", number length " + MAX_NUMBER_LENGTH + ")");
        } catch (JsonProcessingException e) {
            throw malformed(e.getLocation(), inOurWords(e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonValue read(JsonParser p, JsonToken token, String path) throws IOException {
        return switch (token) {
            case START_OBJECT -> readObject(p, path);
            case START_ARRAY -> readArray(p, path);
            case VALUE_STRING -> new JsonString(p.getText());
            case VALUE_NUMBER_INT -> new JsonNumber(p.getDecimalValue(), true);
            case VALUE_NUMBER_FLOAT -> new JsonNumber(boundedScale(p), false);
            case VALUE_TRUE -> JsonBoolean.TRUE;
            case VALUE_FALSE -> JsonBoolean.FALSE;
            case VALUE_NULL -> JsonNull.INSTANCE;
            default -> throw malformed(p.currentTokenLocation(), "unexpected character");
        };
    }

    /**
     * A number whose exponent puts it beyond {@value #MAX_NUMBER_SCALE} decimal places either way ({@code 1e-99999})
     * is refused: no field of the API needs one, and it could not be written back as plain digits.
     */
    private static java.math.BigDecimal boundedScale(JsonParser p) throws IOException {
        java.math.BigDecimal d;
        try {
            d = p.getDecimalValue();
        } catch (NumberFormatException | ArithmeticException e) {
            throw malformed(p.currentTokenLocation(), "a number is out of range");
        }
        if (Math.abs((long) d.scale()) > MAX_NUMBER_SCALE) {
            throw malformed(p.currentTokenLocation(), "a number is out of range");
        }
        return d;
    }

    private static JsonObject readObject(JsonParser p, String path) throws IOException {
        Map<String, JsonValue> members = new LinkedHashMap<>();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            String memberPath = path.isEmpty() ? name : path + "." + name;
            JsonValue value = read(p, p.nextToken(), memberPath);
            if (members.putIfAbsent(name, value) != null) {
                throw new InvalidInputException(memberPath, "appears more than once");
            }
        }
        if (t != JsonToken.END_OBJECT) {
            throw malformed(p.currentTokenLocation(), "unterminated object");
        }
        return new JsonObject(members);
    }

    private static JsonArray readArray(JsonParser p, String path) throws IOException {
        List<JsonValue> elements = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) {
                throw malformed(p.currentTokenLocation(), "unterminated array");
            }
            elements.add(read(p, t, path + "[" + elements.size() + "]"));
        }
        return new JsonArray(elements);
    }

    /**
     * What is wrong, in the API's words: Jackson's own messages name its option classes
     * ({@code JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS}) and echo raw input, so none of its text is passed on.
     */
    static String inOurWords(JsonProcessingException e) {
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (e instanceof com.fasterxml.jackson.core.io.JsonEOFException || original.startsWith("Unexpected end-of-input")) {
            return "the body ends before the JSON value is complete";
        }
        if (original.startsWith("Non-standard token") || original.contains("NaN") || original.contains("Infinity")) {
            return "NaN and Infinity are not JSON numbers";
        }
        if (original.startsWith("Illegal unquoted character") || original.contains("control character")) {
            return "a string contains an unescaped control character";
        }
        if (original.startsWith("Unrecognized character escape") || original.contains("escape")) {
            return "a string contains an invalid escape sequence";
        }
        if (original.contains("Leading zeroes") || original.contains("leading zero")) {
            return "a number has a leading zero";
        }
        if (original.contains("numeric value") || original.contains("number") || original.contains("Numeric")) {
            return "a number is not written as JSON requires";
        }
        if (original.startsWith("Unrecognized token")) {
            return "unexpected word (a string must be in double quotes)";
        }
        if (original.contains("Invalid UTF") || original.contains("surrogate")) {
            return "the body is not valid UTF-8 text";
        }
        return "unexpected character";
    }

    /** "The body is not valid JSON: unexpected character at line 1, column 7". */
    private static MalformedJsonException malformed(JsonLocation location, String what) {
        String where = location == null || location.getLineNr() < 0 ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        return new MalformedJsonException("The body is not valid JSON: " + what + where + ".");
    }

    /** Compact JSON text of {@code value}. */
    public static String write(JsonValue value) {
        StringWriter out = new StringWriter(128);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            write(g, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    // An instanceof chain, not a pattern switch: a type switch bootstraps through
    // java.lang.runtime.SwitchBootstraps, which generates classes on first use (cold-start cost).
    private static void write(JsonGenerator g, JsonValue value) throws IOException {
        if (value instanceof JsonObject o) {
            g.writeStartObject();
            for (Map.Entry<String, JsonValue> e : o.members().entrySet()) {
                g.writeFieldName(e.getKey());
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (value instanceof JsonArray a) {
            g.writeStartArray();
            for (JsonValue v : a.elements()) {
                write(g, v);
            }
            g.writeEndArray();
        } else if (value instanceof JsonString s) {
            g.writeString(s.value());
        } else if (value instanceof JsonNumber n) {
            g.writeNumber(n.value());
        } else if (value instanceof JsonBoolean b) {
            g.writeBoolean(b.value());
        } else {
            g.writeNull();
        }
    }
}
