package com.memberpoints.functions.platform.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.memberpoints.domain.model.InvalidInputException;
import com.memberpoints.functions.platform.json.FieldReader;
import com.memberpoints.functions.platform.json.Json;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** One HTTP request as a handler sees it: validated accessors over the API Gateway v2 event. */
public final class ApiRequest {
    private final APIGatewayV2HTTPEvent event;
    private final String requestId;
    private final int maxBodyBytes;
    private final RequestLog log;

    ApiRequest(APIGatewayV2HTTPEvent event, String requestId, int maxBodyBytes, RequestLog log) {
        this.event = event;
        this.requestId = requestId;
        this.maxBodyBytes = maxBodyBytes;
        this.log = log;
    }

    /** The Lambda request id: the correlation id in logs and in every problem answer. */
    public String requestId() {
        return requestId;
    }

    public RequestLog log() {
        return log;
    }

    /** {@code "GET /v1/admin/members/{memberId}/points"}. */
    public String routeKey() {
        return event.getRouteKey() == null ? "" : event.getRouteKey();
    }

    public String rawPath() {
        return event.getRawPath() == null ? "" : event.getRawPath();
    }

    /** A header, matched case-insensitively. */
    public Optional<String> header(String name) {
        Map<String, String> headers = event.getHeaders();
        if (headers == null) {
            return Optional.empty();
        }
        String v = headers.get(name.toLowerCase(Locale.ROOT));
        if (v == null) {
            for (Map.Entry<String, String> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    v = e.getValue();
                    break;
                }
            }
        }
        return Optional.ofNullable(v);
    }

    /**
     * A path parameter parsed by {@code parse} ({@code MemberId::of}); a value {@code parse} refuses is a
     * 400 naming the parameter.
     */
    public <T> T pathParameter(String name, Function<String, T> parse) {
        Map<String, String> p = event.getPathParameters();
        String v = p == null ? null : p.get(name);
        if (v == null) {
            // The route table and the handler disagree: a deployment bug, not the caller's.
            throw new IllegalStateException("route " + routeKey() + " has no path parameter " + name);
        }
        try {
            return parse.apply(v);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(name, "is not a valid identifier");
        }
    }

    public QueryParams query() {
        return new QueryParams(event.getQueryStringParameters());
    }

    /**
     * Reads the JSON object body strictly (see {@link FieldReader}): 415 unless JSON, 413 above the
     * handler's size limit, 400 when malformed, missing, or any field is unknown, read-only or invalid.
     */
    public <T> T body(Function<FieldReader, T> reading) {
        return FieldReader.read(Json.parse(bodyText()), reading);
    }

    /** The body as text after the media-type and size checks (for handlers that read CSV or similar). */
    public String bodyText() {
        return text(media -> media.equals("application/json") || media.endsWith("+json"), "application/json",
                "a JSON object is required");
    }

    /** A {@code text/csv} body (a balance import part), after the same size checks; 415 for another media type. */
    public String csvBody() {
        return text(media -> media.equals("text/csv"), "text/csv", "CSV text is required");
    }

    private String text(java.util.function.Predicate<String> acceptedMedia, String expected, String required) {
        header("content-type").ifPresent(ct -> {
            String media = ct.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
            if (!acceptedMedia.test(media)) {
                throw ApiException.unsupportedMediaType(media.isEmpty() ? "no media type" : media, expected);
            }
        });
        String raw = event.getBody();
        if (raw == null || raw.isEmpty()) {
            throw new InvalidInputException("body", required);
        }
        // Bound before decoding or encoding: every char is at least one UTF-8 byte; base64 is 4 chars per 3 bytes.
        long lowerBound = event.getIsBase64Encoded() ? (raw.length() / 4L) * 3 - 2 : raw.length();
        if (lowerBound > maxBodyBytes) {
            throw ApiException.payloadTooLarge(maxBodyBytes);
        }
        byte[] bytes;
        if (event.getIsBase64Encoded()) {
            try {
                bytes = Base64.getDecoder().decode(raw);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("body", "is not valid base64");
            }
        } else {
            bytes = raw.getBytes(StandardCharsets.UTF_8);
        }
        if (bytes.length > maxBodyBytes) {
            throw ApiException.payloadTooLarge(maxBodyBytes);
        }
        return event.getIsBase64Encoded() ? new String(bytes, StandardCharsets.UTF_8) : raw;
    }

    /** The raw event, for the rare handler that needs something not wrapped here. */
    public APIGatewayV2HTTPEvent event() {
        return event;
    }
}
