package com.memberpoints.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.memberpoints.functions.platform.ApiRoutes;
import com.memberpoints.functions.platform.http.ApiException;
import com.memberpoints.functions.platform.http.ApiHandler;
import com.memberpoints.functions.platform.http.Problems;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * The local API: serves every route of {@link ApiRoutes} on a loopback address through the real
 * handler classes. Each HTTP request becomes an API Gateway HTTP API (payload 2.0) event — method, raw
 * path, query parameters (repeated ones comma-joined), lower-case headers, body (base64 unless
 * textual), route key, path parameters, and the caller's claims from the local caller scheme
 * ({@link LocalCaller}) — and the handler's response is written back.
 *
 * <p>Like Lambda, each handler class has one instance, serving one request at a time: the local
 * stack's ({@link LocalStack}, built through the port-taking constructors on local adapters), or one
 * made with the no-arg constructor (the AWS wiring) by {@link #start(String, int, List)}.
 */
public final class LocalServer implements AutoCloseable {
    /** API Gateway's payload limit. */
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;
    private static final DateTimeFormatter API_GW_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final HttpServer server;
    private final ExecutorService executor;
    private final RouteTable table;
    private final Map<Class<? extends ApiHandler>, ApiHandler> handlers = new ConcurrentHashMap<>();
    private final Function<Class<? extends ApiHandler>, Optional<ApiHandler>> source;

    private LocalServer(HttpServer server, ExecutorService executor, RouteTable table,
                        Function<Class<? extends ApiHandler>, Optional<ApiHandler>> source) {
        this.server = server;
        this.executor = executor;
        this.table = table;
        this.source = source;
    }

    /**
     * Starts serving {@code routes} on {@code host:port} (port 0: any free port), each handler class
     * created once with its no-arg constructor, as Lambda does.
     */
    public static LocalServer start(String host, int port, List<ApiRoutes.Route> routes) throws IOException {
        return start(host, port, routes, LocalServer::instantiate);
    }

    /**
     * Starts serving {@code routes} with the handler instances {@code source} gives (the local stack's,
     * built on local adapters); a route whose handler it does not give answers 503 naming the handler.
     */
    public static LocalServer start(String host, int port, List<ApiRoutes.Route> routes,
                                    Function<Class<? extends ApiHandler>, Optional<ApiHandler>> source) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 64);
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        LocalServer local = new LocalServer(server, executor, new RouteTable(routes), source);
        server.createContext("/", local::serve);
        server.setExecutor(executor);
        server.start();
        return local;
    }

    public URI baseUri() {
        InetSocketAddress a = server.getAddress();
        return URI.create("http://" + a.getHostString() + ":" + a.getPort());
    }

    public List<ApiRoutes.Route> routes() {
        return table.routes();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void serve(HttpExchange exchange) throws IOException {
        String requestId = UUID.randomUUID().toString();
        try (exchange) {
            APIGatewayV2HTTPResponse response;
            try {
                response = dispatch(exchange, requestId);
            } catch (ApiException e) {
                response = problem(e, requestId);
            } catch (LocalCaller.BadCredential e) {
                response = problem(ApiException.unauthorized(e.getMessage()), requestId);
            } catch (RuntimeException e) {
                // A bug in the local server itself (handlers never throw): same generic answer as AWS would give.
                e.printStackTrace();
                response = problem(e, requestId);
            }
            write(exchange, withLocalCallerHint(response));
        }
    }

    /** Local stack only: the hint a newcomer needs after a 401 (deployed, API Gateway's JWT authorizer answers it). */
    static final String LOCAL_CALLER_HINT = "Locally, call with -H 'X-Local-Caller: merchant_id=demo-shop&member_id=alice' (a member) or "
            + "-H 'X-Local-Caller: merchant_id=demo-shop&staff_id=bob&permissions=member_points+customer_management' (staff), "
            + "or a Bearer token whose payload carries those claims (local/README.md).";

    static APIGatewayV2HTTPResponse withLocalCallerHint(APIGatewayV2HTTPResponse response) {
        String body = response.getBody();
        if (response.getStatusCode() != 401 || body == null || !body.trim().endsWith("}") || response.getIsBase64Encoded()) {
            return response;
        }
        String trimmed = body.trim();
        String hint = ",\"localHint\":\"" + LOCAL_CALLER_HINT.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
        response.setBody(trimmed.substring(0, trimmed.length() - 1) + hint);
        return response;
    }

    private static APIGatewayV2HTTPResponse problem(RuntimeException e, String requestId) {
        return Problems.toResponse(e, requestId).response().withHeader("x-request-id", requestId).toEvent();
    }

    private APIGatewayV2HTTPResponse dispatch(HttpExchange exchange, String requestId) throws IOException {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        URI uri = exchange.getRequestURI();
        String rawPath = uri.getRawPath();
        RouteTable.Match match = table.match(method, rawPath);
        RouteTable.Found found = switch (match) {
            case RouteTable.Found f -> f;
            case RouteTable.MethodNotAllowed m -> throw ApiException.methodNotAllowed(String.join(", ", m.allowed()));
            case RouteTable.NotFound n -> throw ApiException.notFound("No route for " + method + " " + rawPath + ".");
        };
        byte[] body = readBody(exchange.getRequestBody());
        APIGatewayV2HTTPEvent event = toEvent(exchange, method, rawPath, uri.getRawQuery(), body, found, requestId);
        Class<? extends ApiHandler> type = found.route().handler();
        ApiHandler handler = handlers.get(type);
        if (handler == null) {
            handler = source.apply(type).orElseThrow(() -> ApiException.serviceUnavailable(
                    type.getSimpleName() + " is not wired into the local stack yet (see local/README.md).", 60));
            ApiHandler raced = handlers.putIfAbsent(type, handler);
            handler = raced == null ? handler : raced;
        }
        synchronized (handler) {
            return handler.handleRequest(event, new LocalContext(requestId, found.route().handler().getSimpleName()));
        }
    }

    private static Optional<ApiHandler> instantiate(Class<? extends ApiHandler> type) {
        try {
            return Optional.of(type.getConstructor().newInstance());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + type.getName() + " with its no-arg constructor", e);
        }
    }

    private static byte[] readBody(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            throw ApiException.payloadTooLarge(MAX_BODY_BYTES);
        }
        return bytes;
    }

    static APIGatewayV2HTTPEvent toEvent(HttpExchange exchange, String method, String rawPath, String rawQuery,
                                         byte[] body, RouteTable.Found found, String requestId) {
        Headers in = exchange.getRequestHeaders();
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> cookies = new ArrayList<>();
        in.forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("cookie")) {
                for (String v : values) {
                    for (String c : v.split(";")) {
                        if (!c.isBlank()) {
                            cookies.add(c.trim());
                        }
                    }
                }
            } else {
                headers.put(lower, String.join(",", values));
            }
        });
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String k = PercentDecoding.decode(eq < 0 ? pair : pair.substring(0, eq), true);
                String v = eq < 0 ? "" : PercentDecoding.decode(pair.substring(eq + 1), true);
                query.merge(k, v, (a, b) -> a + "," + b);
            }
        }
        Optional<Map<String, String>> claims = LocalCaller.claims(
                Optional.ofNullable(in.getFirst(LocalCaller.HEADER)), Optional.ofNullable(in.getFirst("Authorization")));
        boolean textual = isTextual(headers.get("content-type"));
        Instant now = Instant.now();
        var http = APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                .withMethod(method)
                .withPath(rawPath)
                .withProtocol(exchange.getProtocol())
                .withSourceIp(exchange.getRemoteAddress().getAddress().getHostAddress())
                .withUserAgent(headers.getOrDefault("user-agent", ""))
                .build();
        var context = APIGatewayV2HTTPEvent.RequestContext.builder()
                .withAccountId("000000000000")
                .withApiId("local")
                .withDomainName(headers.getOrDefault("host", "127.0.0.1"))
                .withDomainPrefix("local")
                .withStage("$default")
                .withRequestId(requestId)
                .withRouteKey(found.route().routeKey())
                .withTime(API_GW_TIME.format(now))
                .withTimeEpoch(now.toEpochMilli())
                .withHttp(http);
        claims.ifPresent(c -> context.withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                        .withClaims(c).withScopes(null).build())
                .build()));
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(found.route().routeKey())
                .withRawPath(rawPath)
                .withRawQueryString(rawQuery == null ? "" : rawQuery)
                .withCookies(cookies.isEmpty() ? null : cookies)
                .withHeaders(headers)
                .withQueryStringParameters(query.isEmpty() ? null : query)
                .withPathParameters(found.pathParameters().isEmpty() ? null : found.pathParameters())
                .withBody(body.length == 0 ? null
                        : textual ? new String(body, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(body))
                .withIsBase64Encoded(body.length > 0 && !textual)
                .withRequestContext(context.build())
                .build();
    }

    private static boolean isTextual(String contentType) {
        if (contentType == null) {
            return true;
        }
        String ct = contentType.toLowerCase(Locale.ROOT);
        return ct.startsWith("text/") || ct.contains("json") || ct.contains("xml")
                || ct.startsWith("application/x-www-form-urlencoded") || ct.startsWith("application/javascript");
    }

    private static void write(HttpExchange exchange, APIGatewayV2HTTPResponse response) throws IOException {
        Headers out = exchange.getResponseHeaders();
        if (response.getHeaders() != null) {
            response.getHeaders().forEach(out::set);
        }
        if (response.getMultiValueHeaders() != null) {
            response.getMultiValueHeaders().forEach((k, vs) -> vs.forEach(v -> out.add(k, v)));
        }
        if (response.getCookies() != null) {
            response.getCookies().forEach(c -> out.add("set-cookie", c));
        }
        String body = response.getBody() == null ? "" : response.getBody();
        byte[] bytes = response.getIsBase64Encoded() ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
        int status = response.getStatusCode();
        if (bytes.length == 0) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream os = exchange.getResponseBody()) {
            os.write(bytes);
        }
    }
}
