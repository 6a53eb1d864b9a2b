package com.memberpoints.functions.platform.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.memberpoints.functions.platform.json.Json;
import com.memberpoints.functions.platform.json.JsonValue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** What a handler answers. Header names are lower-case (HTTP/2 style, as API Gateway sends them). */
public record ApiResponse(int status, Map<String, String> headers, String body) {

    public static final String JSON = "application/json";

    public ApiResponse {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status " + status);
        }
        Objects.requireNonNull(body, "body");
        Map<String, String> lower = new LinkedHashMap<>();
        for (Map.Entry<String, String> h : headers.entrySet()) {
            lower.put(h.getKey().toLowerCase(java.util.Locale.ROOT), h.getValue());
        }
        headers = java.util.Collections.unmodifiableMap(lower);
    }

    public static ApiResponse json(int status, JsonValue body) {
        return new ApiResponse(status, Map.of("content-type", JSON), Json.write(body));
    }

    public static ApiResponse ok(JsonValue body) {
        return json(200, body);
    }

    /** 201 with the new resource's location. */
    public static ApiResponse created(String location, JsonValue body) {
        return json(201, body).withHeader("location", location);
    }

    /** 202: accepted for asynchronous work (bulk jobs). */
    public static ApiResponse accepted(String location, JsonValue body) {
        return json(202, body).withHeader("location", location);
    }

    public static ApiResponse noContent() {
        return new ApiResponse(204, Map.of(), "");
    }

    /** A CSV download (reports). */
    public static ApiResponse csv(String filename, String body) {
        return new ApiResponse(200, Map.of(
                "content-type", "text/csv; charset=utf-8",
                "content-disposition", "attachment; filename=\"" + filename.replace("\"", "") + "\""), body);
    }

    public ApiResponse withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name.toLowerCase(java.util.Locale.ROOT), value);
        return new ApiResponse(status, h, body);
    }

    public APIGatewayV2HTTPResponse toEvent() {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(new LinkedHashMap<>(headers))
                .withBody(body)
                .withIsBase64Encoded(false)
                .build();
    }
}
