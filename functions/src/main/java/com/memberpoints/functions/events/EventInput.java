package com.memberpoints.functions.events;

import com.memberpoints.domain.model.FieldError;
import com.memberpoints.domain.model.InvalidInputException;
import com.memberpoints.functions.platform.json.JsonArray;
import com.memberpoints.functions.platform.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reading a bounded event from a Lambda input stream, and the field errors of a refused event as JSON. */
final class EventInput {
    /** EventBridge's largest event is 256 KB; anything larger is refused unread. */
    static final int MAX_BYTES = 256 * 1024;

    private EventInput() {}

    static String read(InputStream in) {
        try {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new InvalidInputException("body", "is larger than " + MAX_BYTES + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(OutputStream out, JsonObject result) {
        try {
            out.write(com.memberpoints.functions.platform.json.Json.write(result).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonArray errors(InvalidInputException e) {
        List<JsonObject> list = new ArrayList<>();
        for (FieldError fe : e.errors()) {
            list.add(JsonObject.builder().put("field", fe.field()).put("message", fe.message()).build());
        }
        return JsonArray.of(list);
    }
}
