package com.memberpoints.domain.notify;

import com.memberpoints.domain.model.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The opaque cursor of delivery listings: the last key id returned, base64url-encoded with a version prefix. */
public final class DeliveryCursor {
    private static final String PREFIX = "d1.";

    private DeliveryCursor() {}

    public static String encode(String lastId) {
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(lastId.getBytes(StandardCharsets.UTF_8));
    }

    /** The key id after which the next page starts. */
    public static String decode(String cursor) {
        if (!cursor.startsWith(PREFIX)) {
            throw bad();
        }
        try {
            String id = new String(Base64.getUrlDecoder().decode(cursor.substring(PREFIX.length())),
                    StandardCharsets.UTF_8);
            if (id.isEmpty() || id.split("#", 4).length < 4) {
                throw bad();
            }
            return id;
        } catch (IllegalArgumentException e) {
            throw bad();
        }
    }

    private static InvalidInputException bad() {
        return new InvalidInputException("cursor", "is not a cursor returned by this listing");
    }
}
