package com.memberpoints.local;

import com.memberpoints.domain.model.InvalidInputException;
import com.memberpoints.domain.model.IdSource;
import com.memberpoints.functions.platform.http.ApiException;
import com.memberpoints.functions.platform.http.ApiRequest;
import com.memberpoints.functions.platform.http.ApiResponse;
import com.memberpoints.functions.platform.http.PublicApiHandler;
import com.memberpoints.functions.platform.json.Json;
import com.memberpoints.functions.platform.json.JsonArray;
import com.memberpoints.functions.platform.json.JsonObject;
import com.memberpoints.functions.platform.json.JsonString;
import com.memberpoints.functions.platform.json.MalformedJsonException;
import com.memberpoints.functions.platform.json.JsonValue;
import com.memberpoints.functions.platform.log.JsonLogger;

import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Supplier;

/**
 * LOCAL ONLY — {@code POST /local/order-events} with {@code {"detailType": "OrderPlaced", "detail": {...}}}:
 * delivers the order event to the order-events handler exactly as the template's EventBridge rule would
 * (the full EventBridge envelope: id, source, account, region, time from the local clock, detail-type,
 * detail). Answers 202 with the event id; 503 until the order-events handler is wired.
 */
public final class LocalOrderEventsHandler extends PublicApiHandler {

    /** The posted event: its detail is passed on as it is (the order-events handler validates it). */
    private record Posted(String detailType, JsonObject detail) {
        static Posted read(String body) {
            JsonValue root;
            try {
                root = Json.parse(body);
            } catch (MalformedJsonException e) {
                throw new InvalidInputException("body", "must be a JSON object {\"detailType\": ..., \"detail\": {...}}");
            }
            if (!(root instanceof JsonObject o)) {
                throw new InvalidInputException("body", "must be a JSON object {\"detailType\": ..., \"detail\": {...}}");
            }
            for (String name : o.members().keySet()) {
                if (!name.equals("detailType") && !name.equals("detail")) {
                    throw new InvalidInputException(name, "is not a known field (detailType, detail)");
                }
            }
            if (!(o.get("detailType").orElse(null) instanceof JsonString type) || type.value().isBlank()
                    || type.value().length() > 128) {
                throw new InvalidInputException("detailType", "must be a string of 1-128 characters, e.g. OrderPlaced");
            }
            if (!(o.get("detail").orElse(null) instanceof JsonObject detail)) {
                throw new InvalidInputException("detail", "must be a JSON object");
            }
            return new Posted(type.value(), detail);
        }
    }
    /** The {@code source} the template's rule matches (its OrderEventSource parameter's default). */
    public static final String SOURCE = "com.example.commerce.orders";

    private final Supplier<java.util.Optional<LocalWiring.EventTarget>> target;
    private final LocalClock clock;
    private final IdSource ids;

    public LocalOrderEventsHandler(Supplier<java.util.Optional<LocalWiring.EventTarget>> target, LocalClock clock,
                                   IdSource ids, JsonLogger logger) {
        super(logger);
        this.target = target;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        request.query().allowOnly();
        Posted posted = Posted.read(request.bodyText());
        LocalWiring.EventTarget t = target.get().orElseThrow(() -> ApiException.serviceUnavailable(
                "The order-events handler is not wired into the local stack yet (see local/README.md).", 60));
        String id = ids.newId();
        String envelope = Json.write(JsonObject.builder()
                .put("version", "0")
                .put("id", id)
                .put("detail-type", posted.detailType())
                .put("source", SOURCE)
                .put("account", "000000000000")
                .put("time", DateTimeFormatter.ISO_INSTANT.format(clock.now().truncatedTo(ChronoUnit.SECONDS)))
                .put("region", "us-east-1")
                .put("resources", JsonArray.of(List.<JsonValue>of()))
                .put("detail", posted.detail())
                .build());
        try {
            t.accept(envelope);
        } catch (Exception e) {
            throw new IllegalStateException("the order-events handler failed on event " + id, e);
        }
        return ApiResponse.accepted("/local/order-events/" + id, JsonObject.builder().put("eventId", id).build());
    }
}
