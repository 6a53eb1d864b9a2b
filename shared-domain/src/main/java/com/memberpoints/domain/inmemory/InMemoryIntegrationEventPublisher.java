package com.memberpoints.domain.inmemory;

import com.memberpoints.domain.integration.IntegrationEventPublisher;
import com.memberpoints.domain.integration.OutgoingEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@link IntegrationEventPublisher} in memory: keeps every accepted event in order (the local stack lists them at
 * {@code GET /local/events}) and counts the requests. A rule given at construction may refuse entries, as the bus
 * would in a partial failure (tests of the retry loop).
 */
public final class InMemoryIntegrationEventPublisher implements IntegrationEventPublisher {
    private final Function<OutgoingEvent, Optional<Rejected>> refuse;
    private final List<OutgoingEvent> accepted = new ArrayList<>();
    private final List<List<OutgoingEvent>> requests = new ArrayList<>();

    /** Accepts everything. */
    public InMemoryIntegrationEventPublisher() {
        this(e -> Optional.empty());
    }

    /** Refuses the entries for which {@code refuse} answers a rejection (asked on every attempt). */
    public InMemoryIntegrationEventPublisher(Function<OutgoingEvent, Optional<Rejected>> refuse) {
        this.refuse = Objects.requireNonNull(refuse, "refuse");
    }

    @Override
    public synchronized List<Rejected> put(List<OutgoingEvent> events) {
        requests.add(List.copyOf(events));
        List<Rejected> rejected = new ArrayList<>();
        for (OutgoingEvent e : events) {
            Optional<Rejected> r = refuse.apply(e);
            if (r.isPresent()) {
                rejected.add(r.get());
            } else {
                accepted.add(e);
            }
        }
        return rejected;
    }

    /** Every event accepted, oldest first (a redelivered event appears again, as on a real bus). */
    public synchronized List<OutgoingEvent> events() {
        return List.copyOf(accepted);
    }

    /** Every request made, in order. */
    public synchronized List<List<OutgoingEvent>> requests() {
        return List.copyOf(requests);
    }

    public synchronized void clear() {
        accepted.clear();
        requests.clear();
    }
}
