package com.memberpoints.local;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

final class PercentDecoding {
    private PercentDecoding() {}

    /** Decodes %XX escapes (and '+' as space when {@code plusIsSpace}, as in query strings and forms). */
    static String decode(String s, boolean plusIsSpace) {
        String in = plusIsSpace ? s : s.replace("+", "%2B");
        try {
            return URLDecoder.decode(in, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s; // malformed escape: pass through as API Gateway would, the handler validates it
        }
    }
}
