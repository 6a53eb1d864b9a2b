package com.memberpoints.functions.platform.json;

import com.memberpoints.domain.model.FieldError;
import com.memberpoints.domain.model.InvalidInputException;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonTest {

    @Test
    void numbersAreExact() {
        JsonObject o = (JsonObject) Json.parse("{\"a\":0.1,\"b\":12345678901234567890.125,\"c\":-3}");
        assertThat(o.get("a")).contains(new JsonNumber(new BigDecimal("0.1")));
        assertThat(o.get("b")).contains(new JsonNumber(new BigDecimal("12345678901234567890.125")));
        assertThat(Json.write(o)).isEqualTo("{\"a\":0.1,\"b\":12345678901234567890.125,\"c\":-3}");
    }

    @Test
    void stringsAreEscaped() {
        String text = "quote \" backslash \\ newline \n tab \t nul \u0000 emoji \uD83D\uDE00";
        String written = Json.write(new JsonString(text));
        assertThat(written).doesNotContain("\n").doesNotContain("\u0000");
        assertThat(Json.parse(written)).isEqualTo(new JsonString(text));
    }

    @Test
    void onlyOneValuePerText() {
        assertThatThrownBy(() -> Json.parse("{} {}")).isInstanceOf(MalformedJsonException.class)
                .hasMessageContaining("unexpected content after the JSON value");
        assertThatThrownBy(() -> Json.parse("")).isInstanceOf(MalformedJsonException.class);
        assertThatThrownBy(() -> Json.parse("{\"a\":NaN}")).isInstanceOf(MalformedJsonException.class);
        assertThatThrownBy(() -> Json.parse("{'a':1}")).isInstanceOf(MalformedJsonException.class);
    }

    @Test
    void nestingDepthIsBoundedWithoutNamingInternals() {
        String deep = "[".repeat(Json.MAX_DEPTH + 1) + "]".repeat(Json.MAX_DEPTH + 1);
        assertThatThrownBy(() -> Json.parse(deep)).isInstanceOf(MalformedJsonException.class)
                .hasMessageContaining("nesting depth " + Json.MAX_DEPTH)
                .hasMessageNotContaining("StreamReadConstraints");
        String ok = "[".repeat(Json.MAX_DEPTH) + "]".repeat(Json.MAX_DEPTH);
        assertThat(Json.parse(ok)).isInstanceOf(JsonArray.class);
    }

    @Test
    void longNumbersAreRefused() {
        assertThatThrownBy(() -> Json.parse("1" + "0".repeat(Json.MAX_NUMBER_LENGTH + 5)))
                .isInstanceOf(MalformedJsonException.class);
    }

    @Test
    void duplicateMembersNameTheirPath() {
        assertThatThrownBy(() -> Json.parse("{\"a\":{\"b\":[{\"c\":1,\"c\":2}]}}"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .containsExactly(new FieldError("a.b[0].c", "appears more than once")));
    }
}
