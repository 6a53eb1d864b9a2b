package com.memberpoints.domain.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Requests never exceed 10 entries or 256 KB; every event that fits is in exactly one request, in order. */
class EventBatchesProperties {
    static final String SOURCE = "member-points";

    @Provide
    Arbitrary<List<OutgoingEvent>> events() {
        // mostly small events, some large (up to 300 KB: over the limit alone) and some multi-byte characters
        Arbitrary<Integer> size = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(20, Arbitraries.integers().between(0, 2_000)),
                net.jqwik.api.Tuple.of(4, Arbitraries.integers().between(20_000, 140_000)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(250_000, 300_000)));
        Arbitrary<Character> ch = Arbitraries.of('a', 'é', '點');
        return net.jqwik.api.Combinators.combine(size, ch).as((n, c) -> n + ":" + c)
                .list().ofMaxSize(60).map(specs -> {
                    List<OutgoingEvent> out = new ArrayList<>();
                    for (int i = 0; i < specs.size(); i++) {
                        String[] p = specs.get(i).split(":");
                        String detail = "{\"x\":\"" + p[1].repeat(Integer.parseInt(p[0]) / 3) + "\"}";
                        out.add(new OutgoingEvent("e" + i, "PointsEarned", Instant.EPOCH, detail));
                    }
                    return out;
                });
    }

    @Property(tries = 300)
    void requestsStayWithinTheLimitsAndCarryEveryEventThatFitsOnceInOrder(@ForAll("events") List<OutgoingEvent> events) {
        EventBatches.Split split = EventBatches.split(events, SOURCE);
        List<OutgoingEvent> carried = new ArrayList<>();
        for (List<OutgoingEvent> request : split.requests()) {
            assertThat(request).isNotEmpty().hasSizeLessThanOrEqualTo(EventBatches.MAX_ENTRIES);
            long bytes = request.stream().mapToLong(e -> e.sizeBytes(SOURCE)).sum();
            assertThat(bytes).isLessThanOrEqualTo(EventBatches.MAX_REQUEST_BYTES);
            carried.addAll(request);
        }
        List<OutgoingEvent> fitting = events.stream().filter(e -> e.sizeBytes(SOURCE) <= EventBatches.MAX_REQUEST_BYTES).toList();
        assertThat(carried).containsExactlyElementsOf(fitting);
        assertThat(split.oversize()).allMatch(e -> e.sizeBytes(SOURCE) > EventBatches.MAX_REQUEST_BYTES);
        assertThat(carried.size() + split.oversize().size()).isEqualTo(events.size());
    }

    @Property(tries = 200)
    void aRequestIsClosedOnlyWhenTheNextEventWouldNotFit(@ForAll("events") List<OutgoingEvent> events) {
        List<List<OutgoingEvent>> requests = EventBatches.split(events, SOURCE).requests();
        for (int i = 0; i + 1 < requests.size(); i++) {
            List<OutgoingEvent> r = requests.get(i);
            long bytes = r.stream().mapToLong(e -> e.sizeBytes(SOURCE)).sum();
            long next = requests.get(i + 1).getFirst().sizeBytes(SOURCE);
            assertThat(r.size() == EventBatches.MAX_ENTRIES || bytes + next > EventBatches.MAX_REQUEST_BYTES)
                    .as("request " + i + " could have taken the next event").isTrue();
        }
    }
}
