package com.memberpoints.functions.platform.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.memberpoints.functions.platform.CapturedLog;
import com.memberpoints.functions.platform.TestContext;
import com.memberpoints.functions.platform.json.Json;
import com.memberpoints.functions.platform.json.JsonArray;
import com.memberpoints.functions.platform.json.JsonNumber;
import com.memberpoints.functions.platform.json.JsonObject;
import com.memberpoints.functions.platform.json.JsonString;
import com.memberpoints.functions.platform.json.JsonValue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ApiHandlerTest {

    private static final String ADJUSTMENT = "events/staff-member-points-adjustment.json";
    private final CapturedLog log = new CapturedLog();
    private final TestContext context = new TestContext();

    private static JsonObject body(APIGatewayV2HTTPResponse response) {
        return (JsonObject) Json.parse(response.getBody());
    }

    private static String str(JsonObject o, String name) {
        return ((JsonString) o.get(name).orElseThrow()).value();
    }

    private static List<String> fieldsOf(JsonObject problem) {
        List<String> out = new ArrayList<>();
        for (JsonValue e : ((JsonArray) problem.get("errors").orElseThrow()).elements()) {
            out.add(str((JsonObject) e, "field"));
        }
        return out;
    }

    private static void assertProblem(APIGatewayV2HTTPResponse response, int status, String slug) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders()).containsEntry("content-type", "application/problem+json");
        JsonObject p = body(response);
        assertThat(str(p, "type")).isEqualTo("urn:member-points:problem:" + slug);
        assertThat(((JsonNumber) p.get("status").orElseThrow()).value().intValue()).isEqualTo(status);
        assertThat(p.get("title")).isPresent();
        assertThat(p.get("detail")).isPresent();
    }

    private APIGatewayV2HTTPEvent adjustmentWithBody(String body) {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent(ADJUSTMENT);
        event.setBody(body);
        return event;
    }

    @ParameterizedTest
    @Event(value = ADJUSTMENT, type = APIGatewayV2HTTPEvent.class)
    void staffWithThePermissionReachesTheHandlerWithParsedBodyAndCaller(APIGatewayV2HTTPEvent event) {
        var handler = new TestHandlers.AdjustPoints(log.logger());
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, context);

        assertThat(response.getStatusCode()).isEqualTo(201);
        assertThat(response.getHeaders())
                .containsEntry("content-type", "application/json")
                .containsEntry("location", "/v1/admin/members/mem-42/points")
                .containsEntry("x-request-id", context.getAwsRequestId())
                .containsEntry("cache-control", "no-store");
        assertThat(response.getBody()).isEqualTo("{\"points\":120,\"cashValue\":\"12.0\"}");
        assertThat(handler.last).isEqualTo(new TestHandlers.Adjustment(
                com.memberpoints.domain.model.MemberId.of("mem-42"), 120, "Birthday gift", true));
        assertThat(handler.lastCaller.staffId().value()).isEqualTo("staff-7");
        assertThat(handler.lastCaller.permissions())
                .containsExactlyInAnyOrder(Permission.MEMBER_POINTS, Permission.CUSTOMER_MANAGEMENT);
    }

    @ParameterizedTest
    @Event(value = "events/no-token-adjustment.json", type = APIGatewayV2HTTPEvent.class)
    void noTokenIs401(APIGatewayV2HTTPEvent event) {
        var handler = new TestHandlers.AdjustPoints(log.logger());
        assertProblem(handler.handleRequest(event, context), 401, "unauthorized");
        assertThat(handler.last).isNull();
    }

    @ParameterizedTest
    @Event(value = "events/staff-view-only-adjustment.json", type = APIGatewayV2HTTPEvent.class)
    void staffWithoutThePermissionIs403NamingIt(APIGatewayV2HTTPEvent event) {
        var handler = new TestHandlers.AdjustPoints(log.logger());
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, context);
        assertProblem(response, 403, "forbidden");
        assertThat(str(body(response), "detail")).contains("member_points");
        assertThat(handler.last).isNull();
    }

    @ParameterizedTest
    @Event(value = "events/member-on-admin-adjustment.json", type = APIGatewayV2HTTPEvent.class)
    void memberOnAnAdminRouteIs403(APIGatewayV2HTTPEvent event) {
        var handler = new TestHandlers.AdjustPoints(log.logger());
        assertProblem(handler.handleRequest(event, context), 403, "forbidden");
        assertThat(handler.last).isNull();
    }

    @ParameterizedTest
    @Event(value = "events/staff-on-storefront.json", type = APIGatewayV2HTTPEvent.class)
    void staffOnAStorefrontRouteIs403EvenWithEveryPermission(APIGatewayV2HTTPEvent event) {
        assertProblem(new TestHandlers.MyPoints(log.logger()).handleRequest(event, context), 403, "forbidden");
    }

    @ParameterizedTest
    @Event(value = "events/member-get-points.json", type = APIGatewayV2HTTPEvent.class)
    void memberReachesOnlyTheirOwnIdentityFromTheToken(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = new TestHandlers.MyPoints(log.logger()).handleRequest(event, context);
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(body(response)).isEqualTo(JsonObject.builder()
                .put("memberId", "mem-42").put("merchantId", "shop-1").build());
    }

    @Test
    void unknownAndReadOnlyFieldsAreRefusedTogetherNamingEachField() {
        var handler = new TestHandlers.AdjustPoints(log.logger());
        APIGatewayV2HTTPResponse response = handler.handleRequest(adjustmentWithBody(
                "{\"points\":5,\"reason\":\"x\",\"pionts\":3,\"balance\":\"10\"}"), context);

        assertProblem(response, 400, "invalid-input");
        assertThat(fieldsOf(body(response))).containsExactlyInAnyOrder("pionts", "balance");
        assertThat(response.getBody()).contains("is not a known field").contains("is read-only");
        assertThat(handler.last).isNull();
    }

    @Test
    void everyInvalidFieldIsNamedWithItsProblem() {
        var handler = new TestHandlers.AdjustPoints(log.logger());
        APIGatewayV2HTTPResponse response = handler.handleRequest(adjustmentWithBody(
                "{\"points\":1.5,\"sendEmail\":\"yes\"}"), context);

        assertProblem(response, 400, "invalid-input");
        JsonObject p = body(response);
        assertThat(fieldsOf(p)).containsExactlyInAnyOrder("points", "reason", "sendEmail");
        assertThat(response.getBody()).contains("must be an integer written without a fraction or an exponent").contains("is required").contains("must be true or false");
    }

    @Test
    void malformedJsonIs400WithThePosition() {
        APIGatewayV2HTTPResponse response = new TestHandlers.AdjustPoints(log.logger())
                .handleRequest(adjustmentWithBody("{\"points\": 5,"), context);
        assertProblem(response, 400, "malformed-json");
        assertThat(str(body(response), "detail"))
                .isEqualTo("The body is not valid JSON: the body ends before the JSON value is complete at line 1, column 14.");
    }

    @Test
    void duplicateMembersAreRefusedNamingTheField() {
        APIGatewayV2HTTPResponse response = new TestHandlers.AdjustPoints(log.logger())
                .handleRequest(adjustmentWithBody("{\"points\":5,\"points\":500000,\"reason\":\"x\"}"), context);
        assertProblem(response, 400, "invalid-input");
        assertThat(fieldsOf(body(response))).containsExactly("points");
    }

    @Test
    void aBodyOverTheLimitIs413BeforeParsing() {
        String reason = "x".repeat(70 * 1024);
        var handler = new TestHandlers.AdjustPoints(log.logger());
        APIGatewayV2HTTPResponse response = handler.handleRequest(
                adjustmentWithBody("{\"points\":5,\"reason\":\"" + reason + "\"}"), context);
        assertProblem(response, 413, "payload-too-large");
        assertThat(str(body(response), "detail")).contains(Integer.toString(ApiHandler.DEFAULT_MAX_BODY_BYTES));
    }

    @Test
    void aNonJsonBodyIs415() {
        APIGatewayV2HTTPEvent event = adjustmentWithBody("points=5");
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.put("content-type", "application/x-www-form-urlencoded");
        event.setHeaders(headers);
        assertProblem(new TestHandlers.AdjustPoints(log.logger()).handleRequest(event, context), 415, "unsupported-media-type");
    }

    @Test
    void base64EncodedBodiesAreDecoded() {
        APIGatewayV2HTTPEvent event = adjustmentWithBody(Base64.getEncoder().encodeToString(
                "{\"points\":7,\"reason\":\"Caf\u00e9 visit\"}".getBytes(StandardCharsets.UTF_8)));
        event.setIsBase64Encoded(true);
        var handler = new TestHandlers.AdjustPoints(log.logger());
        assertThat(handler.handleRequest(event, context).getStatusCode()).isEqualTo(201);
        assertThat(handler.last.reason()).isEqualTo("Caf\u00e9 visit");
    }

    @Test
    void anInvalidPathParameterIs400NamingIt() {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent(ADJUSTMENT);
        event.setPathParameters(Map.of("memberId", "bad#id"));
        APIGatewayV2HTTPResponse response = new TestHandlers.AdjustPoints(log.logger()).handleRequest(event, context);
        assertProblem(response, 400, "invalid-input");
        assertThat(fieldsOf(body(response))).containsExactly("memberId");
    }

    @ParameterizedTest
    @Event(value = "events/member-get-points.json", type = APIGatewayV2HTTPEvent.class)
    void anUnexpectedFailureIsAGeneric500WithTheRequestIdAndNoInternalText(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = new TestHandlers.Exploding(log.logger()).handleRequest(event, context);

        assertProblem(response, 500, "internal");
        assertThat(str(body(response), "requestId")).isEqualTo(context.getAwsRequestId());
        assertThat(str(body(response), "detail")).contains(context.getAwsRequestId());
        assertThat(response.getBody())
                .doesNotContain("mp-prod-ledger").doesNotContain("ConditionalCheckFailed")
                .doesNotContain("IllegalStateException").doesNotContain("at com.");

        // ...while the log has everything needed to debug it.
        JsonObject line = log.single();
        assertThat(str(line, "level")).isEqualTo("ERROR");
        assertThat(str(line, "errorClass")).isEqualTo("java.lang.IllegalStateException");
        assertThat(str(line, "stackTrace")).contains("mp-prod-ledger").contains("TestHandlers$Exploding.handle");
        assertThat(str(line, "requestId")).isEqualTo(context.getAwsRequestId());
        assertThat(str(line, "merchantId")).isEqualTo("shop-1");
        assertThat(((JsonNumber) line.get("status").orElseThrow()).value().intValue()).isEqualTo(500);
    }

    @ParameterizedTest
    @Event(value = ADJUSTMENT, type = APIGatewayV2HTTPEvent.class)
    void eachRequestLogsJsonLinesWithTheRequestFields(APIGatewayV2HTTPEvent event) {
        new TestHandlers.AdjustPoints(log.logger()).handleRequest(event, context);

        assertThat(log.lines()).hasSize(2); // the handler's own line, then the access line
        JsonObject own = (JsonObject) Json.parse(log.lines().get(0));
        assertThat(str(own, "message")).isEqualTo("points adjusted");
        assertThat(str(own, "memberId")).isEqualTo("mem-42");
        assertThat(str(own, "route")).isEqualTo(event.getRouteKey());

        JsonObject access = (JsonObject) Json.parse(log.lines().get(1));
        assertThat(access.members().keySet()).contains(
                "timestamp", "level", "message", "requestId", "route", "merchantId", "status", "durationMs");
        assertThat(str(access, "level")).isEqualTo("INFO");
        assertThat(str(access, "requestId")).isEqualTo(context.getAwsRequestId());
        assertThat(str(access, "apiRequestId")).isEqualTo("Bq3xYgLMjoEEMbA=");
        assertThat(str(access, "route")).isEqualTo("POST /v1/admin/members/{memberId}/points/adjustments");
        assertThat(str(access, "merchantId")).isEqualTo("shop-1");
        assertThat(str(access, "caller")).isEqualTo("staff");
        assertThat(((JsonNumber) access.get("status").orElseThrow()).value().intValue()).isEqualTo(201);
        assertThat(((JsonNumber) access.get("durationMs").orElseThrow()).value().longValue()).isNotNegative();
        assertThat(access.get("stackTrace")).isEmpty();
    }

    @Test
    void aRefusalIsLoggedWithItsProblemAndWithoutAStack() {
        new TestHandlers.AdjustPoints(log.logger()).handleRequest(adjustmentWithBody("{}"), context);
        JsonObject line = log.single();
        assertThat(str(line, "problem")).isEqualTo("invalid-input");
        assertThat(line.get("stackTrace")).isEmpty();
    }

    @Test
    void primingRunsThePipelineWithoutLogging() {
        var handler = new TestHandlers.AdjustPoints(log.logger());
        handler.prime();
        assertThat(log.lines()).isEmpty();
        assertThat(handler.last).isNull();
    }
}
