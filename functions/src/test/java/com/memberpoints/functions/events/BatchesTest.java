package com.memberpoints.functions.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.memberpoints.domain.ledger.JournalEntry;
import com.memberpoints.functions.platform.CapturedLog;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one partial-failure loop of the batch functions, on its own. */
class BatchesTest {
    private final CapturedLog log = new CapturedLog();

    @Test
    void aStreamBatchStopsAtTheFirstFailureAndReportsOnlyThatRecord() {
        DynamodbEvent event = EventLoader.loadDynamoDbEvent("events/dynamodb-stream-journal.json");
        List<Long> seen = new ArrayList<>();
        StreamsEventResponse r = Batches.journalEntries(event, log.logger(), "testing", (JournalEntry e) -> {
            seen.add(e.delta());
            if (e.delta() < 0) {
                throw new IllegalStateException("boom");
            }
        });
        // the fixture's journal inserts are +120, -20, +30 (and a MODIFY, skipped): the +30 is left for the retry
        assertThat(seen).containsExactly(120L, -20L);
        assertThat(r.getBatchItemFailures()).singleElement()
                .satisfies(f -> assertThat(f.getItemIdentifier()).isEqualTo("000000000000000000103"));
        assertThat(log.lines()).singleElement().satisfies(l -> assertThat(l)
                .contains("testing failed; the stream will retry from this record").contains("000000000000000000103"));
    }

    @Test
    void aStreamBatchWithoutFailuresReportsNone() {
        DynamodbEvent event = EventLoader.loadDynamoDbEvent("events/dynamodb-stream-journal.json");
        List<Long> seen = new ArrayList<>();
        assertThat(Batches.journalEntries(event, log.logger(), "testing", e -> seen.add(e.delta()))
                .getBatchItemFailures()).isEmpty();
        assertThat(seen).containsExactly(120L, -20L, 30L);
        assertThat(Batches.journalEntries(new DynamodbEvent(), log.logger(), "testing", e -> seen.add(0L))
                .getBatchItemFailures()).isEmpty();
    }

    @Test
    void anSqsBatchDoesEveryMessageAndReportsEachFailure() {
        SQSEvent event = new SQSEvent();
        List<SQSEvent.SQSMessage> messages = new ArrayList<>();
        for (String id : List.of("m1", "m2", "m3", "m4")) {
            SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
            m.setMessageId(id);
            m.setBody(id.equals("m2") || id.equals("m4") ? "fail" : "ok");
            messages.add(m);
        }
        event.setRecords(messages);
        List<String> done = new ArrayList<>();
        SQSBatchResponse r = Batches.messages(event, m -> {
            done.add(m.getMessageId());
            if (m.getBody().equals("fail")) {
                throw new IllegalStateException("boom");
            }
        });
        assertThat(done).containsExactly("m1", "m2", "m3", "m4");
        assertThat(r.getBatchItemFailures()).extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("m2", "m4");
    }
}
