package com.memberpoints.infra.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.ledger.LedgerStore;
import com.memberpoints.domain.ledger.LedgerStoreException;
import com.memberpoints.domain.ledger.Lot;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.domain.model.PageRequest;
import com.memberpoints.domain.sweep.LedgerSweeps;
import com.memberpoints.infra.testing.DynamoDbLocal;
import com.memberpoints.infra.testing.DynamoDbLocalExtension;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** The ledger contract against DynamoDB Local, on a table created from {@link LedgerTable}. */
@ExtendWith(DynamoDbLocalExtension.class)
class DynamoDbLedgerStoreIT extends LedgerStoreContract {
    private static DynamoDbLedgerStore store;
    private static String table;

    @BeforeAll
    static void createTable(DynamoDbLocal local) {
        table = local.createLedgerTable();
        store = new DynamoDbLedgerStore(local.client(), table);
    }

    @Override
    LedgerStore store() {
        return store;
    }

    @Test
    void failuresOfDynamoDbAreTypedExceptionsNeverSwallowed(DynamoDbLocal local) {
        DynamoDbLedgerStore missing = new DynamoDbLedgerStore(local.client(), "no-such-table");
        assertThatThrownBy(() -> missing.apply(LedgerCommand.earn(shop, ann, OrderId.of("o-1"), 1, END_2021, T0)))
                .isInstanceOf(DynamoDbLedgerException.class)
                .isInstanceOf(LedgerStoreException.class)
                .hasCauseInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> missing.history(points, PageRequest.first(5)))
                .isInstanceOf(DynamoDbLedgerException.class);
    }

    @Test
    void staleExpiryIndexEntriesAtTheHeadNeverEndTheSweep(DynamoDbLocal local) {
        // 120 wallets whose index entry lags (it still names a 2020 lot; their only lot expires in 2022), ahead of
        // 30 wallets really due: the stale entries are listed first on every run and must be walked past.
        Instant sweepTime = END_2021.get().plusSeconds(60);
        Instant old = Instant.parse("2020-12-31T15:59:59Z");
        int lagging = 120;
        int due = 30;
        for (int i = 0; i < lagging + due; i++) {
            store.apply(LedgerCommand.earn(shop, member(i), OrderId.of("o-" + i), 10, i < lagging ? END_2022 : END_2021,
                    T0));
        }
        for (int i = 0; i < lagging; i++) {
            WalletRef ref = WalletRef.points(shop, member(i));
            local.client().updateItem(u -> u.tableName(table).key(LedgerItemMapper.balanceKey(ref))
                    .updateExpression("SET #x = :x").expressionAttributeNames(Map.of("#x", LedgerTable.EXPIRY_SK))
                    .expressionAttributeValues(Map.of(":x", AttributeValue.fromS(LedgerItemMapper.expirySortKey(old, ref)))));
        }
        assertThat(store.expiringUpTo(shop, sweepTime, PageRequest.first(100)).items())
                .hasSize(100).allSatisfy(lot -> assertThat(lot.expiresAt()).isEqualTo(old));

        LedgerSweeps sweeps = new LedgerSweeps(store);
        assertThat(sweeps.expireDue(shop, sweepTime, 1000)).isEqualTo(new LedgerSweeps.SweepReport(due, lagging, true));
        for (int i = 0; i < lagging + due; i++) {
            assertThat(store.wallet(WalletRef.points(shop, member(i))).lots().asList()).as("wallet %s", i)
                    .isEqualTo(i < lagging ? java.util.List.of(new Lot(END_2022, 10)) : java.util.List.of());
        }
        // The lagging entries are still there: the next run walks past them again and applies nothing.
        assertThat(sweeps.expireDue(shop, sweepTime, 1000)).isEqualTo(new LedgerSweeps.SweepReport(0, lagging, true));
    }

    static software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException throughputExceeded() {
        return software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException.builder()
                .awsErrorDetails(DynamoDbThrottlingTest.details("ProvisionedThroughputExceededException", 400))
                .statusCode(400).build();
    }

    /** Issue 13 C1: throttling is retried like contention (bounded, with backoff) and the credit lands once. */
    @Test
    void throttledCallsAreRetriedAndTheCommandAppliesOnce(DynamoDbLocal local) {
        String table = local.createLedgerTable();
        ThrottledCallsDynamoDb throttled = new ThrottledCallsDynamoDb(local.client(), 3,
                DynamoDbLedgerStoreIT::throughputExceeded);
        DynamoDbLedgerStore retrying = new DynamoDbLedgerStore(throttled, table,
                new RetryPolicy(10, java.time.Duration.ZERO, java.time.Duration.ZERO));
        var result = retrying.apply(LedgerCommand.earn(shop, ann, OrderId.of("o-1"), 40, END_2021, T0));
        org.assertj.core.api.Assertions.assertThat(result)
                .isInstanceOf(com.memberpoints.domain.ledger.LedgerResult.Applied.class);
        org.assertj.core.api.Assertions.assertThat(throttled.calls.get()).isGreaterThan(3);
        org.assertj.core.api.Assertions.assertThat(new DynamoDbLedgerStore(local.client(), table).wallet(points).balance())
                .isEqualTo(40);
    }

    @Test
    void throttlingBeyondTheRetriesIsContentionNothingApplied(DynamoDbLocal local) {
        String table = local.createLedgerTable();
        DynamoDbLedgerStore always = new DynamoDbLedgerStore(new ThrottledCallsDynamoDb(local.client(), -1,
                DynamoDbLedgerStoreIT::throughputExceeded), table,
                new RetryPolicy(4, java.time.Duration.ZERO, java.time.Duration.ZERO));
        assertThatThrownBy(() -> always.apply(LedgerCommand.earn(shop, ann, OrderId.of("o-1"), 40, END_2021, T0)))
                .isInstanceOf(com.memberpoints.domain.ledger.LedgerContentionException.class)
                .isInstanceOf(com.memberpoints.domain.model.RetryLater.class)
                .hasMessageContaining("throttling")
                .hasCauseInstanceOf(software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException.class);
        org.assertj.core.api.Assertions.assertThat(new DynamoDbLedgerStore(local.client(), table).wallet(points).balance())
                .isZero();
    }

    @Test
    void aTransactionCancelledForThrottlingIsRetried(DynamoDbLocal local) {
        String table = local.createLedgerTable();
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        // every call before the 4th fails: GetItem first, then TransactWriteItems cancelled for throttling
        ThrottledCallsDynamoDb throttled = new ThrottledCallsDynamoDb(local.client(), 3,
                () -> n.incrementAndGet() % 2 == 0 ? DynamoDbThrottlingTest.cancelled("ThrottlingError", "None")
                        : throughputExceeded());
        DynamoDbLedgerStore retrying = new DynamoDbLedgerStore(throttled, table,
                new RetryPolicy(10, java.time.Duration.ZERO, java.time.Duration.ZERO));
        org.assertj.core.api.Assertions.assertThat(retrying.apply(LedgerCommand.earn(shop, ann, OrderId.of("o-2"), 5,
                END_2021, T0))).isInstanceOf(com.memberpoints.domain.ledger.LedgerResult.Applied.class);
    }
}
