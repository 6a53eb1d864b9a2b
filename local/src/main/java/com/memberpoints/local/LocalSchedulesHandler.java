package com.memberpoints.local;

import com.memberpoints.functions.platform.http.ApiRequest;
import com.memberpoints.functions.platform.http.ApiResponse;
import com.memberpoints.functions.platform.http.PublicApiHandler;
import com.memberpoints.functions.platform.json.JsonArray;
import com.memberpoints.functions.platform.json.JsonObject;
import com.memberpoints.functions.platform.json.JsonValue;
import com.memberpoints.functions.platform.log.JsonLogger;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * LOCAL ONLY — {@code GET /local/schedules}: the pending assignment schedules (as EventBridge Scheduler
 * would hold them) and the dead letters (schedules that could not run).
 */
public final class LocalSchedulesHandler extends PublicApiHandler {
    private final LocalAssignmentScheduler scheduler;
    private final LocalTimeMachine machine;
    private final ZoneId zone;

    public LocalSchedulesHandler(LocalAssignmentScheduler scheduler, LocalTimeMachine machine, ZoneId zone, JsonLogger logger) {
        super(logger);
        this.scheduler = scheduler;
        this.machine = machine;
        this.zone = zone;
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        request.query().allowOnly();
        List<JsonValue> pending = new ArrayList<>();
        for (LocalAssignmentScheduler.Schedule s : scheduler.pending()) {
            pending.add(json(s).build());
        }
        List<JsonValue> dead = new ArrayList<>();
        for (LocalTimeMachine.DeadLetter d : machine.deadLetters()) {
            dead.add(json(d.schedule())
                    .put("failedAt", d.at().atZone(zone).toOffsetDateTime().toString())
                    .put("reason", d.reason())
                    .build());
        }
        return ApiResponse.ok(JsonObject.builder()
                .put("pending", JsonArray.of(pending))
                .put("deadLetters", JsonArray.of(dead))
                .build());
    }

    private JsonObject.Builder json(LocalAssignmentScheduler.Schedule s) {
        return JsonObject.builder()
                .put("name", s.name())
                .put("merchantId", s.merchant().value())
                .put("orderId", s.order().value())
                .put("expression", s.expression())
                .put("timezone", s.timezone())
                .put("firesAt", s.firesAt().atZone(zone).toOffsetDateTime().toString());
    }
}
