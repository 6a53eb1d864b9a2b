package com.memberpoints.functions.platform.json;

import java.util.ArrayList;
import java.util.List;

public record JsonArray(List<JsonValue> elements) implements JsonValue {
    public JsonArray {
        elements = List.copyOf(elements);
    }

    public static JsonArray of(List<? extends JsonValue> elements) {
        return new JsonArray(new ArrayList<>(elements));
    }

    public static JsonArray ofStrings(List<String> values) {
        List<JsonValue> out = new ArrayList<>(values.size());
        for (String v : values) {
            out.add(new JsonString(v));
        }
        return new JsonArray(out);
    }

    public int size() {
        return elements.size();
    }

    public JsonValue get(int index) {
        return elements.get(index);
    }

    @Override
    public String typeName() {
        return "array";
    }
}
