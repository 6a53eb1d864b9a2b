package com.memberpoints.functions.platform.json;

import com.memberpoints.domain.model.FieldError;
import com.memberpoints.domain.model.InvalidInputException;
import com.memberpoints.domain.model.MemberId;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FieldReaderTest {

    enum Kind { FIXED, PERCENT }

    record Item(String sku, BigDecimal amount) {}

    record Cart(MemberId member, BigDecimal subtotal, Kind kind, List<Item> items, List<MemberId> ids,
                LocalDate day, String rules) {}

    private static final Function<FieldReader, Cart> CART = r -> new Cart(
            r.id("memberId", MemberId::of),
            r.decimal("subtotal", BigDecimal.ZERO, new BigDecimal("1000000"), 2),
            r.choice("kind", Kind.class),
            r.objects("items", 1, 3, i -> new Item(i.string("sku", 1, 20),
                    i.decimal("amount", BigDecimal.ZERO, new BigDecimal("1000"), 2))),
            r.strings("ids", 0, 5, MemberId::of, "must be a member id"),
            r.optionalDate("day").orElse(LocalDate.EPOCH),
            r.optionalMultilineText("rules", 0, 100).orElse(""));

    private static Cart read(String json) {
        return FieldReader.read(Json.parse(json), CART);
    }

    private static List<FieldError> errorsOf(String json) {
        try {
            read(json);
        } catch (InvalidInputException e) {
            return e.errors();
        }
        throw new AssertionError("accepted: " + json);
    }

    @Test
    void aValidBodyIsRead() {
        Cart c = read("""
                {"memberId":"m-1","subtotal":"864.00","kind":"PERCENT","items":[{"sku":"A","amount":"1.50"}],
                 "ids":["a","b"],"day":"2026-02-28","rules":"line 1\\nline 2"}""");
        assertThat(c).isEqualTo(new Cart(MemberId.of("m-1"), new BigDecimal("864.00"), Kind.PERCENT,
                List.of(new Item("A", new BigDecimal("1.50"))), List.of(MemberId.of("a"), MemberId.of("b")),
                LocalDate.of(2026, 2, 28), "line 1\nline 2"));
    }

    @Test
    void nestedProblemsAreNamedByPath() {
        List<FieldError> errors = errorsOf("""
                {"memberId":"bad id","subtotal":864.00,"kind":"percent","items":[{"sku":"A","amount":"1.505","x":1},7],
                 "ids":["ok","no#"],"day":"2026-02-30","rules":"a\\u0000"}""");
        assertThat(errors).extracting(FieldError::field).containsExactlyInAnyOrder(
                "memberId", "subtotal", "kind", "items[0].amount", "items[0].x", "items[1]", "ids[1]", "day", "rules");
        assertThat(errors).anySatisfy(e -> {
            assertThat(e.field()).isEqualTo("subtotal");
            assertThat(e.message()).contains("decimal number in a string");
        });
        assertThat(errors).anySatisfy(e -> {
            assertThat(e.field()).isEqualTo("kind");
            assertThat(e.message()).isEqualTo("must be one of FIXED, PERCENT");
        });
    }

    @Test
    void controlCharactersOnlyInMultilineText() {
        assertThat(errorsOf("""
                {"memberId":"m","subtotal":"1","kind":"FIXED","items":[{"sku":"A\\tB","amount":"1"}],"ids":[],"rules":"a\\u0007"}"""))
                .extracting(FieldError::field).containsExactlyInAnyOrder("items[0].sku", "rules");
    }

    @Test
    void missingRequiredFieldsAndWrongShapes() {
        assertThat(errorsOf("{\"memberId\":null,\"items\":{},\"ids\":[1]}"))
                .extracting(FieldError::field, FieldError::message)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("memberId", "is required"),
                        org.assertj.core.groups.Tuple.tuple("subtotal", "is required"),
                        org.assertj.core.groups.Tuple.tuple("kind", "is required"),
                        org.assertj.core.groups.Tuple.tuple("items", "must be an array, got object"),
                        org.assertj.core.groups.Tuple.tuple("ids[0]", "must be a member id"));
    }

    @Test
    void arraySizesAreBounded() {
        assertThat(errorsOf("""
                {"memberId":"m","subtotal":"1","kind":"FIXED","items":[],"ids":["a","b","c","d","e","f"]}"""))
                .extracting(FieldError::field, FieldError::message)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("items", "must have between 1 and 3 elements"),
                        org.assertj.core.groups.Tuple.tuple("ids", "must have between 0 and 5 elements"));
    }

    @Test
    void integersAndRanges() {
        Function<FieldReader, Long> points = r -> r.integer("points", -10, 10);
        assertThat(FieldReader.read(Json.parse("{\"points\":-10}"), points)).isEqualTo(-10L);
        assertThat(FieldReader.read(Json.parse("{\"points\":2}"), points)).isEqualTo(2L);
        // issue 13: an integer is written as digits; 2.0 and 1e0 are refused (they were taken as 2 and 1)
        for (String bad : List.of("11", "1e3", "0.5", "\"5\"", "true", "2.0", "1e0", "1.0E1", "-0.0")) {
            assertThatThrownBy(() -> FieldReader.read(Json.parse("{\"points\":" + bad + "}"), points))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("points"));
        }
    }

    @Test
    void decimalsMustBeStringsWithinScaleAndRange() {
        Function<FieldReader, BigDecimal> amount = r -> r.decimal("amount", BigDecimal.ZERO, new BigDecimal("100"), 2);
        assertThat(FieldReader.read(Json.parse("{\"amount\":\"99.99\"}"), amount)).isEqualByComparingTo("99.99");
        for (String bad : List.of("\"100.01\"", "\"-1\"", "\"1.001\"", "\"1e2\"", "\"01\"", "\" 1\"", "\"1.\"", "12")) {
            assertThatThrownBy(() -> FieldReader.read(Json.parse("{\"amount\":" + bad + "}"), amount))
                    .as(bad).isInstanceOf(InvalidInputException.class);
        }
    }

    @Test
    void moneyFollowsTheCurrencyScale() {
        java.util.Currency twd = java.util.Currency.getInstance("USD"); // 2 decimals
        java.util.Currency jpy = java.util.Currency.getInstance("JPY");
        com.memberpoints.domain.model.Money usd = FieldReader.read(Json.parse("{\"m\":\"864.5\"}"),
                r -> r.money("m", twd, new BigDecimal("1000")));
        assertThat(usd).isEqualTo(com.memberpoints.domain.model.Money.of("864.50", "USD"));
        com.memberpoints.domain.model.Money yen = FieldReader.read(Json.parse("{\"m\":\"1500\"}"),
                r -> r.money("m", jpy, new BigDecimal("100000")));
        assertThat(yen.toPlainString())
                .isEqualTo("1500");
        for (String bad : List.of("{\"m\":\"1.5\"}", "{\"m\":\"-1\"}", "{\"m\":1500}", "{\"m\":\"100001\"}")) {
            assertThatThrownBy(() -> FieldReader.read(Json.parse(bad), r -> r.money("m", jpy, new BigDecimal("100000"))))
                    .as(bad).isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("m"));
        }
        assertThat(Json.write(JsonObject.builder().put("m", com.memberpoints.domain.model.Money.of("18", "USD")).build()))
                .isEqualTo("{\"m\":\"18.00\"}");
    }

    @Test
    void theRootMustBeAnObject() {
        assertThatThrownBy(() -> FieldReader.read(Json.parse("[1]"), r -> r))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).containsExactly(new FieldError("body", "must be a JSON object, got array")));
    }

    @Test
    void errorsAreCappedWithACount() {
        StringBuilder ids = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            ids.append(i == 0 ? "" : ",").append("\"bad#").append(i).append('"');
        }
        List<FieldError> errors;
        try {
            FieldReader.read(Json.parse("{\"ids\":[" + ids + "]}"), r -> r.strings("ids", 1, 1000, MemberId::of, "bad id"));
            throw new AssertionError("accepted");
        } catch (InvalidInputException e) {
            errors = e.errors();
        }
        assertThat(errors).hasSize(FieldReader.MAX_REPORTED_ERRORS + 1);
        assertThat(errors.getLast()).isEqualTo(new FieldError("body", "150 more errors not listed"));
    }

    @Test
    void aBugInTheHandlerIsNotDisguisedAsBadInput() {
        assertThatThrownBy(() -> FieldReader.read(Json.parse("{\"a\":\"x\"}"), r -> {
            r.string("a", 1, 5);
            throw new IllegalStateException("bug");
        })).isInstanceOf(IllegalStateException.class);
    }
}
