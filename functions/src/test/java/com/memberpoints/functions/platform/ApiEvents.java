package com.memberpoints.functions.platform;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.memberpoints.functions.platform.http.Claims;
import com.memberpoints.functions.platform.http.Permission;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * API Gateway v2 fixtures with a chosen caller: the building block of route tests and of the
 * authorization matrix (every route × no token, another merchant's staff, member A on member B,
 * staff without the permission).
 */
public final class ApiEvents {
    private ApiEvents() {}

    public static APIGatewayV2HTTPEvent load(String fixture) {
        return EventLoader.loadApiGatewayHttpEvent(fixture);
    }

    /** The event with the authorizer's claims replaced ({@code Optional.empty()}: no token at all). */
    public static APIGatewayV2HTTPEvent as(APIGatewayV2HTTPEvent event, Optional<Map<String, String>> claims) {
        var context = event.getRequestContext();
        if (claims.isEmpty()) {
            context.setAuthorizer(null);
        } else {
            context.setAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                    .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                            .withClaims(new LinkedHashMap<>(claims.get())).build())
                    .build());
        }
        return event;
    }

    public static Optional<Map<String, String>> member(String merchant, String member) {
        return Optional.of(Map.of(Claims.MERCHANT_ID, merchant, Claims.MEMBER_ID, member, "sub", member));
    }

    public static Optional<Map<String, String>> staff(String merchant, String staff, Permission... permissions) {
        StringJoiner list = new StringJoiner(" ", "[", "]");
        for (Permission p : permissions) {
            list.add(p.claimValue());
        }
        return Optional.of(Map.of(Claims.MERCHANT_ID, merchant, Claims.STAFF_ID, staff,
                Claims.PERMISSIONS, list.toString(), "sub", staff));
    }

    public static Optional<Map<String, String>> noToken() {
        return Optional.empty();
    }
}
