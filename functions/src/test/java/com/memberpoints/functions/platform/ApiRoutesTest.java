package com.memberpoints.functions.platform;

import com.memberpoints.functions.platform.http.ApiHandler;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiRoutesTest {

    @Test
    void routeKeysAreUniqueAndEveryHandlerHasAPublicNoArgConstructorForLambda() throws Exception {
        Set<String> keys = new HashSet<>();
        for (ApiRoutes.Route route : ApiRoutes.all()) {
            assertThat(keys.add(route.routeKey())).as(route.routeKey()).isTrue();
            Class<? extends ApiHandler> handler = route.handler();
            assertThat(Modifier.isAbstract(handler.getModifiers())).isFalse();
            assertThat(Modifier.isPublic(handler.getConstructor().getModifiers())).isTrue();
        }
        assertThat(keys).contains("GET /v1/health");
    }

    @Test
    void malformedRoutesAreRefused() {
        assertThatThrownBy(() -> new ApiRoutes.Route("GET", "/v1/Bad Path", ApiHandler.class))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ApiRoutes.Route("FETCH", "/v1/health", ApiHandler.class))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
