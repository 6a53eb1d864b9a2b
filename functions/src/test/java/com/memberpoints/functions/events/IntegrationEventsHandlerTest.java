package com.memberpoints.functions.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.memberpoints.domain.inmemory.InMemoryIntegrationEventPublisher;
import com.memberpoints.domain.inmemory.InMemoryMemberStore;
import com.memberpoints.domain.inmemory.InMemoryMerchantStore;
import com.memberpoints.domain.integration.IntegrationEventPublisher;
import com.memberpoints.domain.integration.IntegrationEvents;
import com.memberpoints.domain.integration.OutgoingEvent;
import com.memberpoints.domain.integration.PersonalData;
import com.memberpoints.domain.member.MemberProfile;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.functions.platform.CapturedLog;
import com.memberpoints.functions.platform.TestContext;
import com.memberpoints.functions.platform.log.Emf;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The integration events stream consumer on a DynamoDB stream fixture (an earn, a balance MODIFY, a reward credit, a bulk
 * job half done then completed, a staff deduction); the bus is the in-memory publisher port.
 */
class IntegrationEventsHandlerTest {
    private final InMemoryMerchantStore merchants = new InMemoryMerchantStore();
    private final InMemoryMemberStore members = new InMemoryMemberStore();
    private final CapturedLog log = new CapturedLog();

    IntegrationEventsHandlerTest() {
        merchants.save(new Merchant(MerchantId.of("shop-1"), "Tea & Co", Currency.getInstance("TWD"),
                ZoneId.of("Asia/Taipei"), Locale.ENGLISH, Set.of(), true, true, Set.of()));
        members.upsert(new MemberProfile(MerchantId.of("shop-1"), MemberId.of("amy"), Optional.of("Amy"),
                Optional.of("amy@example.com"), Optional.empty(), Optional.empty(), Optional.empty(),
                Instant.parse("2021-01-01T00:00:00Z")));
    }

    private StreamsEventResponse deliver(IntegrationEventPublisher bus, PersonalData personal) {
        DynamodbEvent event = EventLoader.loadDynamoDbEvent("events/dynamodb-stream-integration.json");
        IntegrationEvents events = new IntegrationEvents(merchants, members, bus,
                IntegrationEvents.Settings.DEFAULT.withPersonalData(personal), d -> { });
        return new IntegrationEventsHandler(events, log.logger()).handleRequest(event, new TestContext());
    }

    @Test
    void journalInsertsAndTheCompletedBulkJobArePublishedInOneRequest_theRestIsSkipped() {
        var bus = new InMemoryIntegrationEventPublisher();

        assertThat(deliver(bus, PersonalData.NONE).getBatchItemFailures()).isEmpty();

        assertThat(bus.requests()).hasSize(1);
        assertThat(bus.events()).extracting(OutgoingEvent::detailType)
                .containsExactly("PointsEarned", "StoreCreditsIssued", "BulkJobCompleted", "PointsAdjusted");
        assertThat(bus.events().get(0).detail()).contains("\"points\":120", "\"orderId\":\"o-1\"", "\"balanceAfter\":120");
        assertThat(bus.events().get(1).detail()).contains("\"amount\":\"50.00\"", "\"currency\":\"TWD\"");
        assertThat(bus.events().get(2).detail()).contains("\"jobId\":\"bulk-7\"", "\"credited\":1490",
                "\"occurredAt\":\"2021-12-04T02:00:00Z\"");
        assertThat(bus.events().get(3).detail()).contains("\"points\":-20", "\"adjustment\":\"MANUAL\"")
                .doesNotContain("Mistake", "amy@example.com");
        assertThat(Emf.totals(log.lines()).getOrDefault("IntegrationEventsPublished", 0L)).isEqualTo(4L);
        assertThat(Emf.totals(log.lines()).getOrDefault("IntegrationEventsFailed", 0L)).isZero();
    }

    @Test
    void anExpiryReminderMarkerBecomesPointsAboutToExpire_issue12_2() {
        var bus = new InMemoryIntegrationEventPublisher();
        DynamodbEvent event = EventLoader.loadDynamoDbEvent("events/dynamodb-stream-reminder.json");
        IntegrationEvents events = new IntegrationEvents(merchants, members, bus, IntegrationEvents.Settings.DEFAULT,
                d -> { });
        assertThat(new IntegrationEventsHandler(events, log.logger()).handleRequest(event, new TestContext())
                .getBatchItemFailures()).isEmpty();
        assertThat(bus.events()).extracting(OutgoingEvent::detailType).contains("PointsAboutToExpire");
        assertThat(bus.events().stream().filter(e -> e.detailType().equals("PointsAboutToExpire")).findFirst()
                .orElseThrow().detail()).contains("\"memberId\":\"amy\"", "1098", "2022-12-31T15:59:59Z");
    }

    @Test
    void withTheOptInTheContactAndReasonAreCarried() {
        var bus = new InMemoryIntegrationEventPublisher();
        deliver(bus, PersonalData.CONTACT);
        assertThat(bus.events().get(3).detail()).contains("\"reason\":\"Mistake\"", "\"email\":\"amy@example.com\"");
    }

    @Test
    void anEventTheBusKeepsRefusingFailsItsRecord_soTheStreamRetriesFromIt_andTheRetryCompletesIt() {
        var refusing = new InMemoryIntegrationEventPublisher(e -> e.detailType().equals("StoreCreditsIssued")
                ? Optional.of(new IntegrationEventPublisher.Rejected(e.eventId(), "InternalFailure", "try again"))
                : Optional.empty());

        StreamsEventResponse r = deliver(refusing, PersonalData.NONE);

        assertThat(r.getBatchItemFailures()).singleElement()
                .satisfies(f -> assertThat(f.getItemIdentifier()).isEqualTo("000000000000000000203"));
        assertThat(refusing.events()).extracting(OutgoingEvent::detailType)
                .containsExactly("PointsEarned", "BulkJobCompleted", "PointsAdjusted");
        assertThat(Emf.totals(log.lines()).getOrDefault("IntegrationEventsFailed", 0L)).isEqualTo(1L);
        assertThat(String.join("\n", log.lines())).contains("integration events not published", "InternalFailure");

        // Lambda's retry delivers the batch again: every event arrives (again), consumers dedupe on eventId
        var bus = new InMemoryIntegrationEventPublisher();
        assertThat(deliver(bus, PersonalData.NONE).getBatchItemFailures()).isEmpty();
        assertThat(bus.events()).hasSize(4);
        assertThat(bus.events().get(0).eventId()).isEqualTo(refusing.events().get(0).eventId());
    }

    @Test
    void aBusThatFailsEveryRequestFailsTheFirstRecord() {
        IntegrationEventPublisher down = batch -> {
            throw new IntegrationEventPublisher.PublisherException("connection refused", null);
        };
        assertThat(deliver(down, PersonalData.NONE).getBatchItemFailures()).singleElement()
                .satisfies(f -> assertThat(f.getItemIdentifier()).isEqualTo("000000000000000000201"));
    }

    @Test
    void anUnreadableRecordFailsTheBatchFromIt_theRecordsBeforeItArePublished() {
        DynamodbEvent event = EventLoader.loadDynamoDbEvent("events/dynamodb-stream-integration.json");
        // the completed job's record without its creation time: the completion instant is unknown
        event.getRecords().get(4).getDynamodb().setApproximateCreationDateTime(null);
        var bus = new InMemoryIntegrationEventPublisher();
        IntegrationEvents events = new IntegrationEvents(merchants, members, bus, IntegrationEvents.Settings.DEFAULT, d -> { });

        StreamsEventResponse r = new IntegrationEventsHandler(events, log.logger()).handleRequest(event, new TestContext());

        assertThat(r.getBatchItemFailures()).singleElement()
                .satisfies(f -> assertThat(f.getItemIdentifier()).isEqualTo("000000000000000000205"));
        assertThat(bus.events()).extracting(OutgoingEvent::detailType).containsExactly("PointsEarned", "StoreCreditsIssued");
        assertThat(String.join("\n", log.lines())).contains("unreadable stream record");
    }

    @Test
    void anEmptyOrMissingBatchPublishesNothing() {
        var bus = new InMemoryIntegrationEventPublisher();
        IntegrationEvents events = new IntegrationEvents(merchants, members, bus, IntegrationEvents.Settings.DEFAULT, d -> { });
        assertThat(new IntegrationEventsHandler(events, log.logger()).handleRequest(new DynamodbEvent(), new TestContext())
                .getBatchItemFailures()).isEmpty();
        assertThat(bus.requests()).isEmpty();
    }

    @Test
    void retriesWaitTheDocumentedBackoff() {
        assertThat(IntegrationEvents.Settings.DEFAULT.maxAttempts()).isEqualTo(4);
        assertThat(IntegrationEvents.Settings.DEFAULT.firstBackoff()).isEqualTo(Duration.ofMillis(100));
        assertThat(List.of(IntegrationEvents.Settings.DEFAULT.source())).containsExactly("member-points");
    }
}
