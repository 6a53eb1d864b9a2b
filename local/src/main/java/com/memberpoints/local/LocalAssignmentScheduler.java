package com.memberpoints.local;

import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.domain.order.AssignmentScheduler;
import com.memberpoints.domain.model.TimeSource;
import com.memberpoints.functions.platform.json.Json;
import com.memberpoints.functions.platform.json.JsonObject;
import com.memberpoints.infra.scheduler.EventBridgeAssignmentScheduler;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * LOCAL ONLY: {@link AssignmentScheduler} kept in memory, honouring exactly the schedules the
 * EventBridge adapter would create: the same name, the same {@code at(...)} expression and time zone
 * (computed by {@link EventBridgeAssignmentScheduler#expression}, so a past due date fires a minute
 * later and daylight-saving overlaps resolve the same way), the same target input, one schedule per
 * order (a second create is {@code ALREADY_SCHEDULED}), deleted once fired. {@link LocalTimeMachine}
 * fires them as the local clock passes their instant.
 */
public final class LocalAssignmentScheduler implements AssignmentScheduler {

    /** One pending schedule; {@code input} is the JSON the Lambda target would receive. */
    public record Schedule(String name, MerchantId merchant, OrderId order, Instant dueAt, String expression,
                           String timezone, Instant firesAt, String input) {}

    private final TimeSource clock;
    private final Map<String, Schedule> pending = new LinkedHashMap<>();

    public LocalAssignmentScheduler(TimeSource clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized ScheduleOutcome schedule(MerchantId merchant, OrderId order, Instant dueAt, ZoneId merchantZone) {
        Objects.requireNonNull(merchant, "merchant");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(merchantZone, "merchantZone");
        String name = EventBridgeAssignmentScheduler.scheduleName(merchant, order);
        if (pending.containsKey(name)) {
            return ScheduleOutcome.ALREADY_SCHEDULED;
        }
        EventBridgeAssignmentScheduler.At at = EventBridgeAssignmentScheduler.expression(dueAt, merchantZone, clock.now());
        Instant firesAt = firesAt(at);
        String input = Json.write(JsonObject.builder()
                .put("merchantId", merchant.value()).put("orderId", order.value()).build());
        pending.put(name, new Schedule(name, merchant, order, dueAt, at.expression(), at.timezone(), firesAt, input));
        return ScheduleOutcome.CREATED;
    }

    @Override
    public synchronized CancelOutcome cancel(MerchantId merchant, OrderId order) {
        return pending.remove(EventBridgeAssignmentScheduler.scheduleName(merchant, order)) == null
                ? CancelOutcome.NOT_FOUND : CancelOutcome.DELETED;
    }

    /** The instant EventBridge Scheduler fires {@code at(yyyy-MM-ddTHH:mm:ss)} in its time zone. */
    static Instant firesAt(EventBridgeAssignmentScheduler.At at) {
        String e = at.expression();
        if (!e.startsWith("at(") || !e.endsWith(")")) {
            throw new IllegalStateException("not a one-time expression: " + e);
        }
        return LocalDateTime.parse(e.substring(3, e.length() - 1)).atZone(ZoneId.of(at.timezone())).toInstant();
    }

    /** Pending schedules, soonest first. */
    public synchronized List<Schedule> pending() {
        List<Schedule> all = new ArrayList<>(pending.values());
        all.sort(Comparator.comparing(Schedule::firesAt).thenComparing(Schedule::name));
        return all;
    }

    /** The soonest schedule firing at or before {@code upTo}, removed (ActionAfterCompletion DELETE). */
    synchronized Optional<Schedule> takeNextDue(Instant upTo) {
        Optional<Schedule> next = pending().stream().filter(s -> !s.firesAt().isAfter(upTo)).findFirst();
        next.ifPresent(s -> pending.remove(s.name()));
        return next;
    }

    synchronized Optional<Instant> nextFiring() {
        return pending().stream().map(Schedule::firesAt).findFirst();
    }
}
