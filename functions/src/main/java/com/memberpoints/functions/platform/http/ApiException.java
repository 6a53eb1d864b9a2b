package com.memberpoints.functions.platform.http;

import com.memberpoints.domain.model.FieldError;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An error answer decided by the HTTP layer or a handler. {@code detail} is shown to the caller, so it
 * must describe the request, never the server (no exception text, no table names, no stack).
 * Domain exceptions are not wrapped in this: {@link Problems} maps them in one place.
 */
public final class ApiException extends RuntimeException {
    private final ProblemType type;
    private final String detail;
    private final transient List<FieldError> errors;
    private final transient Map<String, String> headers;

    public ApiException(ProblemType type, String detail, List<FieldError> errors, Map<String, String> headers) {
        super(type.slug() + ": " + detail, null, false, false);
        this.type = Objects.requireNonNull(type, "type");
        this.detail = Objects.requireNonNull(detail, "detail");
        this.errors = List.copyOf(errors);
        this.headers = Map.copyOf(headers);
    }

    public ApiException(ProblemType type, String detail) {
        this(type, detail, List.of(), Map.of());
    }

    public ProblemType type() {
        return type;
    }

    public String detail() {
        return detail;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** Extra response headers, e.g. {@code Retry-After} or {@code Allow}. */
    public Map<String, String> headers() {
        return headers;
    }

    public static ApiException unauthorized(String detail) {
        return new ApiException(ProblemType.UNAUTHORIZED, detail);
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(ProblemType.FORBIDDEN, detail);
    }

    /** Also the answer for another merchant's or another member's resource: it must look exactly like a missing one. */
    public static ApiException notFound(String detail) {
        return new ApiException(ProblemType.NOT_FOUND, detail);
    }

    public static ApiException conflict(String detail) {
        return new ApiException(ProblemType.CONFLICT, detail);
    }

    public static ApiException preconditionFailed(String detail) {
        return new ApiException(ProblemType.PRECONDITION_FAILED, detail);
    }

    public static ApiException unprocessable(String detail) {
        return new ApiException(ProblemType.UNPROCESSABLE, detail);
    }

    public static ApiException payloadTooLarge(int maxBytes) {
        return new ApiException(ProblemType.PAYLOAD_TOO_LARGE,
                "The request body must be at most " + maxBytes + " bytes.");
    }

    public static ApiException unsupportedMediaType(String got) {
        return unsupportedMediaType(got, "application/json");
    }

    public static ApiException unsupportedMediaType(String got, String expected) {
        return new ApiException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Send the body as " + expected + " (got " + got + ").");
    }

    public static ApiException tooManyRequests(String detail, int retryAfterSeconds) {
        return new ApiException(ProblemType.TOO_MANY_REQUESTS, detail, List.of(),
                Map.of("retry-after", Integer.toString(retryAfterSeconds)));
    }

    public static ApiException serviceUnavailable(String detail, int retryAfterSeconds) {
        return new ApiException(ProblemType.SERVICE_UNAVAILABLE, detail, List.of(),
                Map.of("retry-after", Integer.toString(retryAfterSeconds)));
    }

    public static ApiException methodNotAllowed(String allow) {
        return new ApiException(ProblemType.METHOD_NOT_ALLOWED, "Allowed: " + allow + ".", List.of(), Map.of("allow", allow));
    }
}
