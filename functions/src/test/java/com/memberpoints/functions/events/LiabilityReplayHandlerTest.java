package com.memberpoints.functions.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.memberpoints.domain.inmemory.InMemoryLiabilityCounters;
import com.memberpoints.domain.ledger.EntryKind;
import com.memberpoints.domain.ledger.JournalEntry;
import com.memberpoints.domain.ledger.JournalRangeReader;
import com.memberpoints.domain.ledger.LotChange;
import com.memberpoints.domain.ledger.OperationId;
import com.memberpoints.domain.ledger.StreamRange;
import com.memberpoints.domain.ledger.Wallet;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.liability.LiabilityReplay;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.functions.platform.CapturedLog;
import com.memberpoints.functions.platform.TestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The replay handler on the sample on-failure message (events/LiabilityReplayFunction.json), its ports faked. */
class LiabilityReplayHandlerTest {
    private static final MerchantId SHOP = MerchantId.of("shop-1");
    private static final StreamRange SAMPLE_RANGE = new StreamRange(
            "arn:aws:dynamodb:eu-west-1:123456789012:table/member-points-LedgerTable-1ABC/stream/2026-11-01T00:00:00.000",
            "shardId-00000001764806400000-1a2b3c4d", "800000000003126276362", "800000000003126276461");

    private final InMemoryLiabilityCounters counters = new InMemoryLiabilityCounters();
    private final List<StreamRange> read = new ArrayList<>();
    private final List<String> parked = new ArrayList<>();
    private final CapturedLog log = new CapturedLog();

    private static JournalEntry earn(String member, long points) {
        return new JournalEntry(new OperationId("op-" + member), new WalletRef(SHOP, MemberId.of(member), Wallet.POINTS),
                EntryKind.EARN, points, List.of(new LotChange(Optional.empty(), points)), "", Actor.SYSTEM,
                Optional.empty(), Instant.parse("2026-12-04T00:10:19Z"), points, 1, "digest");
    }

    private SQSBatchResponse deliver(JournalRangeReader.RangeRead answer, String body) throws Exception {
        LiabilityReplay replay = new LiabilityReplay(range -> {
            read.add(range);
            return answer;
        }, counters, (range, reason) -> parked.add(range.shard() + ": " + reason));
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId("m-1");
        message.setBody(body);
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(message));
        return new LiabilityReplayHandler(replay, log.logger()).handleRequest(event, new TestContext());
    }

    private static String sampleBody() throws Exception {
        return new ObjectMapper().readTree(Files.readString(Path.of("../events/LiabilityReplayFunction.json")))
                .at("/Records/0/body").asText();
    }

    @Test
    void theSampleMessagesRangeIsReadBackAndCountedOnceAcrossTwoDeliveries() throws Exception {
        var entries = new JournalRangeReader.Entries(List.of(earn("m1", 10), earn("m2", 20)), true);

        assertThat(deliver(entries, sampleBody()).getBatchItemFailures()).isEmpty();
        assertThat(deliver(entries, sampleBody()).getBatchItemFailures()).isEmpty();

        assertThat(read).containsExactly(SAMPLE_RANGE, SAMPLE_RANGE);
        assertThat(counters.total(SHOP, Wallet.POINTS)).isEqualTo(30);
        String all = String.join("\n", log.lines());
        assertThat(all).contains("\"LiabilityEntriesReplayed\":2", "\"PointsEarned\":30")
                .contains("\"counted\":0", "\"repeated\":2");
        assertThat(parked).isEmpty();
    }

    @Test
    void aRangePastRetentionIsAnErrorNamingShardAndSequencesAMetricAndTheDeadLetterQueueAndTheMessageIsDone() throws Exception {
        SQSBatchResponse response = deliver(new JournalRangeReader.PastRetention("trimmed"), sampleBody());

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(parked).containsExactly("shardId-00000001764806400000-1a2b3c4d: trimmed");
        String all = String.join("\n", log.lines());
        assertThat(all).contains("\"level\":\"ERROR\"", "shardId-00000001764806400000-1a2b3c4d",
                "\"firstSequence\":\"800000000003126276362\"", "\"lastSequence\":\"800000000003126276461\"",
                "\"LiabilityRangesUnreplayable\":1");
        assertThat(counters.total(SHOP, Wallet.POINTS)).isZero();
    }

    @Test
    void aRangeWhoseEndIsNotReadableYetIsCountedSoFarAndReturnedToTheQueue() throws Exception {
        SQSBatchResponse response = deliver(new JournalRangeReader.Entries(List.of(earn("m1", 10)), false), sampleBody());

        assertThat(response.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("m-1");
        assertThat(counters.total(SHOP, Wallet.POINTS)).isEqualTo(10);
    }

    @Test
    void aMessageThatIsNotAnOnFailureRecordIsReturnedToTheQueueWithoutReadingTheStream() throws Exception {
        SQSBatchResponse response = deliver(new JournalRangeReader.Entries(List.of(), true), "{\"merchantId\":\"shop-1\"}");

        assertThat(response.getBatchItemFailures()).hasSize(1);
        assertThat(read).isEmpty();
        assertThat(String.join("\n", log.lines())).contains("DDBStreamBatchInfo");
    }
}
