package com.memberpoints.infra.eventbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.memberpoints.domain.integration.IntegrationEventPublisher;
import com.memberpoints.domain.integration.IntegrationEvents;
import com.memberpoints.domain.integration.IntegrationFact;
import com.memberpoints.domain.integration.OutgoingEvent;
import com.memberpoints.domain.inmemory.InMemoryMemberStore;
import com.memberpoints.domain.inmemory.InMemoryMerchantStore;
import com.memberpoints.domain.ledger.EntryKind;
import com.memberpoints.domain.ledger.JournalEntry;
import com.memberpoints.domain.ledger.LotChange;
import com.memberpoints.domain.ledger.OperationId;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.infra.testing.AwsEmulator;
import com.memberpoints.infra.testing.AwsEmulatorTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The EventBridge publisher against the AWS API emulator (moto in {@code .ci/run}, LocalStack in its second pass): a bus,
 * a rule on the integration events' source routing to an SQS queue, events put through the publisher (and through the
 * domain's use case), read back from the queue.
 */
@AwsEmulatorTest
class EventBridgeIntegrationEventPublisherIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SOURCE = "member-points-it";
    private static final MerchantId SHOP = MerchantId.of("shop-1");

    private EventBridgeClient eventBridge;
    private SqsClient sqs;
    private String bus;
    private String queueUrl;

    @BeforeEach
    void busRuleAndQueue(AwsEmulator emulator) {
        eventBridge = emulator.clients().eventBridge();
        sqs = emulator.clients().sqs();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        bus = "integration-" + suffix;
        eventBridge.createEventBus(b -> b.name(bus));
        queueUrl = sqs.createQueue(b -> b.queueName("integration-" + suffix)).queueUrl();
        String queueArn = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        eventBridge.putRule(b -> b.name("to-queue").eventBusName(bus)
                .eventPattern("{\"source\":[\"" + SOURCE + "\"]}"));
        eventBridge.putTargets(b -> b.rule("to-queue").eventBusName(bus)
                .targets(t -> t.id("queue").arn(queueArn)));
    }

    @Test
    void eventsPutOnTheBusReachTheQueueThroughTheRule() throws Exception {
        var publisher = new EventBridgeIntegrationEventPublisher(eventBridge, bus, SOURCE);
        List<OutgoingEvent> events = List.of(
                new OutgoingEvent("mp-1", "PointsEarned", Instant.parse("2021-12-04T01:00:00Z"), "{\"eventId\":\"mp-1\",\"points\":98}"),
                new OutgoingEvent("mp-2", "PointsRedeemed", Instant.parse("2021-12-04T01:00:01Z"), "{\"eventId\":\"mp-2\",\"points\":-200}"));

        assertThat(publisher.put(events)).isEmpty();

        Map<String, JsonNode> received = receive(2);
        assertThat(received).containsOnlyKeys("mp-1", "mp-2");
        JsonNode earned = received.get("mp-1");
        assertThat(earned.path("source").asText()).isEqualTo(SOURCE);
        assertThat(earned.path("detail-type").asText()).isEqualTo("PointsEarned");
        assertThat(earned.path("detail").path("points").asLong()).isEqualTo(98);
        assertThat(received.get("mp-2").path("detail-type").asText()).isEqualTo("PointsRedeemed");
    }

    @Test
    void aPartialFailureNamesOnlyTheRefusedEntry_theOthersAreDelivered() throws Exception {
        var publisher = new EventBridgeIntegrationEventPublisher(eventBridge, bus, SOURCE);
        List<OutgoingEvent> events = List.of(
                new OutgoingEvent("mp-a", "PointsEarned", Instant.EPOCH, "{\"eventId\":\"mp-a\"}"),
                new OutgoingEvent("mp-bad", "PointsEarned", Instant.EPOCH, "{not json"),
                new OutgoingEvent("mp-c", "PointsEarned", Instant.EPOCH, "{\"eventId\":\"mp-c\"}"));

        List<IntegrationEventPublisher.Rejected> rejected = publisher.put(events);

        assertThat(rejected).singleElement().satisfies(r -> {
            assertThat(r.eventId()).isEqualTo("mp-bad");
            assertThat(r.code()).isEqualTo("MalformedDetail");
        });
        assertThat(receive(2)).containsOnlyKeys("mp-a", "mp-c");
    }

    /**
     * An emulator difference, asserted: moto refuses the request as a whole (the adapter's {@code PublisherException},
     * so the use case retries and then fails the stream record); LocalStack 4.14 answers without an error and drops the
     * event. Either way nothing reaches the queue of the real bus.
     */
    @Test
    void anUnknownBusDeliversNothing(AwsEmulator emulator) throws Exception {
        var publisher = new EventBridgeIntegrationEventPublisher(eventBridge, "no-such-bus-" + UUID.randomUUID(), SOURCE);
        List<OutgoingEvent> events = List.of(new OutgoingEvent("mp-x", "PointsEarned", Instant.EPOCH, "{\"eventId\":\"mp-x\"}"));
        Throwable thrown = catchThrowable(() -> publisher.put(events));
        if (emulator.kind() == AwsEmulator.Kind.MOTO) {
            assertThat(thrown).isInstanceOf(IntegrationEventPublisher.PublisherException.class)
                    .hasMessageContaining("no-such-bus-");
        } else {
            assertThat(thrown).as(emulator.kind() + " accepts the request").isNull();
        }
        assertThat(receive(0)).isEmpty();
    }

    @Test
    void theUseCasePutsTwentyFiveJournalEntriesInThreeRequestsAndEachArrivesWithItsStableId() throws Exception {
        InMemoryMerchantStore merchants = new InMemoryMerchantStore();
        var events = new IntegrationEvents(merchants, new InMemoryMemberStore(),
                new EventBridgeIntegrationEventPublisher(eventBridge, bus, SOURCE),
                IntegrationEvents.Settings.DEFAULT.withSource(SOURCE), d -> Thread.sleep(d.toMillis()));
        List<IntegrationFact> facts = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            facts.add(new IntegrationFact.Journal(earn("m" + i, "o-" + i, 10 + i)));
        }

        IntegrationEvents.Report report = events.publish(facts);

        assertThat(report.failures()).isEmpty();
        assertThat(report.putCalls()).isEqualTo(3);
        Map<String, JsonNode> received = receive(25);
        assertThat(received).hasSize(25);
        JsonNode m7 = received.values().stream().filter(n -> n.path("detail").path("memberId").asText().equals("m7"))
                .findFirst().orElseThrow();
        assertThat(m7.path("detail-type").asText()).isEqualTo("PointsEarned");
        assertThat(m7.path("detail").path("points").asLong()).isEqualTo(17);
        assertThat(m7.path("detail").path("orderId").asText()).isEqualTo("o-7");
        assertThat(m7.path("detail").path("eventId").asText()).isEqualTo(
                com.memberpoints.domain.integration.IntegrationEventIds.ofJournalEntry(SHOP, MemberId.of("m7"),
                        new OperationId("O#o-7#POINTS#EARN")));
    }

    private static JournalEntry earn(String member, String order, long points) {
        return new JournalEntry(new OperationId("O#" + order + "#POINTS#EARN"), WalletRef.points(SHOP, MemberId.of(member)),
                EntryKind.EARN, points, List.of(new LotChange(Optional.empty(), points)), "", Actor.SYSTEM,
                Optional.of(OrderId.of(order)), Instant.parse("2021-12-04T01:00:00Z"), points, 1, "d");
    }

    /** The events the queue received, by their detail's eventId, waiting up to 20 s for {@code expected} of them. */
    private Map<String, JsonNode> receive(int expected) throws Exception {
        Map<String, JsonNode> out = new HashMap<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (out.size() < expected && System.nanoTime() < deadline) {
            for (Message m : sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)).messages()) {
                JsonNode event = JSON.readTree(m.body());
                out.put(event.path("detail").path("eventId").asText(), event);
                sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
            }
        }
        // a last short look: nothing more than expected arrives
        for (Message m : sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)).messages()) {
            JsonNode event = JSON.readTree(m.body());
            out.put(event.path("detail").path("eventId").asText(), event);
        }
        return out;
    }
}
