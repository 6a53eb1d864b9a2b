package com.memberpoints.local;

import com.memberpoints.functions.platform.json.Json;
import com.memberpoints.functions.platform.json.JsonArray;
import com.memberpoints.functions.platform.json.JsonNumber;
import com.memberpoints.functions.platform.json.JsonObject;
import com.memberpoints.functions.platform.json.JsonString;
import com.memberpoints.functions.platform.json.JsonValue;
import com.memberpoints.functions.platform.json.MalformedJsonException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * LOCAL ONLY: how a request to the local server says who is calling, standing in for API Gateway's
 * JWT authorizer (which checks a real token's signature in AWS). The result becomes
 * {@code requestContext.authorizer.jwt.claims}, exactly where API Gateway puts verified claims.
 *
 * <ul>
 *   <li>{@code X-Local-Caller: merchant_id=demo-shop&member_id=alice} — the claims themselves,
 *       form-encoded ({@code permissions=member_points+customer_management}). Wins when both are sent.</li>
 *   <li>{@code Authorization: Bearer <JWT>} — the JWT's payload is decoded and its signature
 *       <b>not</b> checked, so the same client code works locally and, with a real token, on AWS.
 *       A bare base64url JSON object is accepted too. Array claims are flattened the way API Gateway
 *       does ({@code "[a b]"}).</li>
 * </ul>
 */
final class LocalCaller {
    static final String HEADER = "X-Local-Caller";

    private LocalCaller() {}

    /** A local credential that cannot be read (401, as API Gateway answers a bad token). */
    static final class BadCredential extends RuntimeException {
        BadCredential(String message) {
            super(message);
        }
    }

    /** The claims carried by the request, empty when it carries none. */
    static Optional<Map<String, String>> claims(Optional<String> localCaller, Optional<String> authorization) {
        if (localCaller.isPresent()) {
            return Optional.of(fromForm(localCaller.get()));
        }
        if (authorization.isPresent()) {
            String a = authorization.get().trim();
            if (!a.regionMatches(true, 0, "Bearer ", 0, 7)) {
                throw new BadCredential("Authorization must be 'Bearer <token>'.");
            }
            return Optional.of(fromToken(a.substring(7).trim()));
        }
        return Optional.empty();
    }

    static Map<String, String> fromForm(String header) {
        Map<String, String> claims = new LinkedHashMap<>();
        for (String pair : header.split("&")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new BadCredential(HEADER + " must be form-encoded claims: name=value&name=value.");
            }
            claims.put(PercentDecoding.decode(pair.substring(0, eq).trim(), true),
                    PercentDecoding.decode(pair.substring(eq + 1).trim(), true));
        }
        return claims;
    }

    static Map<String, String> fromToken(String token) {
        String[] parts = token.split("\\.");
        String payload = parts.length >= 2 ? parts[1] : parts[0];
        JsonValue json;
        try {
            json = Json.parse(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | MalformedJsonException e) {
            throw new BadCredential("The bearer token's payload is not base64url JSON.");
        }
        if (!(json instanceof JsonObject o)) {
            throw new BadCredential("The bearer token's payload is not a JSON object.");
        }
        Map<String, String> claims = new LinkedHashMap<>();
        o.members().forEach((name, value) -> claims.put(name, flatten(value)));
        return claims;
    }

    /** API Gateway's rendering of a claim as a string. */
    private static String flatten(JsonValue value) {
        return switch (value) {
            case JsonString s -> s.value();
            case JsonNumber n -> n.value().toPlainString();
            case JsonArray a -> {
                List<String> parts = new ArrayList<>();
                for (JsonValue v : a.elements()) {
                    parts.add(flatten(v));
                }
                yield "[" + String.join(" ", parts) + "]";
            }
            default -> Json.write(value);
        };
    }
}
