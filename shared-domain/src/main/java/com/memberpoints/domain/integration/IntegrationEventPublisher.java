package com.memberpoints.domain.integration;

import java.util.List;
import java.util.Objects;

/**
 * Port: puts integration events on the merchant's event bus, one request at a time (EventBridge {@code PutEvents};
 * the local stack keeps them in memory). {@link IntegrationEvents} sizes the requests ({@link EventBatches}) and
 * retries what was not accepted.
 */
public interface IntegrationEventPublisher {

    /**
     * Puts one request's events (at most {@link EventBatches#MAX_ENTRIES}, within {@link EventBatches#MAX_REQUEST_BYTES}).
     *
     * @return the entries the bus did not accept (a partial failure); empty when all were accepted
     * @throws PublisherException when the request as a whole failed (nothing is known to be accepted)
     */
    List<Rejected> put(List<OutgoingEvent> events);

    /** An entry the bus refused, with its error code and message. */
    record Rejected(String eventId, String code, String message) {
        public Rejected {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }
    }

    final class PublisherException extends RuntimeException {
        public PublisherException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
