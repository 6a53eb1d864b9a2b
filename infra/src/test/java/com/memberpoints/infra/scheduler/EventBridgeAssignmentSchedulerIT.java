package com.memberpoints.infra.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.domain.order.AssignmentScheduler;
import com.memberpoints.domain.order.AssignmentScheduler.CancelOutcome;
import com.memberpoints.domain.order.AssignmentScheduler.ScheduleOutcome;
import com.memberpoints.domain.model.TimeSource;
import com.memberpoints.infra.aws.AwsClients;
import com.memberpoints.infra.testing.AwsEmulatorTest;
import com.memberpoints.infra.testing.ClosedPort;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.ActionAfterCompletion;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;
import software.amazon.awssdk.services.scheduler.model.ResourceNotFoundException;

@AwsEmulatorTest
class EventBridgeAssignmentSchedulerIT {

    private static final String GROUP = "member-points-it-" + UUID.randomUUID().toString().substring(0, 8);
    private static final Instant NOW = Instant.parse("2030-11-28T03:00:00Z");
    private static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");
    // Not the service defaults (185 / 86400 s), so the test sees that the adapter sent them.
    private static final EventBridgeAssignmentScheduler.Config CONFIG = new EventBridgeAssignmentScheduler.Config(
            GROUP,
            "arn:aws:lambda:us-east-1:123456789012:function:member-points-scheduled-assignment",
            "arn:aws:iam::123456789012:role/member-points-scheduler",
            "arn:aws:sqs:us-east-1:123456789012:member-points-scheduler-dlq",
            17, Duration.ofHours(2));

    @BeforeAll
    static void createGroup(SchedulerClient scheduler) {
        scheduler.createScheduleGroup(r -> r.name(GROUP));
    }

    private static EventBridgeAssignmentScheduler adapter(SchedulerClient client) {
        return new EventBridgeAssignmentScheduler(client, CONFIG, TimeSource.fixed(NOW));
    }

    private static OrderId newOrder() {
        return OrderId.of("order-" + UUID.randomUUID());
    }

    @Test
    void createsAOneTimeScheduleInTheMerchantsZoneWithTargetRetriesAndDeadLetterQueue(SchedulerClient client) {
        MerchantId merchant = MerchantId.of("shop:taipei@1");
        OrderId order = newOrder();
        // Collected 1 Dec + 3 days → due 4 Dec 00:00 Taipei = 3 Dec 16:00 UTC.
        Instant due = Instant.parse("2030-12-03T16:00:00Z");

        assertThat(adapter(client).schedule(merchant, order, due, TAIPEI)).isEqualTo(ScheduleOutcome.CREATED);

        String name = EventBridgeAssignmentScheduler.scheduleName(merchant, order);
        GetScheduleResponse s = client.getSchedule(r -> r.groupName(GROUP).name(name));
        assertThat(s.name()).isEqualTo(name).matches("[0-9A-Za-z._-]{1,64}");
        assertThat(s.groupName()).isEqualTo(GROUP);
        assertThat(s.scheduleExpression()).isEqualTo("at(2030-12-04T00:00:00)");
        assertThat(s.scheduleExpressionTimezone()).isEqualTo("Asia/Taipei");
        assertThat(s.flexibleTimeWindow().mode()).isEqualTo(FlexibleTimeWindowMode.OFF);
        assertThat(s.actionAfterCompletion()).isEqualTo(ActionAfterCompletion.DELETE);
        assertThat(s.target().arn()).isEqualTo(CONFIG.targetArn());
        assertThat(s.target().roleArn()).isEqualTo(CONFIG.roleArn());
        assertThat(s.target().input())
                .isEqualTo("{\"merchantId\":\"shop:taipei@1\",\"orderId\":\"" + order.value() + "\"}");
        assertThat(s.target().retryPolicy().maximumRetryAttempts()).isEqualTo(17);
        assertThat(s.target().retryPolicy().maximumEventAgeInSeconds()).isEqualTo(7200);
        assertThat(s.target().deadLetterConfig().arn()).isEqualTo(CONFIG.deadLetterQueueArn());
        assertThat(s.description()).contains(order.value()).contains(merchant.value());
    }

    @Test
    void schedulingTheSameOrderAgainIsAlreadyScheduledAndKeepsTheFirstSchedule(SchedulerClient client) {
        MerchantId merchant = MerchantId.of("shop-1");
        OrderId order = newOrder();
        AssignmentScheduler scheduler = adapter(client);

        assertThat(scheduler.schedule(merchant, order, Instant.parse("2030-12-10T00:00:00Z"), ZoneId.of("UTC")))
                .isEqualTo(ScheduleOutcome.CREATED);
        assertThat(scheduler.schedule(merchant, order, Instant.parse("2030-12-20T00:00:00Z"), ZoneId.of("UTC")))
                .isEqualTo(ScheduleOutcome.ALREADY_SCHEDULED);

        String name = EventBridgeAssignmentScheduler.scheduleName(merchant, order);
        assertThat(client.getSchedule(r -> r.groupName(GROUP).name(name)).scheduleExpression())
                .isEqualTo("at(2030-12-10T00:00:00)");
    }

    @Test
    void cancelDeletesTheScheduleAndASecondCancelFindsNothing(SchedulerClient client) {
        MerchantId merchant = MerchantId.of("shop-1");
        OrderId order = newOrder();
        AssignmentScheduler scheduler = adapter(client);
        scheduler.schedule(merchant, order, Instant.parse("2030-12-10T00:00:00Z"), TAIPEI);

        assertThat(scheduler.cancel(merchant, order)).isEqualTo(CancelOutcome.DELETED);
        String name = EventBridgeAssignmentScheduler.scheduleName(merchant, order);
        assertThatThrownBy(() -> client.getSchedule(r -> r.groupName(GROUP).name(name)))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThat(scheduler.cancel(merchant, order)).isEqualTo(CancelOutcome.NOT_FOUND);
    }

    @Test
    void cancelOfAnOrderNeverScheduledIsNotFound(SchedulerClient client) {
        assertThat(adapter(client).cancel(MerchantId.of("shop-1"), newOrder())).isEqualTo(CancelOutcome.NOT_FOUND);
    }

    @Test
    void aDueDateInThePastIsScheduledOneMinuteFromNow(SchedulerClient client) {
        MerchantId merchant = MerchantId.of("shop-1");
        OrderId order = newOrder();

        assertThat(adapter(client).schedule(merchant, order, NOW.minus(Duration.ofDays(3)), TAIPEI))
                .isEqualTo(ScheduleOutcome.CREATED);

        String name = EventBridgeAssignmentScheduler.scheduleName(merchant, order);
        // NOW = 03:00Z = 11:00 Taipei; +1 minute.
        assertThat(client.getSchedule(r -> r.groupName(GROUP).name(name)).scheduleExpression())
                .isEqualTo("at(2030-11-28T11:01:00)");
    }

    @Test
    void otherServiceFailuresAreSchedulerExceptions(SchedulerClient client) {
        var config = new EventBridgeAssignmentScheduler.Config("no-such-group-" + UUID.randomUUID().toString().substring(0, 8),
                CONFIG.targetArn(), CONFIG.roleArn(), CONFIG.deadLetterQueueArn(), 17, Duration.ofHours(2));
        var scheduler = new EventBridgeAssignmentScheduler(client, config, TimeSource.fixed(NOW));

        assertThatThrownBy(() -> scheduler.schedule(MerchantId.of("shop-1"), newOrder(), NOW.plusSeconds(3600), TAIPEI))
                .isInstanceOf(AssignmentScheduler.SchedulerException.class)
                .hasMessageContaining("create of schedule mp-assign-");
    }

    @Test
    void unreachableServiceIsASchedulerException() {
        try (AwsClients unreachable = ClosedPort.clients()) {
            var scheduler = new EventBridgeAssignmentScheduler(unreachable.scheduler(), CONFIG, TimeSource.fixed(NOW));

            assertThatThrownBy(() -> scheduler.schedule(MerchantId.of("shop-1"), newOrder(), NOW, TAIPEI))
                    .isInstanceOf(AssignmentScheduler.SchedulerException.class)
                    .hasMessageContaining("(transient)");
            assertThatThrownBy(() -> scheduler.cancel(MerchantId.of("shop-1"), newOrder()))
                    .isInstanceOf(AssignmentScheduler.SchedulerException.class);
        }
    }
}
