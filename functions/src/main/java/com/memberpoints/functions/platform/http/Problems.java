package com.memberpoints.functions.platform.http;

import com.memberpoints.domain.model.RetryLater;
import java.util.Optional;
import com.memberpoints.domain.merchant.UnknownMerchantException;
import com.memberpoints.domain.model.FieldError;
import com.memberpoints.domain.model.InvalidInputException;
import com.memberpoints.functions.platform.json.JsonArray;
import com.memberpoints.functions.platform.json.JsonObject;
import com.memberpoints.functions.platform.json.JsonValue;
import com.memberpoints.functions.platform.json.MalformedJsonException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * THE place where failures become HTTP answers: {@code application/problem+json} (RFC 9457) with
 * {@code type}, {@code title}, {@code status}, {@code detail}, {@code requestId}, and for 400s
 * {@code errors: [{field, message}]}.
 *
 * <p>Anything not recognised here is a 500 whose body is generic and carries only the request id;
 * the exception itself goes to the log. New domain exceptions (insufficient balance, version
 * conflict, ...) get a case in {@link #classify} — and nowhere else.
 */
public final class Problems {
    public static final String CONTENT_TYPE = "application/problem+json";

    private Problems() {}

    /** A problem answer and what it was: {@code serverFault} tells the logger to record the stack. */
    public record Mapped(ApiResponse response, ProblemType type, boolean serverFault) {}

    public static Mapped toResponse(Throwable failure, String requestId) {
        Problem p = classify(failure, requestId);
        return new Mapped(render(p, requestId), p.type(), p.type().status() >= 500);
    }

    private record Problem(ProblemType type, String detail, List<FieldError> errors, Map<String, String> headers) {}

    // instanceof chain rather than a type switch: see Json#write.
    private static Problem classify(Throwable failure, String requestId) {
        if (failure instanceof ApiException e) {
            return new Problem(e.type(), e.detail(), e.errors(), e.headers());
        }
        if (failure instanceof InvalidInputException e) {
            return new Problem(ProblemType.INVALID_INPUT, "One or more fields are invalid; see errors.", e.errors(), Map.of());
        }
        if (failure instanceof UnknownMerchantException) { // a token for a store with no profile (storefront)
            return new Problem(ProblemType.NOT_FOUND, "Store not found.", List.of(), Map.of());
        }
        if (failure instanceof MalformedJsonException e) {
            return new Problem(ProblemType.MALFORMED_JSON, e.getMessage(), List.of(), Map.of());
        }
        Optional<RetryLater> busy = retryLater(failure);
        if (busy.isPresent()) { // contention or throttling outlasted the retries: nothing applied, try again
            return new Problem(ProblemType.SERVICE_UNAVAILABLE,
                    "The service is busy; nothing was changed. Try again in a moment (see Retry-After).", List.of(),
                    Map.of("retry-after", Integer.toString(busy.get().retryAfterSeconds())));
        }
        // Everything else — including domain exceptions not yet given a case above — is the server's fault.
        return new Problem(ProblemType.INTERNAL,
                "An unexpected error occurred. Quote request id " + requestId + " when reporting it.",
                List.of(), Map.of());
    }

    /** The {@link RetryLater} failure itself or among its causes (a port's exception may carry it as cause). */
    private static Optional<RetryLater> retryLater(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 10; t = t.getCause(), depth++) {
            if (t instanceof RetryLater r) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    private static ApiResponse render(Problem p, String requestId) {
        JsonObject.Builder body = JsonObject.builder()
                .put("type", p.type().uri())
                .put("title", p.type().title())
                .put("status", p.type().status())
                .put("detail", p.detail())
                .put("requestId", requestId);
        if (!p.errors().isEmpty()) {
            List<JsonValue> errors = new ArrayList<>(p.errors().size());
            for (FieldError e : p.errors()) {
                errors.add(JsonObject.builder().put("field", e.field()).put("message", e.message()).build());
            }
            body.put("errors", new JsonArray(errors));
        }
        Map<String, String> headers = new LinkedHashMap<>(p.headers());
        headers.put("content-type", CONTENT_TYPE);
        return new ApiResponse(p.type().status(), headers, com.memberpoints.functions.platform.json.Json.write(body.build()));
    }
}
