package com.memberpoints.functions.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.memberpoints.functions.platform.SdkPriming.Service;
import com.memberpoints.infra.testing.AwsEmulator;
import com.memberpoints.infra.testing.AwsEmulatorTest;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Invoke priming sends nothing, for every function of template.yaml: its canned SQS, SES, SNS, Scheduler and
 * EventBridge calls (clients pointed at the emulator, so a call that escaped the canned HTTP client would land there)
 * leave the emulator as it was — no email, no SMS, no message in any queue, no schedule, no event bus created.
 */
@AwsEmulatorTest
class PrimingSendsNothingIT {

    @Test
    void everyFunctionsPrimingLeavesTheEmulatorUnchanged(AwsEmulator emulator) throws Exception {
        var clients = emulator.clients();
        String queue = clients.sqs().createQueue(b -> b.queueName("priming-check-" + System.nanoTime())).queueUrl();
        int emails = emulator.sesV2Emulator().map(e -> e.sentEmails().size()).orElse(0);
        int sms = emulator.sentSms().size();
        int queues = clients.sqs().listQueues().queueUrls().size();
        int schedules = clients.scheduler().listSchedules(b -> b.maxResults(100)).schedules().size();
        int buses = clients.eventBridge().listEventBuses(b -> b.limit(100)).eventBuses().size();
        Map<String, JsonNode> functions = TemplateTest.functions(TemplateTest.readTemplate(TemplateTest.ROOT.resolve("template.yaml")));
        int primedOtherServices = 0;
        for (var f : functions.entrySet()) {
            var services = Service.of(TemplateTest.handlerClass(f.getValue()));
            services.remove(Service.DYNAMODB);
            int canned = Priming.prime(services, emulator.region(), Optional.of(emulator.endpoint()), Optional.empty(),
                    () -> { throw new AssertionError("no table: no real round trip"); });
            assertThat(canned).as(f.getKey()).isEqualTo(PrimingWritesNothingIT.expectedCalls(services));
            primedOtherServices += services.isEmpty() ? 0 : 1;
        }
        assertThat(primedOtherServices).as("functions that use SQS, SES, SNS, Scheduler or EventBridge").isGreaterThanOrEqualTo(5);
        assertThat(emulator.sesV2Emulator().map(e -> e.sentEmails().size()).orElse(0)).as("emails").isEqualTo(emails);
        assertThat(emulator.sentSms()).as("SMS").hasSize(sms);
        assertThat(clients.sqs().listQueues().queueUrls()).as("queues").hasSize(queues);
        assertThat(clients.sqs().getQueueAttributes(b -> b.queueUrl(queue).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
                .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).as("messages in the queue").isEqualTo("0");
        assertThat(clients.scheduler().listSchedules(b -> b.maxResults(100)).schedules()).as("schedules").hasSize(schedules);
        assertThat(clients.eventBridge().listEventBuses(b -> b.limit(100)).eventBuses()).as("event buses").hasSize(buses);
    }
}
