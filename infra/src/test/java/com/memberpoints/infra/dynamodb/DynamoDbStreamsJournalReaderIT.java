package com.memberpoints.infra.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.domain.ledger.JournalEntry;
import com.memberpoints.domain.ledger.JournalRangeReader;
import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.ledger.LedgerResult;
import com.memberpoints.domain.ledger.StreamRange;
import com.memberpoints.domain.ledger.Wallet;
import com.memberpoints.domain.liability.LiabilityReplay;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.infra.aws.AwsClients;
import com.memberpoints.infra.sqs.SqsUnreplayableRangeQueue;
import com.memberpoints.infra.testing.AwsEmulatorTest;
import com.memberpoints.infra.wire.FlatJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The stream-range reader against the emulator's DynamoDB Streams (moto): a ledger table with its NEW_IMAGE stream,
 * earns applied through {@link DynamoDbLedgerStore}, a range of the stream read back and replayed into
 * {@link DynamoDbLiabilityCounters} on the same table — exactly once however often — and a stream that no longer
 * exists reported as past retention, its range in the replay's dead-letter queue.
 */
@AwsEmulatorTest
class DynamoDbStreamsJournalReaderIT {
    private static final Instant NOW = Instant.parse("2026-01-10T00:00:00Z");
    private static final Instant LOT = Instant.parse("2026-12-31T15:59:59Z");
    private static final MerchantId SHOP = MerchantId.of("replay-shop");

    private static AwsClients clients;
    private static String table;
    private static String streamArn;
    private static String shard;
    /** Sequence numbers of the journal INSERTs, in stream order, and their entries. */
    private static final List<String> journalSequences = new ArrayList<>();
    private static final List<JournalEntry> applied = new ArrayList<>();

    @BeforeAll
    static void tableWithStreamAndTenEarns(AwsClients emulatorClients) {
        clients = emulatorClients;
        table = "it-replay-" + UUID.randomUUID();
        clients.dynamoDb().createTable(LedgerTable.createTableRequest(table).toBuilder()
                .streamSpecification(StreamSpecification.builder().streamEnabled(true)
                        .streamViewType(StreamViewType.NEW_IMAGE).build()).build());
        clients.dynamoDb().waiter().waitUntilTableExists(r -> r.tableName(table));
        streamArn = clients.dynamoDb().describeTable(r -> r.tableName(table)).table().latestStreamArn();
        DynamoDbLedgerStore ledger = new DynamoDbLedgerStore(clients.dynamoDb(), table);
        for (int i = 0; i < 10; i++) {
            LedgerResult r = ledger.apply(LedgerCommand.earn(SHOP, MemberId.of("m" + i), OrderId.of("o" + i), 10 + i,
                    Optional.of(LOT), NOW));
            applied.add(((LedgerResult.Applied) r).entry());
        }
        DynamoDbStreamsClient streams = clients.dynamoDbStreams();
        shard = streams.describeStream(r -> r.streamArn(streamArn)).streamDescription().shards().getFirst().shardId();
        String iterator = streams.getShardIterator(r -> r.streamArn(streamArn).shardId(shard)
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        for (Record record : streams.getRecords(r -> r.shardIterator(iterator).limit(1000)).records()) {
            if (record.eventName() == OperationType.INSERT
                    && DynamoDbLedgerStore.journalEntryOf(record.dynamodb().newImage()).isPresent()) {
                journalSequences.add(record.dynamodb().sequenceNumber());
            }
        }
    }

    @AfterAll
    static void dropTable() {
        if (table != null) {
            clients.dynamoDb().deleteTable(r -> r.tableName(table));
        }
    }

    @Test
    void theStreamHoldsOneJournalInsertPerEarnBesideTheBalanceRecords() {
        assertThat(journalSequences).hasSize(10);
    }

    @Test
    void aRangeIsReadFromItsFirstToItsLastRecordInclusiveAndNothingElse() {
        StreamRange range = new StreamRange(streamArn, shard, journalSequences.get(2), journalSequences.get(6));

        var read = (JournalRangeReader.Entries) new DynamoDbStreamsJournalReader(clients.dynamoDbStreams()).read(range);

        assertThat(read.complete()).isTrue();
        assertThat(read.entries()).extracting(e -> e.wallet().member().value())
                .containsExactly("m2", "m3", "m4", "m5", "m6");
        assertThat(read.entries()).isEqualTo(applied.subList(2, 7));
    }

    @Test
    void aReplayCountsTheRangeIntoTheCountersOnceHoweverOftenItRuns() {
        DynamoDbLiabilityCounters counters = new DynamoDbLiabilityCounters(clients.dynamoDb(), table);
        counters.record(applied.get(0)); // the consumer had counted the first entry before giving up
        List<String> parked = new ArrayList<>();
        LiabilityReplay replay = new LiabilityReplay(new DynamoDbStreamsJournalReader(clients.dynamoDbStreams()),
                counters, (range, reason) -> parked.add(reason));
        StreamRange all = new StreamRange(streamArn, shard, journalSequences.getFirst(), journalSequences.getLast());

        var first = (LiabilityReplay.Replayed) replay.replay(all);
        var second = (LiabilityReplay.Replayed) replay.replay(all);

        assertThat(first.counted()).hasSize(9);
        assertThat(first.repeated()).isEqualTo(1);
        assertThat(second.counted()).isEmpty();
        assertThat(second.repeated()).isEqualTo(10);
        long expected = applied.stream().mapToLong(JournalEntry::delta).sum(); // 10 + 11 + … + 19 = 145
        assertThat(counters.total(SHOP, Wallet.POINTS)).isEqualTo(expected).isEqualTo(145);
        assertThat(parked).isEmpty();
    }

    @Test
    void aStreamThatNoLongerExistsIsPastRetentionAndItsRangeGoesToTheDeadLetterQueue() {
        SqsClient sqs = clients.sqs();
        String url = sqs.createQueue(b -> b.queueName("replay-dlq-" + UUID.randomUUID())).queueUrl();
        String goneStream = streamArn.replace(table, "it-gone-" + UUID.randomUUID());
        StreamRange range = new StreamRange(goneStream, shard, "1100000000017454423009", "1100000000017454423019");
        LiabilityReplay replay = new LiabilityReplay(new DynamoDbStreamsJournalReader(clients.dynamoDbStreams()),
                new DynamoDbLiabilityCounters(clients.dynamoDb(), table), new SqsUnreplayableRangeQueue(sqs, url));

        assertThat(replay.replay(range)).isInstanceOf(LiabilityReplay.PastRetention.class);

        List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1))
                .messages();
        assertThat(messages).hasSize(1);
        var body = FlatJson.read(messages.getFirst().body());
        assertThat(body).containsEntry("stream", goneStream).containsEntry("shard", shard)
                .containsEntry("firstSequence", "1100000000017454423009")
                .containsEntry("lastSequence", "1100000000017454423019");
        assertThat((String) body.get("reason")).contains("no longer exists");
    }
}
