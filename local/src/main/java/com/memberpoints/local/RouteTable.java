package com.memberpoints.local;

import com.memberpoints.functions.platform.ApiRoutes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Matches a request (method, path) against route templates, as API Gateway does for {@code {param}} segments. */
final class RouteTable {

    sealed interface Match {}

    record Found(ApiRoutes.Route route, Map<String, String> pathParameters) implements Match {}

    record MethodNotAllowed(Set<String> allowed) implements Match {}

    record NotFound() implements Match {}

    private final List<ApiRoutes.Route> routes;

    RouteTable(List<ApiRoutes.Route> routes) {
        this.routes = List.copyOf(routes);
    }

    List<ApiRoutes.Route> routes() {
        return routes;
    }

    /** {@code path} is the raw (still percent-encoded) path; parameters are decoded. */
    Match match(String method, String path) {
        String[] segments = split(path);
        Set<String> allowed = new LinkedHashSet<>();
        for (ApiRoutes.Route route : routes) {
            Map<String, String> params = matchPath(split(route.path()), segments);
            if (params == null) {
                continue;
            }
            if (route.method().equals(method)) {
                return new Found(route, params);
            }
            allowed.add(route.method());
        }
        return allowed.isEmpty() ? new NotFound() : new MethodNotAllowed(allowed);
    }

    private static String[] split(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        if (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.isEmpty() ? new String[0] : p.split("/", -1);
    }

    private static Map<String, String> matchPath(String[] template, String[] segments) {
        if (template.length != segments.length) {
            return null;
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < template.length; i++) {
            String t = template[i];
            String s = segments[i];
            if (t.startsWith("{") && t.endsWith("}")) {
                if (s.isEmpty()) {
                    return null;
                }
                params.put(t.substring(1, t.length() - 1), PercentDecoding.decode(s, false));
            } else if (!t.equals(s)) {
                return null;
            }
        }
        return params;
    }

    static List<String> describe(List<ApiRoutes.Route> routes) {
        List<String> out = new ArrayList<>();
        for (ApiRoutes.Route r : routes) {
            out.add(String.format("  %-6s %-55s %s", r.method(), r.path(), r.handler().getSimpleName()));
        }
        return out;
    }
}
