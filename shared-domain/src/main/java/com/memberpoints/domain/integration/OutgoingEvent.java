package com.memberpoints.domain.integration;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a {@code PutEvents} request as the publisher port receives it: the event's id (also in the detail),
 * {@code detail-type}, {@code time} and {@code detail} JSON. The bus and the {@code source} are the adapter's
 * configuration.
 */
public record OutgoingEvent(String eventId, String detailType, Instant time, String detail) {
    public OutgoingEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(detailType, "detailType");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(detail, "detail");
    }

    public static OutgoingEvent of(IntegrationEvent event) {
        return new OutgoingEvent(event.eventId(), event.detailType(), event.occurredAt(), event.detailJson());
    }

    /**
     * The entry's size as EventBridge counts it against the 256 KB of a {@code PutEvents} request ("Calculating
     * PutEvents event entry size"): 14 bytes for the time, plus the UTF-8 bytes of the source, the detail-type and
     * the detail (this project sets no resources).
     */
    public long sizeBytes(String source) {
        return 14L + utf8(source) + utf8(detailType) + utf8(detail);
    }

    private static long utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
