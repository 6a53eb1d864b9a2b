package com.memberpoints.domain.integration;

import static com.memberpoints.domain.integration.Entries.SHOP;
import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.domain.bulk.BulkJob;
import com.memberpoints.domain.bulk.ChunkTally;
import com.memberpoints.domain.inmemory.InMemoryIntegrationEventPublisher;
import com.memberpoints.domain.inmemory.InMemoryMemberStore;
import com.memberpoints.domain.inmemory.InMemoryMerchantStore;
import com.memberpoints.domain.integration.IntegrationEventPublisher.Rejected;
import com.memberpoints.domain.ledger.EntryKind;
import com.memberpoints.domain.ledger.JournalEntry;
import com.memberpoints.domain.ledger.NotifyChoice;
import com.memberpoints.domain.ledger.Wallet;
import com.memberpoints.domain.member.MemberProfile;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.testing.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Journal entries → integration events, and the at-least-once publication with retries of only the failed entries. */
class IntegrationEventsTest {
    private final InMemoryMerchantStore merchants = new InMemoryMerchantStore();
    private final InMemoryMemberStore members = new InMemoryMemberStore();
    private final List<Duration> sleeps = new ArrayList<>();

    IntegrationEventsTest() {
        merchants.save(Fixtures.merchant());
        members.upsert(new MemberProfile(SHOP, MemberId.of("alice"), Optional.of("Alice"), Optional.of("alice@example.com"),
                Optional.of("+886912345678"), Optional.of(Locale.forLanguageTag("zh-TW")), Optional.empty(), Entries.AT));
    }

    private IntegrationEvents events(IntegrationEventPublisher publisher, PersonalData personal) {
        return new IntegrationEvents(merchants, members, publisher,
                IntegrationEvents.Settings.DEFAULT.withPersonalData(personal), sleeps::add);
    }

    private static IntegrationFact journal(JournalEntry e) {
        return new IntegrationFact.Journal(e);
    }

    // ---------------------------------------------------------------- mapping

    @Test
    void everyLedgerKindMapsToItsEventOrToNone() {
        Map<String, String> seen = new java.util.TreeMap<>();
        for (Wallet w : Wallet.values()) {
            for (EntryKind k : EntryKind.values()) {
                JournalEntry e = Entries.entry("alice", w, k, 5, "N#" + w + "#" + k + "#r1", Optional.empty(), "", Actor.SYSTEM);
                seen.put(w + " " + k, IntegrationEvents.eventOf(journal(e), m -> Entries.SHOP_CURRENCY, Optional.empty())
                        .map(IntegrationEvent::detailType).orElse("-"));
            }
        }
        assertThat(seen).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("POINTS EARN", "PointsEarned"), Map.entry("POINTS EARN_ADJUST_ADD", "PointsEarned"),
                Map.entry("POINTS REDEEM", "PointsRedeemed"), Map.entry("POINTS REDEEM_REVERT", "PointsReverted"),
                Map.entry("POINTS EARN_ADJUST_DEDUCT", "PointsReverted"), Map.entry("POINTS ADJUST_ADD", "PointsAdjusted"),
                Map.entry("POINTS ADJUST_DEDUCT", "PointsAdjusted"), Map.entry("POINTS BULK_CREDIT", "PointsAdjusted"),
                Map.entry("POINTS EXPIRE", "PointsExpired"), Map.entry("POINTS REWARD_CREDIT", "-"),
                Map.entry("CREDITS REWARD_CREDIT", "StoreCreditsIssued"), Map.entry("CREDITS ADJUST_ADD", "StoreCreditsAdjusted"),
                Map.entry("CREDITS ADJUST_DEDUCT", "StoreCreditsAdjusted"), Map.entry("CREDITS BULK_CREDIT", "StoreCreditsAdjusted"),
                Map.entry("CREDITS EXPIRE", "StoreCreditsExpired"), Map.entry("CREDITS EARN", "-"),
                Map.entry("CREDITS EARN_ADJUST_ADD", "-"), Map.entry("CREDITS EARN_ADJUST_DEDUCT", "-"),
                Map.entry("CREDITS REDEEM", "-"), Map.entry("CREDITS REDEEM_REVERT", "-"),
                Map.entry("POINTS IMPORT_CREDIT", "PointsAdjusted"), Map.entry("CREDITS IMPORT_CREDIT", "StoreCreditsAdjusted")));
    }

    @Test
    void anImportedBalanceIsAnAdjustmentFromTheImport() {
        JournalEntry e = Entries.entry("alice", Wallet.POINTS, EntryKind.IMPORT_CREDIT, 40, "N#POINTS#IMPORT#r1",
                Optional.empty(), "moved from the old system", Actor.SYSTEM);
        assertThat(IntegrationEvents.eventOf(journal(e), m -> Entries.SHOP_CURRENCY, Optional.empty()).orElseThrow())
                .isInstanceOfSatisfying(IntegrationEvent.PointsAdjusted.class,
                        a -> assertThat(a.source()).isEqualTo(IntegrationEvent.AdjustmentSource.IMPORT));
    }

    @Test
    void anEarnCarriesIdsAmountsBalanceOrderAndLotExpiryButNoPersonalDataByDefault() {
        JournalEntry e = Entries.entry("alice", Wallet.POINTS, EntryKind.EARN, 98, "O#o-1001#POINTS#EARN",
                Optional.of("o-1001"), "", Actor.SYSTEM);
        String json = IntegrationEvents.eventOf(journal(e), m -> Entries.SHOP_CURRENCY, Optional.empty()).orElseThrow().detailJson();
        assertThat(json).isEqualTo("{\"eventId\":\"" + IntegrationEventIds.ofJournalEntry(SHOP, MemberId.of("alice"), e.operationId())
                + "\",\"merchantId\":\"shop-1\",\"memberId\":\"alice\",\"occurredAt\":\"2021-12-04T01:00:00Z\","
                + "\"ledgerEntry\":\"EARN\",\"points\":98,\"balanceAfter\":1098,\"orderId\":\"o-1001\","
                + "\"expiresAt\":\"2022-12-31T15:59:59Z\",\"actor\":\"system\"}");
    }

    @Test
    void storeCreditsAreDecimalStringsInTheStoreCurrency_andAManualAdjustmentNamesItsSource() {
        JournalEntry issued = Entries.entry("alice", Wallet.CREDITS, EntryKind.REWARD_CREDIT, 5000, "O#o-1#CREDITS#REWARD_CREDIT",
                Optional.of("o-1"), "", Actor.SYSTEM);
        JournalEntry deducted = Entries.entry("alice", Wallet.CREDITS, EntryKind.ADJUST_DEDUCT, 250, "N#CREDITS#ADJUST#r9",
                Optional.empty(), "damaged", Actor.staff("bob"));
        java.util.Currency usd = java.util.Currency.getInstance("USD");
        String a = IntegrationEvents.eventOf(journal(issued), m -> usd, Optional.empty()).orElseThrow().detailJson();
        String b = IntegrationEvents.eventOf(journal(deducted), m -> usd, Optional.empty()).orElseThrow().detailJson();
        assertThat(a).contains("\"amount\":\"50.00\",\"balanceAfter\":\"60.00\",\"currency\":\"USD\"");
        assertThat(b).contains("\"amount\":\"-2.50\",\"balanceAfter\":\"7.50\"")
                .contains("\"actor\":\"staff:bob\"", "\"adjustment\":\"MANUAL\"").doesNotContain("damaged");
    }

    @Test
    void withTheOptInTheMembersContactAndTheStaffReasonAreIncluded_withoutItNeither() {
        JournalEntry add = Entries.entry("alice", Wallet.POINTS, EntryKind.ADJUST_ADD, 50, "N#POINTS#ADJUST#r1",
                Optional.empty(), "birthday \"gift\"", Actor.staff("bob"));
        var none = new InMemoryIntegrationEventPublisher();
        var contact = new InMemoryIntegrationEventPublisher();
        events(none, PersonalData.NONE).publish(List.of(journal(add)));
        events(contact, PersonalData.CONTACT).publish(List.of(journal(add)));
        assertThat(none.events().getFirst().detail()).doesNotContain("alice@example.com", "Alice", "+886", "birthday");
        assertThat(contact.events().getFirst().detail()).contains(
                "\"reason\":\"birthday \\\"gift\\\"\"",
                "\"member\":{\"name\":\"Alice\",\"email\":\"alice@example.com\",\"phone\":\"+886912345678\",\"locale\":\"zh-TW\"}");
    }

    @Test
    void aCompletedBulkJobAndAPointsReminderHaveTheirOwnEvents_aCreditsReminderHasNone() {
        BulkJob job = BulkJob.created(SHOP, "bulk-7", 100, "promo", NotifyChoice.NONE, Actor.staff("bob"), Entries.AT,
                Optional.empty(), 3).plus(new ChunkTally(2, 1, 0, 0, 0));
        Instant done = Entries.AT.plusSeconds(60);
        var bus = new InMemoryIntegrationEventPublisher();
        ExpiryReminderSent points = new ExpiryReminderSent(SHOP, MemberId.of("alice"), Wallet.POINTS, 300, Entries.LOT, Entries.AT);
        ExpiryReminderSent credits = new ExpiryReminderSent(SHOP, MemberId.of("alice"), Wallet.CREDITS, 300, Entries.LOT, Entries.AT);
        var report = events(bus, PersonalData.NONE).publish(List.of(new IntegrationFact.BulkCompleted(job, done),
                new IntegrationFact.ReminderSent(points), new IntegrationFact.ReminderSent(credits)));
        assertThat(report.events()).isEqualTo(2);
        assertThat(bus.events()).extracting(OutgoingEvent::detailType).containsExactly("BulkJobCompleted", "PointsAboutToExpire");
        assertThat(bus.events().get(0).detail()).contains("\"jobId\":\"bulk-7\"", "\"members\":3", "\"credited\":2",
                "\"unknownMembers\":1", "\"failed\":0", "\"occurredAt\":\"2021-12-04T01:01:00Z\"");
        assertThat(bus.events().get(0).eventId()).isEqualTo(IntegrationEventIds.ofBulkJob(SHOP, "bulk-7"));
        assertThat(bus.events().get(1).detail()).contains("\"points\":300", "\"expiresAt\":\"2022-12-31T15:59:59Z\"");
        assertThat(bus.events().get(1).time()).isEqualTo(Entries.AT);
    }

    // ---------------------------------------------------------------- publication

    @Test
    void twentyFiveEntriesAreThreeRequests() {
        var bus = new InMemoryIntegrationEventPublisher();
        List<IntegrationFact> facts = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            facts.add(journal(Entries.earn("m" + i, "o-" + i, 10)));
        }
        var report = events(bus, PersonalData.NONE).publish(facts);
        assertThat(report.putCalls()).isEqualTo(3);
        assertThat(report.published()).isEqualTo(25);
        assertThat(bus.requests()).extracting(List::size).containsExactly(10, 10, 5);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void aPartialFailureIsRetriedForTheFailedEntriesOnly() {
        Map<String, AtomicInteger> refusals = new HashMap<>();
        var bus = new InMemoryIntegrationEventPublisher(e -> e.detail().contains("\"memberId\":\"m3\"")
                || e.detail().contains("\"memberId\":\"m7\"")
                ? refusals.computeIfAbsent(e.eventId(), k -> new AtomicInteger()).getAndIncrement() < 2
                        ? Optional.of(new Rejected(e.eventId(), "ThrottlingException", "slow down")) : Optional.empty()
                : Optional.empty());
        List<IntegrationFact> facts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            facts.add(journal(Entries.earn("m" + i, "o-" + i, 10)));
        }
        var report = events(bus, PersonalData.NONE).publish(facts);
        assertThat(report.failures()).isEmpty();
        assertThat(report.published()).isEqualTo(10);
        assertThat(bus.requests()).extracting(List::size).containsExactly(10, 2, 2);
        assertThat(bus.requests().get(1)).extracting(OutgoingEvent::detail)
                .allMatch(d -> d.contains("\"memberId\":\"m3\"") || d.contains("\"memberId\":\"m7\""));
        assertThat(bus.events()).hasSize(10).extracting(OutgoingEvent::eventId).doesNotHaveDuplicates();
        assertThat(sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    void entriesStillRefusedAfterTheLastAttemptAreReportedByTheirFacts_theEarliestFirst() {
        var bus = new InMemoryIntegrationEventPublisher(e -> e.detail().contains("\"memberId\":\"m2\"")
                || e.detail().contains("\"memberId\":\"m5\"")
                ? Optional.of(new Rejected(e.eventId(), "InternalFailure", "try again")) : Optional.empty());
        List<IntegrationFact> facts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            facts.add(journal(Entries.earn("m" + i, "o-" + i, 10)));
        }
        var report = events(bus, PersonalData.NONE).publish(facts);
        assertThat(report.failures()).extracting(IntegrationEvents.Failure::fact).containsExactly(2, 5);
        assertThat(report.firstFailedFact()).hasValue(2);
        assertThat(report.failures().getFirst().reason()).contains("InternalFailure", "after 4 attempts");
        assertThat(report.putCalls()).as("one request, then three retries of the two refused").isEqualTo(4);
        assertThat(report.published()).isEqualTo(6);
        assertThat(sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));
    }

    @Test
    void aRequestThatFailsAsAWholeIsRetriedWhole_andSucceedsWhenTheBusRecovers() {
        AtomicInteger calls = new AtomicInteger();
        var inner = new InMemoryIntegrationEventPublisher();
        IntegrationEventPublisher flaky = batch -> {
            if (calls.incrementAndGet() == 1) {
                throw new IntegrationEventPublisher.PublisherException("connection reset", null);
            }
            return inner.put(batch);
        };
        var report = events(flaky, PersonalData.NONE).publish(List.of(journal(Entries.earn("a", "o-1", 1)),
                journal(Entries.earn("b", "o-2", 2))));
        assertThat(report.failures()).isEmpty();
        assertThat(report.putCalls()).isEqualTo(2);
        assertThat(inner.events()).hasSize(2);
    }

    @Test
    void aFactWhoseEventCannotBeMadeFailsAlone() {
        JournalEntry unknownShop = new JournalEntry(new com.memberpoints.domain.ledger.OperationId("O#o-9#CREDITS#REWARD_CREDIT"),
                new com.memberpoints.domain.ledger.WalletRef(MerchantId.of("nobody"), MemberId.of("x"), Wallet.CREDITS),
                EntryKind.REWARD_CREDIT, 10, List.of(new com.memberpoints.domain.ledger.LotChange(Optional.empty(), 10)), "",
                Actor.SYSTEM, Optional.empty(), Entries.AT, 10, 1, "d");
        var bus = new InMemoryIntegrationEventPublisher();
        var report = events(bus, PersonalData.NONE).publish(List.of(journal(Entries.earn("a", "o-1", 1)), journal(unknownShop),
                journal(Entries.earn("b", "o-2", 2))));
        assertThat(report.firstFailedFact()).hasValue(1);
        assertThat(report.failures().getFirst().reason()).contains("no merchant profile for nobody");
        assertThat(bus.events()).hasSize(2);
    }

    @Test
    void theSameFactTwiceInABatchIsPutOnce() {
        var bus = new InMemoryIntegrationEventPublisher();
        IntegrationFact f = journal(Entries.earn("a", "o-1", 1));
        var report = events(bus, PersonalData.NONE).publish(List.of(f, f));
        assertThat(report.events()).isEqualTo(1);
        assertThat(bus.events()).hasSize(1);
    }
}
