package com.memberpoints.infra.scheduler;

import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.domain.order.AssignmentScheduler;
import com.memberpoints.domain.model.TimeSource;
import com.memberpoints.infra.aws.AwsErrors;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.ActionAfterCompletion;
import software.amazon.awssdk.services.scheduler.model.ConflictException;
import software.amazon.awssdk.services.scheduler.model.CreateScheduleRequest;
import software.amazon.awssdk.services.scheduler.model.DeadLetterConfig;
import software.amazon.awssdk.services.scheduler.model.DeleteScheduleRequest;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindow;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;
import software.amazon.awssdk.services.scheduler.model.ResourceNotFoundException;
import software.amazon.awssdk.services.scheduler.model.RetryPolicy;
import software.amazon.awssdk.services.scheduler.model.ScheduleState;
import software.amazon.awssdk.services.scheduler.model.Target;

/**
 * {@link AssignmentScheduler} on Amazon EventBridge Scheduler: one one-time schedule per order.
 *
 * <ul>
 *   <li>Expression {@code at(yyyy-MM-ddTHH:mm:ss)} in the merchant's time zone
 *       ({@code ScheduleExpressionTimezone}); a fixed-offset zone is written as UTC.</li>
 *   <li>Name {@link #scheduleName}: {@code mp-assign-} and 48 hex digits of SHA-256 over
 *       {@code merchantId|orderId} — deterministic, within the 64-character limit and the allowed
 *       characters {@code [0-9A-Za-z._-]} whatever the ids contain. The readable ids are in the
 *       schedule's description and in the target input.</li>
 *   <li>Configured group; {@code FlexibleTimeWindow OFF}; {@code ActionAfterCompletion DELETE};
 *       target = the assignment Lambda with the configured role and input
 *       {@link AssignmentPayloadCodec}; the configured retry policy and dead-letter queue.</li>
 * </ul>
 *
 * <p>Time: the due instant comes from the domain ({@code AssignmentWindow}: the order's offset after the start of
 * its due local date, issue 16) and is written as it is — no rule of its own here, so the schedule, the order's
 * {@code scheduledFor} and the member's {@code expectedOn} agree. The instant is rounded up to the whole second and never set earlier than
 * {@link #MINIMUM_LEAD} after now, so a due date already past (a late event) fires about a minute
 * later instead of being refused or lost. When the local time falls in a daylight-saving overlap
 * (the same wall-clock hour twice), it is moved to the end of the overlap, so the schedule never fires
 * before the due instant (at most an hour late, once a year).
 *
 * <p>Outcomes: {@code ConflictException} on create is {@code ALREADY_SCHEDULED};
 * {@code ResourceNotFoundException} on delete is {@code NOT_FOUND} (this includes a missing group);
 * every other SDK failure is an {@link AssignmentScheduler.SchedulerException} naming the error.
 */
public final class EventBridgeAssignmentScheduler implements AssignmentScheduler {

    /** Lead time given to a schedule whose due instant is past or imminent. */
    public static final Duration MINIMUM_LEAD = Duration.ofMinutes(1);

    static final String NAME_PREFIX = "mp-assign-";
    private static final int NAME_HASH_HEX_DIGITS = 48;
    private static final DateTimeFormatter AT_FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    private final SchedulerClient scheduler;
    private final Config config;
    private final TimeSource clock;

    /**
     * @param scheduler the EventBridge Scheduler client (from {@code AwsClients})
     * @param config    group, target, role, dead-letter queue and retry policy
     * @param clock     the current time, used to move past due instants into the near future
     */
    public EventBridgeAssignmentScheduler(SchedulerClient scheduler, Config config, TimeSource clock) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public ScheduleOutcome schedule(MerchantId merchant, OrderId order, Instant dueAt, ZoneId merchantZone) {
        Objects.requireNonNull(merchant, "merchant");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(merchantZone, "merchantZone");
        String name = scheduleName(merchant, order);
        At at = expression(dueAt, merchantZone, clock.now());
        CreateScheduleRequest request = CreateScheduleRequest.builder()
                .name(name)
                .groupName(config.groupName())
                .description("Assign points of order " + order.value() + " of merchant " + merchant.value())
                .scheduleExpression(at.expression())
                .scheduleExpressionTimezone(at.timezone())
                .flexibleTimeWindow(FlexibleTimeWindow.builder().mode(FlexibleTimeWindowMode.OFF).build())
                .actionAfterCompletion(ActionAfterCompletion.DELETE)
                .state(ScheduleState.ENABLED)
                .target(Target.builder()
                        .arn(config.targetArn())
                        .roleArn(config.roleArn())
                        .input(AssignmentPayloadCodec.encode(new AssignmentPayloadCodec.Payload(merchant, order)))
                        .retryPolicy(RetryPolicy.builder()
                                .maximumRetryAttempts(config.maximumRetryAttempts())
                                .maximumEventAgeInSeconds(Math.toIntExact(config.maximumEventAge().toSeconds()))
                                .build())
                        .deadLetterConfig(DeadLetterConfig.builder().arn(config.deadLetterQueueArn()).build())
                        .build())
                .build();
        try {
            scheduler.createSchedule(request);
            return ScheduleOutcome.CREATED;
        } catch (ConflictException e) {
            return ScheduleOutcome.ALREADY_SCHEDULED;
        } catch (SdkException e) {
            throw failure("create", name, merchant, order, e);
        }
    }

    @Override
    public CancelOutcome cancel(MerchantId merchant, OrderId order) {
        Objects.requireNonNull(merchant, "merchant");
        Objects.requireNonNull(order, "order");
        String name = scheduleName(merchant, order);
        try {
            scheduler.deleteSchedule(DeleteScheduleRequest.builder().groupName(config.groupName()).name(name).build());
            return CancelOutcome.DELETED;
        } catch (ResourceNotFoundException e) {
            return CancelOutcome.NOT_FOUND;
        } catch (SdkException e) {
            throw failure("delete", name, merchant, order, e);
        }
    }

    /** The deterministic schedule name of an order: {@code mp-assign-} + 48 hex digits of SHA-256("merchant|order"). */
    public static String scheduleName(MerchantId merchant, OrderId order) {
        // '|' never occurs in ids, so "merchant|order" identifies the pair unambiguously.
        byte[] digest = sha256(merchant.value() + "|" + order.value());
        return NAME_PREFIX + HexFormat.of().formatHex(digest).substring(0, NAME_HASH_HEX_DIGITS);
    }

    /** The {@code at(...)} expression and time zone for a due instant, as sent to the service. */
    public static At expression(Instant dueAt, ZoneId merchantZone, Instant now) {
        Instant earliest = now.plus(MINIMUM_LEAD);
        Instant target = dueAt.isBefore(earliest) ? earliest : dueAt;
        target = roundUpToSecond(target);
        ZoneId zone = merchantZone.normalized();
        if (zone instanceof ZoneOffset) {
            // Scheduler wants an IANA name; a fixed offset is exactly representable in UTC.
            zone = ZoneOffset.UTC;
        }
        LocalDateTime local = LocalDateTime.ofInstant(target, zone);
        ZoneOffsetTransition transition = zone.getRules().getTransition(local);
        if (transition != null && transition.isOverlap()) {
            // The wall-clock time happens twice; the end of the overlap is unambiguous and not early.
            local = transition.getDateTimeBefore();
        }
        String timezone = zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
        return new At("at(" + AT_FORMAT.format(local) + ")", timezone);
    }

    /** A schedule expression and its time zone. */
    public record At(String expression, String timezone) {}

    private static Instant roundUpToSecond(Instant instant) {
        Instant truncated = instant.truncatedTo(ChronoUnit.SECONDS);
        return truncated.equals(instant) ? instant : truncated.plusSeconds(1);
    }

    private static SchedulerException failure(String operation, String name, MerchantId merchant, OrderId order,
                                              SdkException e) {
        return new SchedulerException("EventBridge Scheduler " + operation + " of schedule " + name + " (merchant "
                + merchant.value() + ", order " + order.value() + ") failed"
                + (AwsErrors.isTransient(e) ? " (transient)" : "") + ": " + AwsErrors.describe(e), e);
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /**
     * Where and how schedules are created.
     *
     * @param groupName            schedule group (created by the template), e.g. {@code member-points}
     * @param targetArn            ARN of the scheduled assignment Lambda function
     * @param roleArn              execution role EventBridge Scheduler assumes to invoke the target
     * @param deadLetterQueueArn   SQS queue receiving invocations that exhausted their retries
     * @param maximumRetryAttempts 0-185 retries of a failed invocation
     * @param maximumEventAge      60 s - 24 h: how long an undelivered invocation is retried
     */
    public record Config(String groupName, String targetArn, String roleArn, String deadLetterQueueArn,
                         int maximumRetryAttempts, Duration maximumEventAge) {

        /**
         * Default retries: 185 attempts (the service's maximum) within 12 hours. A failed assignment is
         * retried with the service's back-off for half a day, then lands in the dead-letter queue; the
         * daily sweep's reconciliation assigns any delivered order left unassigned past its due date,
         * so a schedule that gave up is caught within a day rather than lost.
         */
        public static final int DEFAULT_MAXIMUM_RETRY_ATTEMPTS = 185;
        public static final Duration DEFAULT_MAXIMUM_EVENT_AGE = Duration.ofHours(12);

        private static final Pattern GROUP_NAME = Pattern.compile("[0-9A-Za-z._-]{1,64}");

        public Config {
            Objects.requireNonNull(groupName, "groupName");
            if (!GROUP_NAME.matcher(groupName).matches()) {
                throw new IllegalArgumentException("groupName must be 1-64 characters of [0-9A-Za-z._-]");
            }
            requireArn(targetArn, "targetArn");
            requireArn(roleArn, "roleArn");
            requireArn(deadLetterQueueArn, "deadLetterQueueArn");
            if (maximumRetryAttempts < 0 || maximumRetryAttempts > 185) {
                throw new IllegalArgumentException("maximumRetryAttempts must be 0-185");
            }
            Objects.requireNonNull(maximumEventAge, "maximumEventAge");
            if (maximumEventAge.compareTo(Duration.ofSeconds(60)) < 0 || maximumEventAge.compareTo(Duration.ofHours(24)) > 0
                    || maximumEventAge.toNanos() % 1_000_000_000L != 0) {
                throw new IllegalArgumentException("maximumEventAge must be whole seconds between 60 s and 24 h");
            }
        }

        /** The default retry policy. */
        public static Config of(String groupName, String targetArn, String roleArn, String deadLetterQueueArn) {
            return new Config(groupName, targetArn, roleArn, deadLetterQueueArn,
                    DEFAULT_MAXIMUM_RETRY_ATTEMPTS, DEFAULT_MAXIMUM_EVENT_AGE);
        }

        private static void requireArn(String value, String name) {
            Objects.requireNonNull(value, name);
            if (!value.startsWith("arn:") || value.length() > 1600) {
                throw new IllegalArgumentException(name + " must be an ARN (arn:...)");
            }
        }
    }
}
