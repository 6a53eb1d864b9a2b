package com.memberpoints.functions.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.functions.platform.SdkPriming.Service;
import com.memberpoints.infra.dynamodb.DynamoDbLedgerStore;
import com.memberpoints.infra.testing.DynamoDbLocal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Invoke priming writes nothing, for every function of template.yaml: what its container runs before the snapshot
 * ({@link Priming#prime}: the canned SDK calls of the services its handler uses — their clients pointed at DynamoDB
 * Local and naming the real table, so a call that escaped the canned HTTP client would write an item — then the real
 * {@code GetItem} on the container's client) leaves the table exactly as it was, and the only request that reaches
 * DynamoDB Local is that one read. (The handlers' own {@code prime()} calls no port: SnapStartPrimingCoverageTest;
 * the other services: PrimingSendsNothingIT.)
 */
class PrimingWritesNothingIT {

    @Test
    void everyFunctionsPrimingLeavesTheTableUnchangedAndSendsOneReadAtMost() throws Exception {
        DynamoDbLocal local = DynamoDbLocal.shared();
        String table = local.createLedgerTable();
        new DynamoDbLedgerStore(local.client(), table).apply(LedgerCommand.earn(MerchantId.of("shop"),
                MemberId.of("ann"), OrderId.of("o-1"), 100, Optional.empty(), Instant.parse("2026-01-01T00:00:00Z")));
        List<Map<String, AttributeValue>> before = PrimingRoundTripIT.scan(local.client(), table);
        assertThat(before).isNotEmpty();
        List<String> sent = new ArrayList<>();
        Map<String, JsonNode> functions = TemplateTest.functions(TemplateTest.readTemplate(TemplateTest.ROOT.resolve("template.yaml")));
        assertThat(functions).hasSizeGreaterThanOrEqualTo(44);
        try (DynamoDbClient container = local.clientBuilder().overrideConfiguration(c -> c.addExecutionInterceptor(
                new ExecutionInterceptor() {
                    @Override
                    public void afterTransmission(Context.AfterTransmission ctx, ExecutionAttributes attributes) {
                        sent.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
                    }
                })).build()) {
            for (var f : functions.entrySet()) {
                Class<?> handler = TemplateTest.handlerClass(f.getValue());
                Set<Service> services = Service.of(handler);
                sent.clear();
                Optional<String> withTable = services.contains(Service.DYNAMODB) ? Optional.of(table) : Optional.empty();
                int canned = Priming.prime(services, Region.US_EAST_1, Optional.of(local.endpoint()), withTable, () -> container);
                assertThat(canned).as(f.getKey() + ": canned SDK calls").isEqualTo(expectedCalls(services));
                assertThat(sent).as(f.getKey() + ": requests that reached DynamoDB Local")
                        .isEqualTo(withTable.isPresent() ? List.of("GetItem") : List.of());
                assertThat(PrimingRoundTripIT.scan(local.client(), table)).as(f.getKey() + ": table after priming")
                        .containsExactlyInAnyOrderElementsOf(before);
            }
        }
    }

    /** The canned calls per service (DynamoDB 10, SQS 1, SES 2, SNS 1, Scheduler 3, EventBridge 1). */
    static int expectedCalls(Set<Service> services) {
        int n = 0;
        for (Service s : services) {
            n += switch (s) {
                case DYNAMODB -> 10;
                case SQS, SNS, EVENTBRIDGE -> 1;
                case SES -> 2;
                case SCHEDULER -> 3;
            };
        }
        return n;
    }
}
