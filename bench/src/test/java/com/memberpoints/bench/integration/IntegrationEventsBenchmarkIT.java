package com.memberpoints.bench.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.domain.inmemory.InMemoryIntegrationEventPublisher;
import com.memberpoints.domain.inmemory.InMemoryMemberStore;
import com.memberpoints.domain.inmemory.InMemoryMerchantStore;
import com.memberpoints.domain.integration.EventBatches;
import com.memberpoints.domain.integration.IntegrationEventPublisher;
import com.memberpoints.domain.integration.IntegrationEvents;
import com.memberpoints.domain.integration.IntegrationFact;
import com.memberpoints.domain.integration.MemberContact;
import com.memberpoints.domain.integration.OutgoingEvent;
import com.memberpoints.domain.integration.PersonalData;
import com.memberpoints.domain.ledger.EntryKind;
import com.memberpoints.domain.ledger.JournalEntry;
import com.memberpoints.domain.ledger.LotChange;
import com.memberpoints.domain.ledger.OperationId;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.OrderId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Integration events, counted: {@code PutEvents} requests per N journal entries as IntegrationEventsFunction makes them
 * (the real use case; the bus is the in-memory port, which counts requests exactly as the EventBridge adapter makes
 * them: one {@code PutEvents} per {@code put}). Stream batches of up to 100 records (the mapping's BatchSize); the
 * request size of typical and largest events against the 256 KB limit. Printed; the budget is asserted.
 */
class IntegrationEventsBenchmarkIT {
    static final MerchantId SHOP = MerchantId.of("shop-1");
    static final int STREAM_BATCH = 100;

    @Test
    void putEventsRequestsPerJournalEntries() {
        System.out.println();
        System.out.println("=== Integration events: PutEvents requests per journal entries ===");
        System.out.printf("%-44s %8s %8s %10s %14s%n", "scenario", "entries", "events", "PutEvents", "per entry");
        for (int n : new int[] {1, 10, 100, 1_000, 10_000}) {
            Run r = run(n, STREAM_BATCH, Set.of());
            print("busy stream (batches of " + STREAM_BATCH + ")", n, r);
            assertThat(r.requests).isEqualTo(expectedRequests(n, STREAM_BATCH));
        }
        Run quiet = run(100, 1, Set.of());
        print("quiet stream (one record per batch)", 100, quiet);
        assertThat(quiet.requests).isEqualTo(100);
        Set<Integer> refusedOnce = new HashSet<>();
        for (int i = 0; i < 1_000; i += 100) {
            refusedOnce.add(i); // 1 % of the entries refused once (throttled), accepted on the retry
        }
        Run throttled = run(1_000, STREAM_BATCH, refusedOnce);
        print("busy, 1 % of entries refused once", 1_000, throttled);
        assertThat(throttled.requests).isEqualTo(expectedRequests(1_000, STREAM_BATCH) + refusedOnce.size());
        assertThat(throttled.published).isEqualTo(1_000);
        System.out.println("per entry = PutEvents requests / journal entries; EventBridge bills per 64 KB chunk of each entry, "
                + "so one entry = one billed event whatever the batching");
    }

    @Test
    void requestsAreBoundByTenEntriesNotBy256Kb() {
        OutgoingEvent typical = OutgoingEvent.of(IntegrationEvents.eventOf(new IntegrationFact.Journal(entry(7, "alice", "o-1001", "")),
                m -> java.util.Currency.getInstance("TWD"), Optional.empty()).orElseThrow());
        String id128 = "m".repeat(128);
        JournalEntry longest = new JournalEntry(new OperationId("N#POINTS#ADJUST#" + "r".repeat(128)),
                WalletRef.points(MerchantId.of("s".repeat(128)), MemberId.of(id128)), EntryKind.ADJUST_ADD, 1_000_000_000L,
                List.of(new LotChange(Optional.of(Instant.parse("2099-12-31T15:59:59Z")), 1_000_000_000L)), "點".repeat(200),
                Actor.staff("b".repeat(128)), Optional.empty(), Instant.parse("2021-12-04T01:00:00Z"), 9_000_000_000L, 1, "d");
        MemberContact contact = new MemberContact(Optional.of("名".repeat(200)), Optional.of("e".repeat(254)),
                Optional.of("+" + "9".repeat(15)), Optional.of("zh-Hant-TW"));
        OutgoingEvent largest = OutgoingEvent.of(IntegrationEvents.eventOf(new IntegrationFact.Journal(longest),
                m -> java.util.Currency.getInstance("TWD"), Optional.of(contact)).orElseThrow());
        String source = IntegrationEvents.Settings.DEFAULT_SOURCE;
        System.out.println();
        System.out.println("=== Integration events: entry size (EventBridge's PutEvents size rule) ===");
        System.out.printf("typical event (PointsEarned, 7-char ids)         %6d bytes; 10 per request = %7d bytes%n",
                typical.sizeBytes(source), 10 * typical.sizeBytes(source));
        System.out.printf("largest event (128-char ids, 200-char CJK reason, contact) %6d bytes; 10 per request = %7d bytes%n",
                largest.sizeBytes(source), 10 * largest.sizeBytes(source));
        System.out.printf("request limit %d bytes: requests are bound by the 10-entry limit%n", EventBatches.MAX_REQUEST_BYTES);
        assertThat(10 * largest.sizeBytes(source)).isLessThan(EventBatches.MAX_REQUEST_BYTES);
    }

    record Run(int events, int requests, int published) {}

    private static Run run(int n, int streamBatch, Set<Integer> refuseOnce) {
        InMemoryMerchantStore merchants = new InMemoryMerchantStore();
        Set<String> refusedIds = new HashSet<>();
        List<String> toRefuse = new ArrayList<>();
        List<IntegrationFact> facts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            JournalEntry e = entry(i, "member-" + (i % 997), "order-" + i, "");
            facts.add(new IntegrationFact.Journal(e));
            if (refuseOnce.contains(i)) {
                toRefuse.add(com.memberpoints.domain.integration.IntegrationEventIds.ofJournalEntry(SHOP,
                        e.wallet().member(), e.operationId()));
            }
        }
        var bus = new InMemoryIntegrationEventPublisher(ev -> toRefuse.contains(ev.eventId()) && refusedIds.add(ev.eventId())
                ? Optional.of(new IntegrationEventPublisher.Rejected(ev.eventId(), "ThrottlingException", "rate exceeded"))
                : Optional.empty());
        var events = new IntegrationEvents(merchants, new InMemoryMemberStore(), bus,
                IntegrationEvents.Settings.DEFAULT.withPersonalData(PersonalData.NONE), d -> { });
        int made = 0;
        int published = 0;
        for (int from = 0; from < n; from += streamBatch) {
            IntegrationEvents.Report r = events.publish(facts.subList(from, Math.min(n, from + streamBatch)));
            made += r.events();
            published += r.published();
            assertThat(r.failures()).isEmpty();
        }
        return new Run(made, bus.requests().size(), published);
    }

    private static int expectedRequests(int n, int streamBatch) {
        int full = n / streamBatch;
        int rest = n % streamBatch;
        return full * ((streamBatch + 9) / 10) + (rest + 9) / 10;
    }

    private static void print(String scenario, int entries, Run r) {
        System.out.printf("%-44s %8d %8d %10d %14.3f%n", scenario, entries, r.events, r.requests, (double) r.requests / entries);
    }

    private static JournalEntry entry(int i, String member, String order, String reason) {
        return new JournalEntry(new OperationId("O#" + order + "#POINTS#EARN"), WalletRef.points(SHOP, MemberId.of(member)),
                EntryKind.EARN, 98, List.of(new LotChange(Optional.of(Instant.parse("2022-12-31T15:59:59Z")), 98)), reason,
                Actor.SYSTEM, Optional.of(OrderId.of(order)), Instant.parse("2021-12-04T01:00:00Z").plusSeconds(i), 1098, 1, "d");
    }
}
