package com.memberpoints.functions.platform.json;

/**
 * The text is not valid JSON, or exceeds a structural limit (nesting depth, string or number length).
 * The message is safe to show to a caller: it describes the input, never the server.
 */
public final class MalformedJsonException extends RuntimeException {
    public MalformedJsonException(String message) {
        super(message);
    }
}
