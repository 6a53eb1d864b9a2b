package com.memberpoints.functions.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.memberpoints.functions.events.BulkAssignmentWorkerHandler;
import com.memberpoints.functions.events.IntegrationEventsHandler;
import com.memberpoints.functions.events.NotificationDispatcherHandler;
import com.memberpoints.functions.events.OrderEventsHandler;
import com.memberpoints.functions.platform.SdkPriming.Service;
import com.memberpoints.functions.storefront.QuoteHandler;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

/**
 * The SDK half of invoke priming: every canned answer is one the SDK accepts (the calls below throw otherwise, and
 * a request with no queued answer is counted), each service sends the operations our adapters send, and every
 * function of template.yaml primes the services its handler declares.
 */
class SdkPrimingTest {
    private static final Region REGION = Region.US_EAST_1;

    @Test
    void dynamoDbRunsEveryOperationTheStoresSendAndTheTwoConditionalFailures() {
        CannedHttpClient http = new CannedHttpClient();
        SdkPriming.dynamoDb(http, REGION, Optional.empty());
        assertThat(http.unanswered()).isZero();
        assertThat(http.operations()).extracting(o -> o.substring(o.lastIndexOf('.') + 1)).containsExactly(
                "GetItem", "Query", "PutItem", "PutItem", "UpdateItem", "DeleteItem", "TransactWriteItems",
                "TransactWriteItems", "BatchGetItem", "BatchWriteItem");
    }

    @Test
    void theOtherServicesRunTheirSendAndItsErrorWithoutAnUnansweredRequest() {
        for (Service s : List.of(Service.SQS, Service.SES, Service.SNS, Service.SCHEDULER, Service.EVENTBRIDGE)) {
            CannedHttpClient http = new CannedHttpClient();
            switch (s) {
                case SQS -> SdkPriming.sqs(http, REGION, Optional.empty());
                case SES -> SdkPriming.ses(http, REGION, Optional.empty());
                case SNS -> SdkPriming.sns(http, REGION, Optional.empty());
                case SCHEDULER -> SdkPriming.scheduler(http, REGION, Optional.empty());
                case EVENTBRIDGE -> SdkPriming.eventBridge(http, REGION, Optional.empty());
                default -> throw new AssertionError(s);
            }
            assertThat(http.requests()).as(s.name()).isPositive();
            assertThat(http.unanswered()).as(s.name()).isZero();
        }
    }

    @Test
    void aCallWithoutACannedAnswerIsCountedNotSent() throws Exception {
        // The harness can fail: with nothing queued, the canned client answers 500 and counts it.
        CannedHttpClient http = new CannedHttpClient();
        assertThat(SdkPriming.run(EnumSet.of(Service.EVENTBRIDGE), REGION, Optional.empty())).isEqualTo(1);
        http.prepareRequest(software.amazon.awssdk.http.HttpExecuteRequest.builder().request(
                software.amazon.awssdk.http.SdkHttpFullRequest.builder().method(software.amazon.awssdk.http.SdkHttpMethod.POST)
                        .protocol("https").host("priming.invalid").build()).build()).call();
        assertThat(http.unanswered()).isEqualTo(1);
    }

    @Test
    void eachHandlerPrimesTheServicesItIsConfiguredFor() {
        assertThat(Service.of(QuoteHandler.class)).containsExactly(Service.DYNAMODB);
        assertThat(Service.of(OrderEventsHandler.class)).contains(Service.DYNAMODB, Service.SCHEDULER);
        assertThat(Service.of(NotificationDispatcherHandler.class)).contains(Service.DYNAMODB, Service.SES, Service.SNS);
        assertThat(Service.of(BulkAssignmentWorkerHandler.class)).contains(Service.DYNAMODB);
        assertThat(Service.of(IntegrationEventsHandler.class)).contains(Service.DYNAMODB, Service.EVENTBRIDGE);
        assertThat(Service.of(HealthHandler.class)).isEmpty();
    }

    @Test
    void everyFunctionOfTheTemplateWithATablePrimesDynamoDb_andEveryConfiguredServiceToo() throws Exception {
        Map<String, JsonNode> functions = TemplateTest.functions(TemplateTest.readTemplate(TemplateTest.ROOT.resolve("template.yaml")));
        assertThat(functions).hasSizeGreaterThanOrEqualTo(44);
        for (var e : functions.entrySet()) {
            Class<?> type = TemplateTest.handlerClass(e.getValue());
            Set<String> reads = Set.of(type.getAnnotation(ReadsEnvironment.class).value());
            Set<Service> services = Service.of(type);
            for (Service s : Service.values()) {
                assertThat(services.contains(s)).as(e.getKey() + " primes " + s).isEqualTo(reads.contains(s.variable));
            }
        }
    }
}
