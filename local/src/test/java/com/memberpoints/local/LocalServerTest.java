package com.memberpoints.local;

import com.memberpoints.functions.platform.ApiRoutes;
import com.memberpoints.functions.platform.json.Json;
import com.memberpoints.functions.platform.json.JsonObject;
import com.memberpoints.functions.platform.json.JsonString;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LocalServerTest {

    private static LocalServer server;
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws IOException {
        List<ApiRoutes.Route> routes = new ArrayList<>(ApiRoutes.all());
        routes.add(new ApiRoutes.Route("POST", "/v1/admin/members/{memberId}/echo", EchoHandler.class));
        server = LocalServer.start("127.0.0.1", 0, routes);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return CLIENT.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder to(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(server.baseUri() + pathAndQuery));
    }

    @Test
    void servesHealthOverHttp() throws Exception {
        HttpResponse<String> r = send(to("/v1/health").GET());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"status\":\"ok\"}");
        assertThat(r.headers().firstValue("content-type")).contains("application/json");
        assertThat(r.headers().firstValue("x-request-id")).isPresent();
    }

    @Test
    void unknownPathsAndMethodsAreProblems() throws Exception {
        HttpResponse<String> missing = send(to("/v1/nothing-here").GET());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("content-type")).contains("application/problem+json");
        assertThat(missing.headers().firstValue("x-request-id")).isPresent();

        HttpResponse<String> wrongMethod = send(to("/v1/health").DELETE());
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("allow")).contains("GET");
    }

    @Test
    void buildsTheEventWithPathQueryBodyAndLocalCallerClaims() throws Exception {
        HttpResponse<String> r = send(to("/v1/admin/members/mem%2B42/echo?q=a+b&q=c")
                .header("X-Local-Caller", "merchant_id=shop-1&staff_id=bob&permissions=customer_management+member_points")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"note\":\"caf\u00e9\"}", StandardCharsets.UTF_8)));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonObject echo = (JsonObject) Json.parse(r.body());
        assertThat(echo.get("route")).contains(new JsonString("POST /v1/admin/members/{memberId}/echo"));
        assertThat(echo.get("memberId")).contains(new JsonString("mem+42"));
        assertThat(echo.get("q")).contains(new JsonString("a b,c"));
        assertThat(echo.get("merchantId")).contains(new JsonString("shop-1"));
        assertThat(echo.get("staffId")).contains(new JsonString("bob"));
        assertThat(echo.get("note")).contains(new JsonString("caf\u00e9"));
    }

    @Test
    void anUnsignedBearerJwtIsReadLikeTheAuthorizerWould() throws Exception {
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"merchant_id\":\"shop-1\",\"staff_id\":\"carol\",\"permissions\":[\"customer_management\"],\"exp\":1}"
                        .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = send(to("/v1/admin/members/m1/echo")
                .header("Authorization", "Bearer eyJhbGciOiJub25lIn0." + payload + ".")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"note\":\"x\"}")));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("\"staffId\":\"carol\"");
    }

    @Test
    void noCallerIs401AndAMemberIs403FromTheHandler() throws Exception {
        HttpResponse<String> anonymous = send(to("/v1/admin/members/m1/echo")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"note\":\"x\"}")));
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).as("locally, a 401 names the local caller header")
                .contains("\"localHint\":\"Locally, call with -H 'X-Local-Caller: merchant_id=demo-shop&member_id=alice'");

        HttpResponse<String> member = send(to("/v1/admin/members/m1/echo")
                .header("X-Local-Caller", "merchant_id=shop-1&member_id=alice")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"note\":\"x\"}")));
        assertThat(member.statusCode()).isEqualTo(403);

        HttpResponse<String> garbage = send(to("/v1/admin/members/m1/echo")
                .header("Authorization", "Bearer %%%")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"note\":\"x\"}")));
        assertThat(garbage.statusCode()).isEqualTo(401);
        assertThat(garbage.body()).contains("base64url JSON").contains("X-Local-Caller");
    }
}
