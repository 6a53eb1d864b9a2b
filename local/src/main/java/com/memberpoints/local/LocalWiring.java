package com.memberpoints.local;

import com.memberpoints.functions.platform.http.ApiHandler;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * LOCAL ONLY: what {@link LocalHandlers} registers into — one call per handler. HTTP handlers serve
 * their {@code ApiRoutes} routes; the other jobs are the targets AWS would invoke: EventBridge
 * Scheduler's assignment schedules, the hourly sweep schedule, the order-event rule.
 */
public final class LocalWiring {

    /** Receives one EventBridge event (the full envelope, as JSON), as the order-event rule's target would. */
    @FunctionalInterface
    public interface EventTarget {
        void accept(String eventJson) throws Exception;
    }

    private final Map<Class<? extends ApiHandler>, ApiHandler> http = new LinkedHashMap<>();
    private final LocalTimeMachine machine;
    private volatile EventTarget orderEvents;

    LocalWiring(LocalTimeMachine machine) {
        this.machine = machine;
    }

    /** Serves {@code type}'s routes with {@code handler}. */
    public synchronized <T extends ApiHandler> LocalWiring http(Class<T> type, T handler) {
        Objects.requireNonNull(handler, "handler");
        if (http.putIfAbsent(type, handler) != null) {
            throw new IllegalStateException(type.getSimpleName() + " is registered twice");
        }
        return this;
    }

    /** Runs each assignment schedule when it fires (its input: {@code {"merchantId","orderId"}}). */
    public LocalWiring assignments(LocalTimeMachine.AssignmentTarget target) {
        machine.assignmentTarget(target);
        return this;
    }

    /** Runs the sweep every hour on the hour (UTC). */
    public LocalWiring hourlySweep(LocalTimeMachine.SweepTarget target) {
        machine.sweepTarget(target);
        return this;
    }

    /** Tells the time machine when the sweep next has work, so that idle hourly runs are skipped (counted only). */
    public LocalWiring sweepAgenda(LocalTimeMachine.SweepAgenda agenda) {
        machine.sweepAgenda(agenda);
        return this;
    }

    /** Receives the order events posted to {@code POST /local/order-events}. */
    public LocalWiring orderEvents(EventTarget target) {
        this.orderEvents = Objects.requireNonNull(target, "target");
        return this;
    }

    synchronized Optional<ApiHandler> http(Class<? extends ApiHandler> type) {
        return Optional.ofNullable(http.get(type));
    }

    Optional<EventTarget> orderEvents() {
        return Optional.ofNullable(orderEvents);
    }
}
