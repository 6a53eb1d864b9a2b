package com.memberpoints.functions.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.infra.dynamodb.DynamoDbLedgerStore;
import com.memberpoints.infra.testing.DynamoDbLocal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/** The invoke-priming round trip really reaches DynamoDB (DynamoDB Local) and writes nothing. */
class PrimingRoundTripIT {

    @Test
    void theRoundTripReachesTheTableAndLeavesItUnchanged() {
        DynamoDbLocal local = DynamoDbLocal.shared();
        String table = local.createLedgerTable();
        new DynamoDbLedgerStore(local.client(), table).apply(LedgerCommand.earn(MerchantId.of("shop"),
                MemberId.of("ann"), OrderId.of("o-1"), 100, Optional.empty(), Instant.parse("2026-01-01T00:00:00Z")));
        List<Map<String, AttributeValue>> before = scan(local.client(), table);
        assertThat(before).isNotEmpty();
        AtomicInteger sent = new AtomicInteger();
        try (DynamoDbClient client = local.clientBuilder().overrideConfiguration(c -> c.addExecutionInterceptor(
                new ExecutionInterceptor() {
                    @Override
                    public void afterTransmission(Context.AfterTransmission ctx, ExecutionAttributes attributes) {
                        if (ctx.httpResponse().isSuccessful()) {
                            sent.incrementAndGet();
                        }
                    }
                })).build()) {
            assertThat(Priming.dynamoDbRoundTrip(client, table)).isTrue();
            assertThat(Priming.dynamoDbRoundTrip(client, table)).isTrue();
        }
        assertThat(sent).as("answered round trips").hasValue(2);
        assertThat(scan(local.client(), table)).containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    void aFailingRoundTripNeverThrows() {
        DynamoDbLocal local = DynamoDbLocal.shared();
        assertThat(Priming.dynamoDbRoundTrip(local.client(), "no-such-table")).isFalse();
    }

    static List<Map<String, AttributeValue>> scan(DynamoDbClient client, String table) {
        return client.scanPaginator(ScanRequest.builder().tableName(table).consistentRead(true).build())
                .items().stream().toList();
    }
}
