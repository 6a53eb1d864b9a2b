package com.memberpoints.functions.platform;

import com.memberpoints.functions.platform.OpenApiContract.Request;
import com.memberpoints.functions.platform.OpenApiContract.Response;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The contract check that every route test goes through can fail: each kind of departure is caught. */
class OpenApiContractTest {

    private final OpenApiContract doc = OpenApiContract.document();

    private static Request health() {
        return new Request("GET", "/v1/health", Map.of(), Map.of(), Map.of(), Optional.empty());
    }

    private static Response json(int status, String body) {
        return new Response(status, headers("application/json"), Optional.of(body));
    }

    /** Every answer carries x-request-id (a required header). */
    private static Map<String, String> headers(String contentType) {
        return Map.of("content-type", contentType, "x-request-id", "8f2c1e4a");
    }

    private static Response created(String body) {
        return new Response(201, Map.of("content-type", "application/json", "x-request-id", "8f2c1e4a",
                "location", "/v1/admin/members/ann/points/history"), Optional.of(body));
    }

    private static Request adjustment(String body) {
        return new Request("POST", "/v1/admin/members/{memberId}/points/adjustments", Map.of("memberId", "ann"),
                Map.of(), Map.of("content-type", "application/json", "idempotency-key", "k-1"), Optional.of(body));
    }

    private static final String ENTRY = "{\"operationId\":\"op-1\",\"at\":\"2021-12-01T02:00:00Z\",\"date\":\"2021-12-01\","
            + "\"kind\":\"ADJUST_ADD\",\"change\":120,\"balanceAfter\":1320,\"reason\":\"Birthday\",\"changedBy\":\"s1\","
            + "\"changedByType\":\"staff\",\"orderId\":null,\"lots\":[]}";

    @Test
    void aConformingExchangeHasNoViolations() {
        assertThat(doc.violations(health(), json(200, "{\"status\":\"ok\"}"))).isEmpty();
        assertThat(doc.violations(adjustment("{\"points\":120,\"reason\":\"Birthday\"}"), created(ENTRY))).isEmpty();
    }

    @Test
    void aResponseBodyOffTheSchemaFails() {
        assertThat(doc.violations(health(), json(200, "{\"status\":\"fine\"}")))
                .singleElement().asString().startsWith("response body:").contains("status");
        assertThat(doc.violations(health(), json(200, "{\"status\":\"ok\",\"extra\":1}")))
                .singleElement().asString().contains("extra");
        assertThatThrownBy(() -> doc.check(health(), json(200, "{}")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("GET /v1/health -> 200");
    }

    @Test
    void anUndocumentedStatusOrContentTypeFails() {
        assertThat(doc.violations(health(), json(418, "{}"))).singleElement().asString()
                .contains("status 418 is not documented");
        assertThat(doc.violations(health(), new Response(200, headers("text/plain"), Optional.of("ok"))))
                .singleElement().asString().contains("content-type text/plain is not documented");
        assertThat(doc.violations(health(), new Response(400, headers("application/json"),
                Optional.of("{}")))).singleElement().asString().contains("content-type application/json");
    }

    @Test
    void aProblemMustHaveTheProblemShape() {
        Response noRequestId = new Response(400, headers("application/problem+json"),
                Optional.of("{\"type\":\"urn:member-points:problem:invalid-input\",\"title\":\"t\",\"status\":400,\"detail\":\"d\"}"));
        assertThat(doc.violations(health(), noRequestId)).singleElement().asString().contains("requestId");
    }

    @Test
    void aRequestTheDocumentRefusesMustNotBeServed() {
        // points 0 and a missing reason: the document refuses it, so a 201 is a departure; a 400 is not.
        Request refused = adjustment("{\"points\":0}");
        assertThat(doc.violations(refused, created(ENTRY))).singleElement().asString()
                .contains("the document refuses this request").contains("reason");
        Response problem = new Response(400, headers("application/problem+json"),
                Optional.of("{\"type\":\"urn:member-points:problem:invalid-input\",\"title\":\"t\",\"status\":400,"
                        + "\"detail\":\"d\",\"requestId\":\"r\"}"));
        assertThat(doc.violations(refused, problem)).isEmpty();
        // an undocumented query parameter and a path parameter off its pattern are refusals too
        assertThat(doc.violations(new Request("GET", "/v1/health", Map.of(), Map.of("verbose", "1"), Map.of(),
                Optional.empty()), json(200, "{\"status\":\"ok\"}"))).singleElement().asString().contains("verbose");
        assertThat(doc.violations(new Request("GET", "/v1/admin/points/bulk-assignments/{jobId}",
                Map.of("jobId", "0"), Map.of(), Map.of(), Optional.empty()), json(200, "{}")))
                .first().asString().contains("jobId");
    }

    @Test
    void aRequiredResponseHeaderMustBeThereAndMatchItsSchema() {
        assertThat(doc.violations(adjustment("{\"points\":120,\"reason\":\"Birthday\"}"), json(201, ENTRY)))
                .singleElement().asString().contains("location is missing");
        Request get = new Request("GET", "/v1/admin/settings", Map.of(), Map.of(), Map.of(), Optional.empty());
        String settings = "{\"version\":0,\"points\":{\"enabled\":false,\"earn\":{\"enabled\":true,\"spend\":\"10.00\","
                + "\"points\":1},\"channels\":{\"retailEnabled\":false},\"expiry\":{\"type\":\"NEVER\"},"
                + "\"assignment\":{\"type\":\"ON_COMPLETION\"}},\"redeem\":{\"enabled\":false,\"pointsPerUnit\":10,"
                + "\"minimumOrderAmount\":\"0\",\"cap\":{\"type\":\"NONE\"}},\"tiers\":[],\"credits\":{\"enabled\":false,"
                + "\"minimum\":\"0\",\"type\":{\"kind\":\"PERCENT\",\"percent\":\"5\"},\"validity\":{\"type\":\"NEVER\"}},"
                + "\"rulesText\":{}}";
        Map<String, String> ok = Map.of("content-type", "application/json", "etag", "\"0\"", "x-request-id", "r");
        assertThat(doc.violations(get, new Response(200, ok, Optional.of(settings)))).isEmpty();
        assertThat(doc.violations(get, new Response(200, Map.of("content-type", "application/json", "x-request-id", "r"),
                Optional.of(settings)))).singleElement().asString().contains("etag is missing");
        assertThat(doc.violations(get, new Response(200, Map.of("content-type", "application/json", "etag", "v0",
                "x-request-id", "r"), Optional.of(settings)))).singleElement().asString().contains("response header etag");
        // the store-wide earn rule carries `enabled` (the document used to forbid it)
        assertThat(doc.violations(get, new Response(200, ok, Optional.of(settings.replace("\"enabled\":true,", "")))))
                .singleElement().asString().contains("enabled");
    }

    @Test
    void anUndocumentedOperationFails() {
        assertThat(doc.violations(new Request("DELETE", "/v1/health", Map.of(), Map.of(), Map.of(), Optional.empty()),
                json(200, "{}"))).singleElement().asString().contains("not documented");
    }
}
