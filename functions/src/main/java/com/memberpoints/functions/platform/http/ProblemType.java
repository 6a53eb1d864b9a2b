package com.memberpoints.functions.platform.http;

/**
 * Every kind of error the API answers with (RFC 9457 problem types). {@link #uri()} is the stable
 * {@code type} member; clients switch on it, never on {@code title} or {@code detail}.
 */
public enum ProblemType {
    INVALID_INPUT(400, "invalid-input", "The request has invalid fields"),
    MALFORMED_JSON(400, "malformed-json", "The request body is not valid JSON"),
    UNAUTHORIZED(401, "unauthorized", "Authentication is required"),
    FORBIDDEN(403, "forbidden", "This caller may not do this"),
    NOT_FOUND(404, "not-found", "Not found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    CONFLICT(409, "conflict", "The request conflicts with the current state"),
    PRECONDITION_FAILED(412, "precondition-failed", "The resource changed since it was read"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "The request body is too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "The request body must be JSON"),
    UNPROCESSABLE(422, "unprocessable", "The request is valid but cannot be carried out"),
    TOO_MANY_REQUESTS(429, "too-many-requests", "Too many requests"),
    INTERNAL(500, "internal", "Internal error"),
    SERVICE_UNAVAILABLE(503, "service-unavailable", "The service is temporarily unavailable");

    public static final String URI_PREFIX = "urn:member-points:problem:";

    private final int status;
    private final String slug;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public String uri() {
        return URI_PREFIX + slug;
    }
}
