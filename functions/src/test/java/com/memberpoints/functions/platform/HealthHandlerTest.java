package com.memberpoints.functions.platform;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.memberpoints.functions.platform.OpenApiContract;

import org.junit.jupiter.params.ParameterizedTest;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HealthHandlerTest {

    private final CapturedLog log = new CapturedLog();

    @ParameterizedTest
    @Event(value = "events/health-get.json", type = APIGatewayV2HTTPEvent.class)
    void answersOkWithoutAToken(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = OpenApiContract.call(new HealthHandler(log.logger()), event);
        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).isEqualTo("{\"status\":\"ok\"}");
        assertThat(response.getHeaders()).containsEntry("content-type", "application/json");
        assertThat(log.single().get("route").orElseThrow().toString()).contains("GET /v1/health");
    }

    @ParameterizedTest
    @Event(value = "events/health-get.json", type = APIGatewayV2HTTPEvent.class)
    void refusesUnknownQueryParameters(APIGatewayV2HTTPEvent event) {
        event.setQueryStringParameters(Map.of("verbose", "1"));
        APIGatewayV2HTTPResponse response = OpenApiContract.call(new HealthHandler(log.logger()), event);
        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getBody()).contains("\"field\":\"verbose\"");
    }
}
