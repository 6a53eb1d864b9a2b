package com.memberpoints.bench.startup;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Invokes an HTTP API handler with an API Gateway v2 event built in code (the runtime's own JSON
 * deserialisation of the event is paid equally by every Java handler and is not measured).
 */
final class HttpInvocation {
    private HttpInvocation() {}

    @SuppressWarnings("unchecked")
    static String invoke(Object handler, String[] args) {
        if (args.length < 4) {
            throw new IllegalArgumentException("http mode needs <handlerClass> <routeKey> <rawPath>");
        }
        String routeKey = args[2];
        String rawPath = args[3];
        String claims = args.length > 4 ? args[4] : "-";
        String body = args.length > 5 ? args[5] : "-";
        String method = routeKey.substring(0, routeKey.indexOf(' '));

        var context = APIGatewayV2HTTPEvent.RequestContext.builder()
                .withRequestId("bench")
                .withRouteKey(routeKey)
                .withStage("$default")
                .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                        .withMethod(method).withPath(rawPath).withProtocol("HTTP/1.1").withSourceIp("127.0.0.1").build());
        if (!claims.equals("-")) {
            context.withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                    .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder().withClaims(form(claims)).build())
                    .build());
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/json");
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(routeKey)
                .withRawPath(rawPath)
                .withRawQueryString("")
                .withHeaders(headers)
                .withBody(body.equals("-") ? null : body)
                .withIsBase64Encoded(false)
                .withRequestContext(context.build())
                .build();
        APIGatewayV2HTTPResponse response = ((RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>) handler)
                .handleRequest(event, new ProbeContext("bench-http"));
        return response.getStatusCode() + " " + response.getBody();
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }
}
