package com.memberpoints.functions.platform;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/openapi.yaml describes every route of the route table (and the tests fail when one is added without it). */
class OpenApiRoutesTest {

    @Test
    void everyRouteIsDescribed() throws Exception {
        String spec = Files.readString(Path.of("..", "docs", "openapi.yaml"));
        int paths = spec.indexOf("\npaths:\n");
        int components = spec.indexOf("\ncomponents:\n");
        assertThat(paths).isPositive();
        String section = spec.substring(paths, components > paths ? components : spec.length());
        for (ApiRoutes.Route route : ApiRoutes.all()) {
            int at = section.indexOf("\n  " + route.path() + ":\n");
            assertThat(at).as("path %s in docs/openapi.yaml", route.path()).isNotNegative();
            int next = section.indexOf("\n  /", at + 1);
            String operations = section.substring(at, next < 0 ? section.length() : next);
            assertThat(operations).as("%s in docs/openapi.yaml", route.routeKey())
                    .contains("\n    " + route.method().toLowerCase(Locale.ROOT) + ":\n");
        }
    }
}
