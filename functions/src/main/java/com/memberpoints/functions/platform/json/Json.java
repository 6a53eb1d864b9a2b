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
                throw new MalformedJsonException("the body is empty; a JSON value is expected");
            }
            JsonValue value = read(p, first, "");
            if (p.nextToken() != null) {
                throw new MalformedJsonException(at(p.currentTokenLocation()) + "unexpected content after the JSON value");
            }
            return value;
        } catch (StreamConstraintsException e) {
            // Jackson's own text names its configuration classes: say it in the caller's terms.
            throw new MalformedJsonException(at(e.getLocation()) + "the JSON exceeds a limit (nesting depth "
                    + MAX_DEPTH + ", string length " + MAX_STRING_LENGTH + ", number length " + MAX_NUMBER_LENGTH + ")");
        } catch (JsonProcessingException e) {
            throw new MalformedJsonException(at(e.getLocation()) + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonValue read(JsonParser p, JsonToken token, String path) throws IOException {
        return switch (token) {
            case START_OBJECT -> readObject(p, path);
            case START_ARRAY -> readArray(p, path);
            case VALUE_STRING -> new JsonString(p.getText());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new JsonNumber(p.getDecimalValue());
            case VALUE_TRUE -> JsonBoolean.TRUE;
            case VALUE_FALSE -> JsonBoolean.FALSE;
            case VALUE_NULL -> JsonNull.INSTANCE;
            default -> throw new MalformedJsonException(at(p.currentTokenLocation()) + "unexpected " + token);
        };
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
            throw new MalformedJsonException(at(p.currentTokenLocation()) + "unterminated object");
        }
        return new JsonObject(members);
    }

    private static JsonArray readArray(JsonParser p, String path) throws IOException {
        List<JsonValue> elements = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) {
                throw new MalformedJsonException(at(p.currentTokenLocation()) + "unterminated array");
            }
            elements.add(read(p, t, path + "[" + elements.size() + "]"));
        }
        return new JsonArray(elements);
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return "line " + location.getLineNr() + ", column " + location.getColumnNr() + ": ";
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
