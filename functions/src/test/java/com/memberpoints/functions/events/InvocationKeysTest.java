package com.memberpoints.functions.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.memberpoints.domain.bulk.BulkAssignments;
import com.memberpoints.domain.inmemory.InMemoryBulkJobQueue;
import com.memberpoints.domain.inmemory.InMemoryBulkJobStore;
import com.memberpoints.domain.inmemory.InMemoryLedgerStore;
import com.memberpoints.domain.inmemory.InMemoryLiabilityCounters;
import com.memberpoints.domain.inmemory.InMemoryMemberStore;
import com.memberpoints.domain.inmemory.InMemoryMerchantStore;
import com.memberpoints.domain.inmemory.InMemorySettingsStore;
import com.memberpoints.domain.model.TimeSource;
import com.memberpoints.domain.notify.NotificationDispatcher;
import com.memberpoints.domain.notify.RateLimiter;
import com.memberpoints.domain.inmemory.InMemoryDeliveryStore;
import com.memberpoints.functions.platform.HealthHandler;
import com.memberpoints.functions.platform.TestContext;
import com.memberpoints.functions.platform.json.Json;
import com.memberpoints.functions.platform.json.JsonBoolean;
import com.memberpoints.functions.platform.json.JsonObject;
import com.memberpoints.functions.platform.json.JsonString;
import com.memberpoints.functions.platform.log.ColdStart;
import com.memberpoints.functions.platform.log.JsonLogger;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every line of every kind of handler — HTTP, DynamoDB stream, SQS, EventBridge rule, EventBridge Scheduler, the
 * scheduled retry — carries the Powertools keys, with this invocation's values (docs/observability.md, "Log lines").
 */
class InvocationKeysTest {
    private static final String TRACE = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";
    private final List<String> lines = new ArrayList<>();
    private final JsonLogger logger = new JsonLogger(lines::add, JsonLogger.Level.DEBUG,
            Map.of("MEMBER_POINTS_SERVICE", "mp-test", "AWS_LAMBDA_FUNCTION_NAME", "mp-test-Fn"), ColdStart.fresh());

    @BeforeEach
    void traceHeader() {
        System.setProperty("com.amazonaws.xray.traceHeader", TRACE);
    }

    @AfterEach
    void noTraceHeader() {
        System.clearProperty("com.amazonaws.xray.traceHeader");
    }

    @Test
    void everyLineOfEveryKindOfHandlerCarriesTheKeys() {
        new HealthHandler(logger).handleRequest(
                EventLoader.loadApiGatewayHttpEvent("events/health-get.json"), new TestContext("req-http"));
        int http = lines.size();
        new LiabilityStreamHandler(new InMemoryLiabilityCounters(), logger).handleRequest(
                EventLoader.loadDynamoDbEvent("events/dynamodb-stream-journal.json"), new TestContext("req-stream"));
        int stream = lines.size();
        SQSEvent.SQSMessage malformed = new SQSEvent.SQSMessage();
        malformed.setMessageId("m-1");
        malformed.setBody("{\"jobId\":1}");
        SQSEvent sqs = new SQSEvent();
        sqs.setRecords(List.of(malformed));
        new BulkAssignmentWorkerHandler(new BulkAssignments(new InMemoryLedgerStore(), new InMemoryMemberStore(),
                new InMemoryMerchantStore(), new InMemorySettingsStore(), new InMemoryBulkJobStore(),
                new InMemoryBulkJobQueue(), Instant::now, () -> "id"), logger).handleRequest(sqs, new TestContext("req-sqs"));
        int queue = lines.size();
        HandlerHarness h = new HandlerHarness();
        new OrderEventsHandler(lifecycle(h), logger).handleRequest(stream("{\"source\":\"commerce.platform\","
                + "\"detail-type\":\"OrderPaid\",\"detail\":{\"merchantId\":\"\"}}"), new ByteArrayOutputStream(),
                new TestContext("req-rule"));
        int rule = lines.size();
        new ScheduledAssignmentHandler(lifecycle(h), logger).handleRequest(
                stream("{\"merchantId\":\"shop-1\",\"orderId\":\"gone\"}"), new ByteArrayOutputStream(),
                new TestContext("req-schedule"));
        int schedule = lines.size();
        RateLimiter unlimited = new RateLimiter(1e9, 1_000_000, System::nanoTime, n -> { });
        new NotificationRetryHandler(new InMemoryMerchantStore(), new NotificationDispatcher(new InMemoryMerchantStore(),
                new InMemoryMemberStore(), new InMemoryLedgerStore(), new InMemoryDeliveryStore(), m -> null, m -> null,
                unlimited, unlimited, Instant::now, NotificationDispatcher.Settings.DEFAULT), TimeSource.system(), logger)
                .handleRequest(Map.of(), new TestContext("req-retry"));

        assertThat(List.of(http, stream - http, queue - stream, rule - queue, schedule - rule, lines.size() - schedule))
                .as("lines per handler").allSatisfy(n -> assertThat(n).isPositive());
        String[] ids = {"req-http", "req-stream", "req-sqs", "req-rule", "req-schedule", "req-retry"};
        int[] ends = {http, stream, queue, rule, schedule, lines.size()};
        int from = 0;
        for (int k = 0; k < ids.length; k++) {
            for (String line : lines.subList(from, ends[k])) {
                JsonObject o = (JsonObject) Json.parse(line);
                assertThat(o.get("service")).as(line).contains(new JsonString("mp-test"));
                assertThat(o.get("function_name")).as(line).contains(new JsonString("mp-test-Fn"));
                assertThat(o.get("function_request_id")).as(line).contains(new JsonString(ids[k]));
                assertThat(o.get("xray_trace_id")).as(line).contains(new JsonString("1-5759e988-bd862e3fe1be46a994272793"));
                assertThat(o.get("cold_start")).as(line).contains(new JsonBoolean(k == 0));
            }
            from = ends[k];
        }
    }

    private static com.memberpoints.domain.order.OrderLifecycle lifecycle(HandlerHarness h) {
        return new com.memberpoints.domain.order.OrderLifecycle(h.orders, h.ledger, h.settings, h.merchants, h.members,
                h.scheduler, () -> h.now);
    }

    private static ByteArrayInputStream stream(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }
}
