package com.memberpoints.infra.eventbridge;

import com.memberpoints.domain.integration.EventBatches;
import com.memberpoints.domain.integration.IntegrationEventPublisher;
import com.memberpoints.domain.integration.OutgoingEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * {@link IntegrationEventPublisher} on an EventBridge bus: one {@code PutEvents} request per call, each event an entry
 * with the configured bus and {@code source}, the event's {@code detail-type}, {@code time} and {@code detail}. The
 * answer's result entries are in the request's order: an entry with an error code was not accepted and is reported
 * as {@link Rejected} with that code (the use case retries exactly those). A request that fails as a whole (an SDK
 * exception after the client's own retries, a validation error) is a {@link PublisherException}.
 *
 * @see com.memberpoints.domain.integration.IntegrationEvents
 */
public final class EventBridgeIntegrationEventPublisher implements IntegrationEventPublisher {
    private final EventBridgeClient eventBridge;
    private final String busName;
    private final String source;

    /**
     * @param busName the bus name or ARN ({@code default} is the account's default bus)
     * @param source  the events' {@code source}, which the rules match on
     */
    public EventBridgeIntegrationEventPublisher(EventBridgeClient eventBridge, String busName, String source) {
        this.eventBridge = Objects.requireNonNull(eventBridge, "eventBridge");
        this.busName = Objects.requireNonNull(busName, "busName");
        this.source = Objects.requireNonNull(source, "source");
    }

    @Override
    public List<Rejected> put(List<OutgoingEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        if (events.size() > EventBatches.MAX_ENTRIES) {
            throw new IllegalArgumentException("a PutEvents request carries at most " + EventBatches.MAX_ENTRIES + " entries");
        }
        List<PutEventsRequestEntry> entries = new ArrayList<>(events.size());
        for (OutgoingEvent e : events) {
            entries.add(PutEventsRequestEntry.builder()
                    .eventBusName(busName)
                    .source(source)
                    .detailType(e.detailType())
                    .time(e.time())
                    .detail(e.detail())
                    .build());
        }
        PutEventsResponse response;
        try {
            response = eventBridge.putEvents(b -> b.entries(entries));
        } catch (SdkException e) {
            throw new PublisherException("PutEvents of " + events.size() + " events to bus " + busName + " failed: "
                    + e.getMessage(), e);
        }
        List<PutEventsResultEntry> results = response.hasEntries() ? response.entries() : List.of();
        if (results.size() != events.size()) {
            throw new PublisherException("PutEvents answered " + results.size() + " results for " + events.size()
                    + " entries", null);
        }
        List<Rejected> rejected = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            PutEventsResultEntry r = results.get(i);
            if (r.errorCode() != null && !r.errorCode().isEmpty()) {
                rejected.add(new Rejected(events.get(i).eventId(), r.errorCode(),
                        r.errorMessage() == null ? "" : r.errorMessage()));
            }
        }
        return rejected;
    }
}
