package com.memberpoints.functions.platform.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.memberpoints.functions.platform.ApiEvents;
import com.memberpoints.functions.platform.CapturedLog;
import com.memberpoints.functions.platform.TestContext;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shape of the issue-5 authorization matrix, on the platform's own test handlers: each kind of
 * caller against a member route and a staff route. Real routes add "another merchant's staff" and
 * "member A on member B" (404, from their data) with the same helpers.
 */
class AuthorizationMatrixTest {

    static Stream<Arguments> matrix() {
        return Stream.of(
                Arguments.of("staff route", "no token", ApiEvents.noToken(), 401),
                Arguments.of("staff route", "member", ApiEvents.member("shop-1", "mem-42"), 403),
                Arguments.of("staff route", "viewer", ApiEvents.staff("shop-1", "s1", Permission.CUSTOMER_MANAGEMENT), 403),
                Arguments.of("staff route", "settings admin", ApiEvents.staff("shop-1", "s1", Permission.SETTINGS, Permission.REPORTS), 403),
                Arguments.of("staff route", "assigner", ApiEvents.staff("shop-1", "s1", Permission.MEMBER_POINTS), 201),
                Arguments.of("staff route", "bad merchant id", Optional.of(Map.of("merchant_id", "a b", "staff_id", "s1")), 401),
                Arguments.of("member route", "no token", ApiEvents.noToken(), 401),
                Arguments.of("member route", "staff with everything", ApiEvents.staff("shop-1", "s1", Permission.values()), 403),
                Arguments.of("member route", "member", ApiEvents.member("shop-1", "mem-42"), 200));
    }

    @ParameterizedTest(name = "{0} as {1} -> {3}")
    @MethodSource("matrix")
    void eachCallerGetsTheRightStatus(String route, String who, Optional<Map<String, String>> claims, int expected) {
        CapturedLog log = new CapturedLog();
        ApiHandler handler = route.equals("staff route")
                ? new TestHandlers.AdjustPoints(log.logger())
                : new TestHandlers.MyPoints(log.logger());
        var event = ApiEvents.as(ApiEvents.load(route.equals("staff route")
                ? "events/staff-member-points-adjustment.json" : "events/member-get-points.json"), claims);

        APIGatewayV2HTTPResponse response = handler.handleRequest(event, new TestContext());

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(expected);
        if (expected >= 400) {
            assertThat(response.getHeaders()).containsEntry("content-type", "application/problem+json");
            assertThat(response.getBody()).doesNotContain("mem-42").doesNotContain("Birthday");
        }
        if (handler instanceof TestHandlers.AdjustPoints a && expected >= 400) {
            assertThat(a.last).as("handler code must not run").isNull();
        }
    }
}
