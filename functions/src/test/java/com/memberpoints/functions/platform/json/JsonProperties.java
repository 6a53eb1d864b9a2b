package com.memberpoints.functions.platform.json;

import com.memberpoints.domain.model.InvalidInputException;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;

import static org.assertj.core.api.Assertions.assertThat;

class JsonProperties {

    @Property(tries = 300)
    void writingThenParsingGivesTheSameValue(@ForAll("values") JsonValue value) {
        assertThat(Json.parse(Json.write(value))).isEqualTo(value);
    }

    @Property(tries = 500)
    void anyTextIsEitherParsedOrRefusedAsInvalidInput(@ForAll("jsonish") String text) {
        try {
            JsonValue v = Json.parse(text);
            assertThat(Json.parse(Json.write(v))).isEqualTo(v);
        } catch (MalformedJsonException | InvalidInputException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @org.junit.jupiter.api.Test
    void numbersInExponentNotationSurviveARoundTrip() {
        for (String text : new String[] {"0e1", "1E+3", "-2.50e-2", "0.000"}) {
            JsonValue v = Json.parse(text);
            assertThat(Json.parse(Json.write(v))).as(text).isEqualTo(v);
            assertThat(((JsonNumber) Json.parse(Json.write(v))).value()).as(text)
                    .isEqualByComparingTo(new BigDecimal(text));
        }
    }

    /** The jqwik failure of issue 13: a number Json.parse took but Jackson could not write back as plain digits. */
    @org.junit.jupiter.api.Test
    void numbersWithAHugeExponentAreRefusedInTheApisWords() {
        for (String text : new String[] {"1e-99999", "0e99999", "{\"a\":5E+100000}", "1e1001"}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Json.parse(text)).as(text)
                    .isInstanceOf(MalformedJsonException.class)
                    .hasMessageStartingWith("The body is not valid JSON: a number is out of range at line 1");
        }
        assertThat(Json.write(Json.parse("1e1000"))).startsWith("1000");
    }

    @Provide
    Arbitrary<String> jsonish() {
        return Arbitraries.strings().withChars("{}[]\",:0123456789.-eEtrufalsn \\ab").ofMaxLength(40);
    }

    @Provide
    Arbitrary<JsonValue> values() {
        return value(3);
    }

    private Arbitrary<JsonValue> value(int depth) {
        Arbitrary<JsonValue> scalars = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(20).map(JsonString::new),
                Arbitraries.bigDecimals().between(new BigDecimal("-1e12"), new BigDecimal("1e12")).ofScale(3)
                        .map(JsonNumber::new),
                Arbitraries.longs().map(JsonNumber::of),
                Arbitraries.of(JsonBoolean.TRUE, JsonBoolean.FALSE, JsonNull.INSTANCE));
        if (depth == 0) {
            return scalars;
        }
        Arbitrary<JsonValue> child = Arbitraries.lazy(() -> value(depth - 1));
        Arbitrary<JsonValue> arrays = child.list().ofMaxSize(4).map(l -> new JsonArray(new ArrayList<>(l)));
        Arbitrary<JsonValue> objects = Arbitraries.maps(Arbitraries.strings().alpha().ofMaxLength(6), child)
                .ofMaxSize(4).map(m -> new JsonObject(new LinkedHashMap<String, JsonValue>(m)));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, scalars), net.jqwik.api.Tuple.of(1, arrays), net.jqwik.api.Tuple.of(1, objects));
    }

}
