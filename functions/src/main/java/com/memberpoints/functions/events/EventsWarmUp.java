package com.memberpoints.functions.events;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.memberpoints.domain.model.InvalidInputException;
import com.memberpoints.functions.platform.Priming;
import com.memberpoints.functions.platform.log.JsonLogger;
import com.memberpoints.infra.sqs.BulkChunkCodec;
import java.util.List;
import java.util.Map;

/**
 * Made-up inputs for the SnapStart priming of the stream, queue and retry functions: their parsing paths run
 * without a port, and nothing reaches a log (a discarding logger takes the metric line priming writes).
 */
final class EventsWarmUp {
    private EventsWarmUp() {}

    /** The ledger-stream path: a batch with a record that is not a journal insert, an image converted. */
    static void streamRecord() {
        DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
        record.setEventName("MODIFY");
        record.setDynamodb(new StreamRecord().withSequenceNumber("1")
                .withNewImage(Map.of("pk", new AttributeValue().withS("priming"), "n", new AttributeValue().withN("1"))));
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(List.of(record));
        Batches.journalEntries(event, JsonLogger.discarding(), "priming", entry -> { });
        StreamImages.toSdk(record.getDynamodb().getNewImage());
        metrics();
        Priming.dynamoDbRequestModel();
    }

    /**
     * The integration publisher's path: a bulk job image read, the events of a made-up journal entry and job rendered and
     * sized into requests; nothing put.
     */
    static void integrationEvents() {
        DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
        record.setEventName("MODIFY");
        record.setDynamodb(new StreamRecord().withSequenceNumber("1").withNewImage(Map.of(
                "pk", new AttributeValue().withS("BJ#priming#job"), "sk", new AttributeValue().withS("CHUNK"))));
        IntegrationStream.factOf(record);
        var merchant = com.memberpoints.domain.model.MerchantId.of("priming");
        var member = com.memberpoints.domain.model.MemberId.of("priming");
        var entry = new com.memberpoints.domain.ledger.JournalEntry(new com.memberpoints.domain.ledger.OperationId("N#POINTS#ADJUST#p"),
                com.memberpoints.domain.ledger.WalletRef.points(merchant, member), com.memberpoints.domain.ledger.EntryKind.ADJUST_ADD,
                1, List.of(new com.memberpoints.domain.ledger.LotChange(java.util.Optional.empty(), 1)), "priming",
                com.memberpoints.domain.model.Actor.SYSTEM, java.util.Optional.empty(), java.time.Instant.EPOCH, 1, 1, "p");
        var events = new java.util.ArrayList<com.memberpoints.domain.integration.OutgoingEvent>();
        com.memberpoints.domain.integration.IntegrationEvents.eventOf(new com.memberpoints.domain.integration.IntegrationFact.Journal(entry),
                        m -> java.util.Currency.getInstance("USD"), java.util.Optional.empty())
                .ifPresent(e -> events.add(com.memberpoints.domain.integration.OutgoingEvent.of(e)));
        com.memberpoints.domain.integration.EventBatches.split(events, "priming");
        software.amazon.awssdk.services.eventbridge.model.PutEventsRequest.builder().entries(
                software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry.builder().eventBusName("priming")
                        .source("priming").detailType("priming").detail("{}").time(java.time.Instant.EPOCH).build()).build();
    }

    /** The bulk-queue path: a chunk message decoded, a malformed one refused. */
    /** The liability replay's path: a made-up on-failure record read into its range, a malformed one refused; no port. */
    static void streamFailureRecord() {
        StreamFailureRecords.range("{\"DDBStreamBatchInfo\":{\"shardId\":\"priming\",\"startSequenceNumber\":\"1\","
                + "\"endSequenceNumber\":\"2\",\"streamArn\":\"priming\"}}");
        try {
            StreamFailureRecords.range("{}");
        } catch (IllegalArgumentException expected) {
            // the refusal path loaded
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of());
        Batches.messages(event, m -> { });
        metrics();
    }

    static void chunkMessage() {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId("priming");
        message.setBody("{\"merchantId\":\"priming\",\"jobId\":\"priming\",\"chunk\":0}");
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(message));
        Batches.messages(event, m -> BulkChunkCodec.decode(m.getBody()));
        try {
            BulkChunkCodec.decode("{\"merchantId\":\"priming\"}");
        } catch (InvalidInputException expected) {
            EventInput.errors(expected);
        }
        metrics();
        Priming.dynamoDbRequestModel();
    }

    /** The expiry walks queue (issue 16 change 7): a walk message decoded, a malformed one refused. */
    static void expiryWalkMessage() {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId("priming");
        message.setBody(com.memberpoints.infra.sqs.ExpiryWalkCodec.encode(com.memberpoints.domain.sweep.ExpiryWalk
                .start(com.memberpoints.domain.model.MerchantId.of("priming"), 0, java.time.Instant.EPOCH)
                .from("priming")));
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(message));
        Batches.messages(event, m -> com.memberpoints.infra.sqs.ExpiryWalkCodec.decode(m.getBody()));
        try {
            com.memberpoints.infra.sqs.ExpiryWalkCodec.decode("{\"merchantId\":\"priming\"}");
        } catch (InvalidInputException expected) {
            EventInput.errors(expected);
        }
        metrics();
        Priming.dynamoDbRequestModel();
    }

    /** The retry sweep: the request model and the metric line. */
    static void retry() {
        metrics();
        Priming.dynamoDbRequestModel();
    }

    /** Writes a metric line to a logger that drops it: the EMF writer loaded, nothing logged. */
    private static void metrics() {
        JsonLogger.discarding().count("Priming", 0);
    }
}
