package com.memberpoints.bench.startup;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Runs in a fresh JVM started by the first-invoke benchmark (issue 15): builds one HTTP handler the way the Lambda
 * runtime does (no-arg constructor, which registers it with {@code Priming}), optionally runs what SnapStart runs
 * before the snapshot (what its CRaC {@code beforeCheckpoint} runs: the handler's {@code prime()}, then the
 * container's priming {@code GetItem} of {@code Priming}), then times the first real invocation and a second (warm) one in-process.
 * Prints {@code FIRSTINVOKE <status> <first ms> <warm ms> <prime ms>}.
 *
 * <pre>
 *   FirstInvokeProbe prime|noprime &lt;handlerClass&gt; &lt;routeKey&gt; &lt;rawPath&gt; &lt;claims a=b&amp;c=d | -&gt; &lt;body | -&gt;
 * </pre>
 */
public final class FirstInvokeProbe {
    public static final String MARKER = "FIRSTINVOKE ";

    private FirstInvokeProbe() {}

    public static void main(String[] args) throws Exception {
        System.out.println(MARKER + run(args));
        System.out.flush();
        System.exit(0);
    }

    @SuppressWarnings("unchecked")
    static String run(String[] args) throws Exception {
        if (args.length != 6) {
            throw new IllegalArgumentException("usage: FirstInvokeProbe prime|noprime <handlerClass> <routeKey> <rawPath> <claims> <body>");
        }
        boolean prime = switch (args[0]) {
            case "prime" -> true;
            case "noprime" -> false;
            default -> throw new IllegalArgumentException("mode " + args[0]);
        };
        var handler = (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>)
                Class.forName(args[1]).getConstructor().newInstance();
        long primeNanos = 0;
        if (prime) {
            long t = System.nanoTime();
            // What the registered CRaC resources do before the snapshot (org.crac refuses a direct call of the global
            // context's beforeCheckpoint off a CRaC JVM): the handler's prime(), then the container's priming GetItem.
            ((com.memberpoints.functions.platform.http.ApiHandler) handler).prime();
            String table = System.getenv("TABLE_NAME");
            if (table != null && !table.isBlank()
                    && !com.memberpoints.functions.platform.Priming.dynamoDbRoundTrip(
                            com.memberpoints.functions.platform.Wiring.aws().dynamoDb(), table)) {
                throw new IllegalStateException("the priming round trip failed");
            }
            primeNanos = System.nanoTime() - t;
        }
        APIGatewayV2HTTPEvent event = event(args[2], args[3], args[4], args[5]);
        long t1 = System.nanoTime();
        APIGatewayV2HTTPResponse first = handler.handleRequest(event, new ProbeContext("bench-first-invoke"));
        long firstNanos = System.nanoTime() - t1;
        long t2 = System.nanoTime();
        APIGatewayV2HTTPResponse second = handler.handleRequest(event, new ProbeContext("bench-first-invoke"));
        long warmNanos = System.nanoTime() - t2;
        if (first.getStatusCode() != second.getStatusCode()) {
            throw new IllegalStateException("first and second invocation answered differently: "
                    + first.getStatusCode() + " vs " + second.getStatusCode());
        }
        String body = first.getBody() == null ? "" : first.getBody().replace('\n', ' ');
        return String.format(Locale.ROOT, "%d %.1f %.1f %.1f %s", first.getStatusCode(), firstNanos / 1e6, warmNanos / 1e6,
                primeNanos / 1e6, body.length() > 80 ? body.substring(0, 77) + "..." : body);
    }

    /** An API Gateway v2 event for {@code routeKey} ("GET /v1/admin/members/{memberId}/points") at {@code rawPath}. */
    static APIGatewayV2HTTPEvent event(String routeKey, String rawPath, String claims, String body) {
        String method = routeKey.substring(0, routeKey.indexOf(' '));
        String template = routeKey.substring(routeKey.indexOf(' ') + 1);
        Map<String, String> pathParameters = new LinkedHashMap<>();
        String[] t = template.split("/");
        String[] p = rawPath.split("/");
        for (int i = 0; i < t.length && i < p.length; i++) {
            if (t[i].startsWith("{") && t[i].endsWith("}")) {
                pathParameters.put(t[i].substring(1, t[i].length() - 1), p[i]);
            }
        }
        var context = APIGatewayV2HTTPEvent.RequestContext.builder()
                .withRequestId("bench").withRouteKey(routeKey).withStage("$default")
                .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                        .withMethod(method).withPath(rawPath).withProtocol("HTTP/1.1").withSourceIp("127.0.0.1").build());
        if (!claims.equals("-")) {
            Map<String, String> c = new LinkedHashMap<>();
            for (String pair : claims.split("&")) {
                int eq = pair.indexOf('=');
                c.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
            context.withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                    .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder().withClaims(c).build()).build());
        }
        return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey(routeKey).withRawPath(rawPath)
                .withRawQueryString("").withHeaders(Map.of("content-type", "application/json"))
                .withPathParameters(pathParameters.isEmpty() ? null : pathParameters)
                .withBody(body.equals("-") ? null : body).withIsBase64Encoded(false)
                .withRequestContext(context.build()).build();
    }
}
