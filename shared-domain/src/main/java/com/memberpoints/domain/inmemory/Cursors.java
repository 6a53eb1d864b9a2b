package com.memberpoints.domain.inmemory;

import com.memberpoints.domain.model.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque cursors of the in-memory stores: base64url of a tagged position, refused when not ours. */
final class Cursors {
    private Cursors() {}

    static String encode(String tag, String position) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((tag + "|" + position).getBytes(StandardCharsets.UTF_8));
    }

    static String decode(String cursor, String tag) {
        String s;
        try {
            s = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (!s.startsWith(tag + "|")) {
            throw invalid();
        }
        return s.substring(tag.length() + 1);
    }

    static InvalidInputException invalid() {
        return new InvalidInputException("cursor", "is not a cursor returned by this listing");
    }
}
