package com.memberpoints.functions.platform.http;

import com.memberpoints.domain.model.InvalidInputException;
import com.memberpoints.functions.platform.json.Json;
import com.memberpoints.functions.platform.json.JsonObject;
import com.memberpoints.functions.platform.json.JsonString;
import com.memberpoints.functions.platform.json.JsonValue;
import com.memberpoints.functions.platform.json.MalformedJsonException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The opaque {@code cursor} of paginated lists: base64url of a small JSON object of strings (a
 * position, e.g. the last sort key returned). Clients pass it back unchanged.
 *
 * <p>It is not signed, so a caller can forge one: a handler uses only the <em>position</em> in it and
 * always rebuilds the partition (merchant, member) from the {@link Caller} — a forged cursor can at
 * worst skip within the caller's own data.
 */
public final class PageCursor {
    public static final int MAX_LENGTH = 1024;
    private static final String PARAM = "cursor";

    private PageCursor() {}

    public static String encode(Map<String, String> position) {
        JsonObject.Builder b = JsonObject.builder();
        position.forEach(b::put);
        String text = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Json.write(b.build()).getBytes(StandardCharsets.UTF_8));
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("cursor too long: " + text.length());
        }
        return text;
    }

    /** @throws InvalidInputException naming {@code cursor} when it is not one this API produced */
    public static Map<String, String> decode(String cursor) {
        if (cursor.length() > MAX_LENGTH) {
            throw invalid();
        }
        try {
            String json = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!(Json.parse(json) instanceof JsonObject o)) {
                throw invalid();
            }
            Map<String, String> out = new LinkedHashMap<>();
            for (Map.Entry<String, JsonValue> e : o.members().entrySet()) {
                if (!(e.getValue() instanceof JsonString(String s))) {
                    throw invalid();
                }
                out.put(e.getKey(), s);
            }
            return out;
        } catch (IllegalArgumentException | MalformedJsonException e) {
            throw invalid();
        }
    }

    private static InvalidInputException invalid() {
        return new InvalidInputException(PARAM, "is not a cursor returned by this API");
    }
}
