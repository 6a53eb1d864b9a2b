package com.memberpoints.domain.inmemory;

import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.domain.order.AssignmentScheduler;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Holds schedules as EventBridge Scheduler does: at most one per order, scheduling again is
 * {@link ScheduleOutcome#ALREADY_SCHEDULED}, cancelling a missing one is {@link CancelOutcome#NOT_FOUND}. Nothing
 * fires by itself: tests fire {@link #pending()} through the scheduled-assignment logic, or drop one to simulate a
 * lost schedule. Thread-safe.
 */
public final class InMemoryAssignmentScheduler implements AssignmentScheduler {
    private final Map<OrderId, Instant> pending = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());

    @Override
    public ScheduleOutcome schedule(MerchantId merchant, OrderId order, Instant dueAt, ZoneId zone) {
        calls.add("schedule " + order.value() + " " + dueAt);
        return pending.putIfAbsent(order, dueAt) == null ? ScheduleOutcome.CREATED : ScheduleOutcome.ALREADY_SCHEDULED;
    }

    @Override
    public CancelOutcome cancel(MerchantId merchant, OrderId order) {
        calls.add("cancel " + order.value());
        return pending.remove(order) == null ? CancelOutcome.NOT_FOUND : CancelOutcome.DELETED;
    }

    /** The schedules not yet fired or cancelled, by order, in creation order (live and modifiable). */
    public Map<OrderId, Instant> pending() {
        return pending;
    }

    /** Every call made, in order: {@code "schedule <order> <instant>"} or {@code "cancel <order>"}. */
    public List<String> calls() {
        return calls;
    }
}
