package com.memberpoints.infra.dynamodb;

import com.memberpoints.domain.ledger.LedgerStore;
import com.memberpoints.infra.testing.DynamoDbLocal;
import com.memberpoints.infra.testing.DynamoDbLocalExtension;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.ledger.LedgerStoreException;
import com.memberpoints.domain.model.PageRequest;
import com.memberpoints.domain.model.OrderId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import org.junit.jupiter.api.extension.ExtendWith;

/** The ledger contract against DynamoDB Local, on a table created from {@link LedgerTable}. */
@ExtendWith(DynamoDbLocalExtension.class)
class DynamoDbLedgerStoreIT extends LedgerStoreContract {
    private static DynamoDbLedgerStore store;

    @BeforeAll
    static void createTable(DynamoDbLocal local) {
        store = new DynamoDbLedgerStore(local.client(), local.createLedgerTable());
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
