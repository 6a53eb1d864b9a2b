package com.memberpoints.functions.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.memberpoints.domain.ledger.JournalEntry;
import com.memberpoints.domain.ledger.Wallet;
import com.memberpoints.domain.inmemory.InMemoryLiabilityCounters;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.liability.CutOffs;
import com.memberpoints.domain.liability.LiabilityCounters;
import com.memberpoints.domain.liability.LiabilityTally;
import com.memberpoints.functions.platform.CapturedLog;
import com.memberpoints.functions.platform.TestContext;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The liability stream consumer on the DynamoDB stream event fixture (three journal INSERTs and a balance MODIFY). */
class LiabilityStreamHandlerTest {

    private static final MerchantId SHOP = MerchantId.of("shop-1");
    private static final Instant LOT = Instant.parse("2022-12-31T15:59:59Z");
    private final InMemoryLiabilityCounters counters = new InMemoryLiabilityCounters();
    private final CapturedLog log = new CapturedLog();

    private StreamsEventResponse deliver(LiabilityCounters to) {
        DynamodbEvent event = EventLoader.loadDynamoDbEvent("events/dynamodb-stream-journal.json");
        return new LiabilityStreamHandler(to, log.logger()).handleRequest(event, new TestContext());
    }

    @Test
    void journalInsertsAreCountedOnceWhateverTheRedeliveries() {
        assertThat(deliver(counters).getBatchItemFailures()).isEmpty();
        // +120 earn, -20 deduction, +30 add, all in the lot of 2022-12-31; the balance MODIFY is skipped
        assertThat(counters.total(SHOP, Wallet.POINTS)).isEqualTo(130);
        assertThat(counters.expiring(SHOP, Wallet.POINTS, Instant.parse("2022-01-01T00:00:00Z"), LOT)).isEqualTo(130);

        assertThat(deliver(counters).getBatchItemFailures()).isEmpty();
        assertThat(counters.total(SHOP, Wallet.POINTS)).isEqualTo(130);
        assertThat(log.lines().getLast()).contains("\"counted\":0").contains("\"repeated\":3");
    }

    @Test
    void aFailureReportsTheRecordSoLambdaRetriesFromIt() {
        LiabilityCounters failing = new LiabilityCounters() {
            @Override
            public boolean record(JournalEntry entry) {
                if (entry.delta() < 0) {
                    throw new IllegalStateException("table unavailable");
                }
                return counters.record(entry);
            }

            @Override
            public LiabilityTally tally(MerchantId merchant, CutOffs cutOffs) {
                return counters.tally(merchant, cutOffs);
            }
        };
        StreamsEventResponse r = deliver(failing);
        assertThat(r.getBatchItemFailures()).singleElement()
                .satisfies(f -> assertThat(f.getItemIdentifier()).isEqualTo("000000000000000000103"));
        assertThat(counters.total(SHOP, Wallet.POINTS)).as("only the record before the failure").isEqualTo(120);
        // Lambda's retry (the whole batch again, as the fixture) completes it exactly
        assertThat(deliver(counters).getBatchItemFailures()).isEmpty();
        assertThat(counters.total(SHOP, Wallet.POINTS)).isEqualTo(130);
    }
}
