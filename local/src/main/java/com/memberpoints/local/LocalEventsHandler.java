package com.memberpoints.local;

import com.memberpoints.domain.integration.OutgoingEvent;
import com.memberpoints.functions.platform.http.ApiRequest;
import com.memberpoints.functions.platform.http.ApiResponse;
import com.memberpoints.functions.platform.http.PublicApiHandler;
import com.memberpoints.functions.platform.json.Json;
import com.memberpoints.functions.platform.json.JsonArray;
import com.memberpoints.functions.platform.json.JsonObject;
import com.memberpoints.functions.platform.json.JsonValue;
import com.memberpoints.functions.platform.log.JsonLogger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * LOCAL ONLY — {@code GET /local/events[?type=PointsEarned]}: the integration events put on the local bus, oldest
 * first, each as EventBridge delivers it to a rule's target ({@code id} = the stable {@code detail.eventId},
 * {@code detail-type}, {@code source}, {@code time}, {@code detail}); {@code DELETE /local/events} empties the bus.
 */
public final class LocalEventsHandler extends PublicApiHandler {
    private final LocalEventBus bus;

    public LocalEventsHandler(LocalEventBus bus, JsonLogger logger) {
        super(logger);
        this.bus = bus;
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        if (request.routeKey().startsWith("DELETE ")) {
            request.query().allowOnly();
            bus.clear();
            return ApiResponse.noContent();
        }
        request.query().allowOnly("type");
        Optional<String> type = request.query().string("type", 64);
        List<JsonValue> items = new ArrayList<>();
        for (OutgoingEvent e : bus.events()) {
            if (type.isPresent() && !type.get().equals(e.detailType())) {
                continue;
            }
            items.add(JsonObject.builder()
                    .put("id", e.eventId())
                    .put("detail-type", e.detailType())
                    .put("source", bus.source())
                    .put("time", e.time().toString())
                    .put("detail", Json.parse(e.detail()))
                    .build());
        }
        return ApiResponse.ok(JsonObject.builder().put("events", JsonArray.of(items)).build());
    }
}
