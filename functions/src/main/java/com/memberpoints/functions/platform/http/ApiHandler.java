package com.memberpoints.functions.platform.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.memberpoints.functions.platform.log.JsonLogger;

import com.memberpoints.domain.model.InvalidInputException;
import com.memberpoints.functions.platform.json.FieldReader;
import com.memberpoints.functions.platform.json.Json;

import org.crac.Resource;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The base every HTTP Lambda handler stands on. Extend one of {@link PublicApiHandler},
 * {@link MemberApiHandler} or {@link StaffApiHandler}; this class then, for every invocation:
 * <ol>
 *   <li>authorizes the caller from the JWT claims by the handler's {@link Access} (401/403) before any handler code runs;</li>
 *   <li>runs the handler with an {@link ApiRequest} (strict body, validated parameters);</li>
 *   <li>turns any failure into a problem answer through {@link Problems} (the one mapping place);</li>
 *   <li>adds {@code x-request-id}, {@code cache-control: no-store}, {@code x-content-type-options: nosniff};</li>
 *   <li>writes one structured access-log line (requestId, route, merchantId, status, durationMs; for
 *       5xx the error class and stack trace — in the log only).</li>
 * </ol>
 *
 * <p>SnapStart: every handler registers itself as a CRaC {@link Resource}; before the snapshot,
 * {@link #prime()} runs a request through the whole pipeline so its classes are loaded and
 * initialised in the snapshot. Handlers that own clients override {@code prime()} to warm them with
 * a read-only call, calling {@code super.prime()} first.
 */
public abstract class ApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>, Resource {

    /** Default body limit; a handler taking big bodies (bulk ids) overrides {@link #maxBodyBytes()}. */
    public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;

    private final Access access;
    private final JsonLogger logger;

    ApiHandler(Access access, JsonLogger logger) {
        this.access = Objects.requireNonNull(access, "access");
        this.logger = Objects.requireNonNull(logger, "logger");
        com.memberpoints.functions.platform.Priming.beforeSnapshot(this);
    }

    /** Who may call this handler's route (read by the route table tests and the authorization matrix). */
    public final Access access() {
        return access;
    }

    /** Largest accepted request body in bytes. */
    protected int maxBodyBytes() {
        return DEFAULT_MAX_BODY_BYTES;
    }

    /** Runs the handler's own code for an authorized caller (empty only for {@link Access.Public}). */
    abstract ApiResponse dispatch(ApiRequest request, Optional<Caller> caller);

    @Override
    public final APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        String requestId = context != null && context.getAwsRequestId() != null
                ? context.getAwsRequestId() : UUID.randomUUID().toString();
        logger.start(requestId, context == null ? null : context.getFunctionName());
        try {
            return process(event, requestId, false);
        } finally {
            logger.finish(); // the invocation's metrics, one EMF line
        }
    }

    private APIGatewayV2HTTPResponse process(APIGatewayV2HTTPEvent event, String requestId, boolean priming) {
        long started = System.nanoTime();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("requestId", requestId);
        fields.put("route", event == null ? null : event.getRouteKey());
        if (event != null && event.getRequestContext() != null) {
            fields.put("apiRequestId", event.getRequestContext().getRequestId());
        }
        ApiResponse response;
        Throwable failure = null;
        Problems.Mapped problem = null;
        try {
            if (event == null) {
                throw new IllegalArgumentException("no event");
            }
            Optional<Caller> caller = access.authorize(Claims.of(event), event.getPathParameters());
            if (caller.isPresent()) { // plain code, not a lambda: every lambda spins a class at first use
                fields.put("merchantId", caller.get().merchantId().value());
                fields.put("caller", caller.get() instanceof Caller.Member ? "member" : "staff");
            }
            RequestLog log = new RequestLog(priming ? JsonLogger.discarding() : logger, fields);
            response = dispatch(new ApiRequest(event, requestId, maxBodyBytes(), log), caller);
        } catch (RuntimeException | StackOverflowError e) {
            failure = e;
            problem = Problems.toResponse(e, requestId);
            response = problem.response();
        }
        response = response
                .withHeader("x-request-id", requestId)
                .withHeader("cache-control", "no-store")
                .withHeader("x-content-type-options", "nosniff");
        if (!priming) {
            logAccess(fields, response.status(), started, problem, failure);
        }
        return response.toEvent();
    }

    private void logAccess(Map<String, Object> fields, int status, long started, Problems.Mapped problem, Throwable failure) {
        Map<String, Object> line = new LinkedHashMap<>(fields);
        line.put("status", status);
        line.put("durationMs", (System.nanoTime() - started) / 1_000_000L);
        if (problem == null) {
            logger.info("request handled", line);
        } else if (problem.serverFault()) {
            line.put("problem", problem.type().slug());
            logger.error("request failed", line, failure);
        } else {
            line.put("problem", problem.type().slug());
            line.put("detail", failure.getMessage());
            logger.info("request refused", line);
        }
    }

    /**
     * Loads and initialises the request pipeline (claims, problem mapping, JSON) by running a
     * synthetic, unauthenticated request through it — member and staff handlers answer 401 before
     * their code runs, so no data is read or written; nothing is logged. (A public handler's code does
     * run: public routes must stay read-only, like health.) Called before a SnapStart snapshot;
     * subclasses add their own read-only warm-up after {@code super.prime()}.
     */
    public void prime() {
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey("PRIME /")
                .withRawPath("/")
                .withHeaders(Map.of("content-type", "application/json"))
                .withBody("{\"priming\":true}")
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withRequestId("priming").build())
                .build();
        process(event, "priming", true);
        try {
            FieldReader.read(Json.parse("{\"amount\":\"1.00\",\"points\":1,\"extra\":[true]}"),
                    r -> new Object[] {r.decimal("amount", BigDecimal.ZERO, BigDecimal.TEN, 2), r.integer("points", 0, 9)});
        } catch (InvalidInputException expected) {
            Problems.toResponse(expected, "priming"); // "extra" is unknown: primes the 400 path too
        }
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        prime();
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // Nothing by default: clients re-resolve credentials themselves. Override to refresh per-instance state.
    }
}
