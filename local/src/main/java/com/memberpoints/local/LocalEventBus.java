package com.memberpoints.local;

import com.memberpoints.domain.integration.IntegrationEvents;
import com.memberpoints.domain.integration.IntegrationFact;
import com.memberpoints.domain.integration.OutgoingEvent;
import com.memberpoints.domain.inmemory.InMemoryIntegrationEventPublisher;
import com.memberpoints.domain.member.MemberStore;
import com.memberpoints.domain.merchant.MerchantStore;
import com.memberpoints.functions.platform.log.JsonLogger;
import java.util.List;
import java.util.Map;

/**
 * LOCAL ONLY: the integration events' EventBridge bus. In AWS the table stream feeds IntegrationEventsFunction, which
 * puts the events on the bus; locally each applied journal entry ({@link NotifyingLedgerStore}) and each completed bulk
 * job ({@link PublishingBulkJobStore}) goes through the same {@link IntegrationEvents} use case to an in-memory bus,
 * listed by {@code GET /local/events} ({@link LocalEventsHandler}). Personal data: none (the template's default).
 */
public final class LocalEventBus {
    private final InMemoryIntegrationEventPublisher bus = new InMemoryIntegrationEventPublisher();
    private final IntegrationEvents events;
    private final JsonLogger log;

    LocalEventBus(MerchantStore merchants, MemberStore members, JsonLogger log) {
        this.events = new IntegrationEvents(merchants, members, bus, IntegrationEvents.Settings.DEFAULT, d -> { });
        this.log = log;
    }

    /** Publishes the event of {@code fact}; a failure is logged and never fails the write that caused it. */
    void publish(IntegrationFact fact) {
        try {
            IntegrationEvents.Report report = events.publish(List.of(fact));
            if (!report.failures().isEmpty()) {
                log.warn("local: integration event not published", Map.of("reason", report.failures().getFirst().reason()));
            }
        } catch (RuntimeException e) {
            log.error("local: integration event failed (the write stands)", Map.of(), e);
        }
    }

    /** The source the events carry (as the template's IntegrationEventSource default). */
    public String source() {
        return events.settings().source();
    }

    /** Every event put on the bus, oldest first. */
    public List<OutgoingEvent> events() {
        return bus.events();
    }

    public void clear() {
        bus.clear();
    }
}
