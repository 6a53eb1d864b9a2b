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
import java.util.Optional;

/**
 * LOCAL ONLY — {@code GET /local/outbox[?to=alice@example.com]}: the emails and SMS the local stack
 * "sent", oldest first; {@code DELETE /local/outbox} empties it.
 */
public final class LocalOutboxHandler extends PublicApiHandler {
    private final LocalOutbox outbox;
    private final ZoneId zone;

    public LocalOutboxHandler(LocalOutbox outbox, ZoneId zone, JsonLogger logger) {
        super(logger);
        this.outbox = outbox;
        this.zone = zone;
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        if (request.routeKey().startsWith("DELETE ")) {
            request.query().allowOnly();
            outbox.clear();
            return ApiResponse.noContent();
        }
        request.query().allowOnly("to");
        Optional<String> to = request.query().string("to", 320);
        List<JsonValue> items = new ArrayList<>();
        for (LocalOutbox.Message m : to.isPresent() ? outbox.to(to.get()) : outbox.messages()) {
            JsonObject.Builder b = JsonObject.builder()
                    .put("id", m.id())
                    .put("channel", m.channel())
                    .put("to", m.to());
            if (!m.subject().isEmpty()) {
                b.put("subject", m.subject());
            }
            items.add(b.put("text", m.text())
                    .put("at", m.at().atZone(zone).toOffsetDateTime().toString())
                    .build());
        }
        return ApiResponse.ok(JsonObject.builder().put("messages", JsonArray.of(items)).build());
    }
}
