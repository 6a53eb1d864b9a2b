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
        if (args.length == 4 && args[1].equals("--sample")) {
            Priming priming = switch (args[0]) {
                case "prime" -> Priming.FULL;
                case "noprime" -> Priming.NONE;
                case "prime-main" -> Priming.MAIN;
                default -> throw new IllegalArgumentException("mode " + args[0]);
            };
            return runSample(priming, args[2], java.nio.file.Path.of(args[3]));
        }
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
            primeAsBeforeSnapshot(handler);
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

    /**
     * What the registered CRaC resources do before the snapshot (org.crac refuses a direct call of the global
     * context's beforeCheckpoint off a CRaC JVM): the handler's own hook (its {@code prime()}), then the container's
     * ({@code Priming.primeContainer()}: the canned SDK calls of its services and the one real {@code GetItem}).
     */
    static void primeAsBeforeSnapshot(Object handler) throws Exception {
        ((org.crac.Resource) handler).beforeCheckpoint(null);
        com.memberpoints.functions.platform.Priming.primeContainer();
    }

    /**
     * A function's sample event (events/*.json) invoked the way the Lambda runtime does: a stream handler gets the
     * bytes; a typed handler gets the event deserialized by the Lambda runtime's own serializers
     * (aws-lambda-java-serialization, on the probe's class path only). The status is the HTTP status for the API,
     * "ok" for an event handled without failures, "partial:N" for N batch items reported failed, "threw:Type" for
     * an invocation that threw (the function would fail, and Lambda retry, the event).
     */
    /**
     * What runs before the (simulated) snapshot: nothing; the full priming of this branch; or main's priming before
     * issue 15's invoke priming was extended (the handler's {@code prime()} and the one real {@code GetItem}).
     */
    enum Priming { NONE, FULL, MAIN }

    static String runSample(Priming priming, String handlerClass, java.nio.file.Path sample) throws Exception {
        Object handler = Class.forName(handlerClass).getConstructor().newInstance();
        long primeNanos = 0;
        if (priming != Priming.NONE) {
            long t = System.nanoTime();
            if (priming == Priming.FULL) {
                primeAsBeforeSnapshot(handler);
            } else {
                ((org.crac.Resource) handler).beforeCheckpoint(null);
                String table = System.getenv("TABLE_NAME");
                if (table != null && !table.isBlank()) {
                    com.memberpoints.functions.platform.Priming.dynamoDbRoundTrip(
                            com.memberpoints.functions.platform.Wiring.aws().dynamoDb(), table);
                }
            }
            primeNanos = System.nanoTime() - t;
        }
        byte[] bytes = java.nio.file.Files.readAllBytes(sample);
        // The runtime's deserialization happens before the handler is called: outside the clock (as the HTTP mode's
        // event building), for the first and the warm invocation alike.
        Object firstEvent = event(handler, bytes);
        Object secondEvent = event(handler, bytes);
        String[] detail = new String[1];
        boolean marks = Boolean.getBoolean("probe.marks"); // with -Xlog:class+load:stdout: what the first invoke loads
        if (marks) {
            System.out.println("PROBE-MARK first-invoke-start");
        }
        long t1 = System.nanoTime();
        String first = invoke(handler, firstEvent, detail);
        long firstNanos = System.nanoTime() - t1;
        if (marks) {
            System.out.println("PROBE-MARK first-invoke-end");
        }
        long t2 = System.nanoTime();
        String second = invoke(handler, secondEvent, new String[1]);
        long warmNanos = System.nanoTime() - t2;
        return String.format(Locale.ROOT, "%s %.1f %.1f %.1f warm:%s %s", first, firstNanos / 1e6, warmNanos / 1e6,
                primeNanos / 1e6, second, detail[0] == null ? "" : detail[0]);
    }

    private static Object event(Object handler, byte[] bytes) throws Exception {
        return handler instanceof com.amazonaws.services.lambda.runtime.RequestStreamHandler ? bytes
                : deserialize(inputType(handler.getClass()), bytes);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static String invoke(Object handler, Object event, String[] detail) throws java.io.IOException {
        try {
            if (handler instanceof com.amazonaws.services.lambda.runtime.RequestStreamHandler stream) {
                stream.handleRequest(new java.io.ByteArrayInputStream((byte[]) event), new java.io.ByteArrayOutputStream(),
                        new ProbeContext("bench-first-invoke"));
                return "ok";
            }
            Object out = ((RequestHandler) handler).handleRequest(event, new ProbeContext("bench-first-invoke"));
            if (out instanceof APIGatewayV2HTTPResponse r) {
                String body = r.getBody() == null ? "" : r.getBody().replace('\n', ' ');
                int d = body.indexOf("\"detail\"");
                String shown = d >= 0 ? body.substring(d) : body;
                detail[0] = r.getStatusCode() >= 300 ? (shown.length() > 140 ? shown.substring(0, 137) + "..." : shown) : null;
                return Integer.toString(r.getStatusCode());
            }
            if (out instanceof com.amazonaws.services.lambda.runtime.events.SQSBatchResponse r) {
                return r.getBatchItemFailures() == null || r.getBatchItemFailures().isEmpty() ? "ok"
                        : "partial:" + r.getBatchItemFailures().size();
            }
            if (out instanceof com.amazonaws.services.lambda.runtime.events.StreamsEventResponse r) {
                return r.getBatchItemFailures() == null || r.getBatchItemFailures().isEmpty() ? "ok"
                        : "partial:" + r.getBatchItemFailures().size();
            }
            return "ok";
        } catch (RuntimeException e) {
            detail[0] = String.valueOf(e.getMessage()).replace('\n', ' ');
            detail[0] = detail[0].length() > 100 ? detail[0].substring(0, 97) + "..." : detail[0];
            return "threw:" + e.getClass().getSimpleName();
        }
    }

    private static Class<?> inputType(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (java.lang.reflect.Type t : c.getGenericInterfaces()) {
                if (t instanceof java.lang.reflect.ParameterizedType p && p.getRawType() == RequestHandler.class) {
                    java.lang.reflect.Type arg = p.getActualTypeArguments()[0];
                    return arg instanceof java.lang.reflect.ParameterizedType pa ? (Class<?>) pa.getRawType() : (Class<?>) arg;
                }
            }
        }
        throw new IllegalArgumentException(type + " is not a RequestHandler");
    }

    /** The Lambda runtime's deserialization (reflection: the serialization jar is on the probe's class path only). */
    private static Object deserialize(Class<?> type, byte[] event) throws Exception {
        ClassLoader loader = FirstInvokeProbe.class.getClassLoader();
        Object serializer;
        if (type.getName().startsWith("com.amazonaws.services.lambda.runtime.events.")) {
            serializer = Class.forName("com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers")
                    .getMethod("serializerFor", Class.class, ClassLoader.class).invoke(null, type, loader);
        } else {
            Object factory = Class.forName("com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory")
                    .getMethod("getInstance").invoke(null);
            serializer = factory.getClass().getMethod("getSerializer", Class.class).invoke(factory, type);
        }
        java.lang.reflect.Method fromJson = Class.forName("com.amazonaws.services.lambda.runtime.serialization.PojoSerializer")
                .getMethod("fromJson", java.io.InputStream.class);
        return fromJson.invoke(serializer, new java.io.ByteArrayInputStream(event));
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
