package com.memberpoints.local;

import com.memberpoints.functions.health.HealthHandler;

/**
 * THE local composition: every handler of the service, built through its port-taking constructor on
 * the {@link LocalAdapters}, registered in one line each. When a handler lands, add its line here
 * (HTTP handlers: {@code w.http(TheHandler.class, new TheHandler(...))}; the assignment, sweep and
 * order-event handlers: the target that invokes them — see local/README.md, "Adding a handler").
 */
final class LocalHandlers {
    private LocalHandlers() {}

    static void register(LocalAdapters a, LocalWiring w) {
        w.http(HealthHandler.class, new HealthHandler(a.logger()));
    }
}
