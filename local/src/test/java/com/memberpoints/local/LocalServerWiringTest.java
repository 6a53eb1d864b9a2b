package com.memberpoints.local;

import com.memberpoints.functions.platform.ApiRoutes;
import com.memberpoints.functions.platform.HealthHandler;
import com.memberpoints.functions.platform.http.ApiHandler;
import com.memberpoints.functions.platform.log.JsonLogger;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The local stack's handler source: given instances serve their routes; a route without one answers 503 naming it. */
class LocalServerWiringTest {

    @Test
    void registeredInstancesServeTheirRoutesAndUnwiredRoutesAnswer503NamingTheHandler() throws Exception {
        HealthHandler health = new HealthHandler(JsonLogger.discarding());
        AtomicInteger asked = new AtomicInteger();
        List<ApiRoutes.Route> routes = List.of(
                new ApiRoutes.Route("GET", "/v1/health", HealthHandler.class),
                new ApiRoutes.Route("POST", "/v1/admin/members/{memberId}/echo", EchoHandler.class));
        try (LocalServer server = LocalServer.start("127.0.0.1", 0, routes, type -> {
            asked.incrementAndGet();
            return type == HealthHandler.class ? Optional.<ApiHandler>of(health) : Optional.empty();
        })) {
            HttpClient client = HttpClient.newHttpClient();
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> ok = client.send(HttpRequest.newBuilder(URI.create(server.baseUri() + "/v1/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(ok.statusCode()).isEqualTo(200);
            }
            HttpResponse<String> unwired = client.send(HttpRequest.newBuilder(URI.create(server.baseUri() + "/v1/admin/members/alice/echo"))
                    .header("X-Local-Caller", "merchant_id=demo-shop&staff_id=bob&permissions=customer_management")
                    .header("content-type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"note\":\"hi\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(unwired.statusCode()).isEqualTo(503);
            assertThat(unwired.body()).contains("EchoHandler is not wired into the local stack");
            // One instance per handler class: the source is asked once for health, then the instance is reused.
            assertThat(asked.get()).isEqualTo(2);
        }
    }
}
