package com.memberpoints.functions.platform;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The names and settings a function reads from its environment (set in template.yaml). Each accessor
 * reads its variable when first asked, so a function needing only the table never requires the email
 * sender's variables; a missing one fails with a message naming it. (Region and endpoint are read by
 * infra's {@code AwsClients}.)
 */
public final class AppConfig {
    /** DynamoDB table holding ledgers, settings and jobs. */
    public static final String TABLE_NAME = "TABLE_NAME";

    /** EventBridge Scheduler group holding the one-time assignment schedules. */
    public static final String SCHEDULE_GROUP_NAME = "SCHEDULE_GROUP_NAME";
    /** ARN of the scheduled-assignment function (the schedules' target). */
    public static final String ASSIGNMENT_FUNCTION_ARN = "ASSIGNMENT_FUNCTION_ARN";
    /** ARN of the role EventBridge Scheduler assumes to invoke the target. */
    public static final String SCHEDULER_ROLE_ARN = "SCHEDULER_ROLE_ARN";
    /** ARN of the SQS queue receiving schedule invocations that exhausted their retries. */
    public static final String SCHEDULER_DLQ_ARN = "SCHEDULER_DLQ_ARN";
    /** Verified SES sender identity for member emails, e.g. {@code "Shop <points@shop.example>"}. */
    public static final String SES_FROM_ADDRESS = "SES_FROM_ADDRESS";
    /** Optional SES configuration set the emails are sent through (bounce and complaint events). */
    public static final String SES_CONFIGURATION_SET = "SES_CONFIGURATION_SET";
    /** Optional alphanumeric SMS sender id (1-11 letters and digits). */
    public static final String SMS_SENDER_ID = "SMS_SENDER_ID";
    /** Emails per second the dispatcher may send (the account's SES sending rate); default 14. */
    public static final String SES_MAX_SEND_RATE = "SES_MAX_SEND_RATE";
    /** SMS per second the dispatcher may send (the account's SNS SMS rate); default 20. */
    public static final String SMS_MAX_SEND_RATE = "SMS_MAX_SEND_RATE";
    /** Daily sweep: ISO-8601 duration after which an unconfirmed redemption hold is released (default PT24H). */
    public static final String HOLD_TIME_LIMIT = "HOLD_TIME_LIMIT";
    /** Daily sweep: how long past due an unassigned order waits before the sweep assigns it (default PT24H). */
    public static final String RECONCILE_GRACE = "RECONCILE_GRACE";
    /** Daily sweep: wallets, holds and orders handled per merchant and job in one run (default 20000). */
    public static final String SWEEP_MAX_ITEMS = "SWEEP_MAX_ITEMS";
    /** URL of the SQS queue feeding the bulk assignment worker (read only by the function creating bulk jobs). */
    public static final String BULK_JOBS_QUEUE_URL = "BULK_JOBS_QUEUE_URL";
    /** URL of the SQS queue feeding the expiry sweep worker (the hourly sweep fans out on it; issue 16 change 7). */
    public static final String EXPIRY_WALKS_QUEUE_URL = "EXPIRY_WALKS_QUEUE_URL";
    /** URL of the liability replay's dead-letter queue: stream ranges past retention go there (docs/scale.md change 8). */
    public static final String LIABILITY_REPLAY_DLQ_URL = "LIABILITY_REPLAY_DLQ_URL";

    /** Integration events: name or ARN of the EventBridge bus they are put on (issue 12 item 1). */
    public static final String INTEGRATION_EVENT_BUS_NAME = "INTEGRATION_EVENT_BUS_NAME";
    /** Integration events: their {@code source} (default {@code member-points}). */
    public static final String INTEGRATION_EVENT_SOURCE = "INTEGRATION_EVENT_SOURCE";
    /** Integration events: {@code NONE} (default: ids only) or {@code CONTACT} (the merchant's opt-in to personal data). */
    public static final String INTEGRATION_EVENTS_PERSONAL_DATA = "INTEGRATION_EVENTS_PERSONAL_DATA";

    private final Map<String, String> env;

    private AppConfig(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    public static AppConfig from(Map<String, String> env) {
        return new AppConfig(Objects.requireNonNull(env, "env"));
    }

    public static AppConfig fromEnvironment() {
        return from(System.getenv());
    }

    public String tableName() {
        return require(TABLE_NAME, "the DynamoDB table name");
    }

    /** Read only by functions that create or delete schedules (order events); others never require it. */
    public String scheduleGroupName() {
        return require(SCHEDULE_GROUP_NAME, "the EventBridge Scheduler group of assignment schedules");
    }

    public String assignmentFunctionArn() {
        return require(ASSIGNMENT_FUNCTION_ARN, "the scheduled-assignment function the schedules invoke");
    }

    public String schedulerRoleArn() {
        return require(SCHEDULER_ROLE_ARN, "the role EventBridge Scheduler assumes to invoke the function");
    }

    public String schedulerDlqArn() {
        return require(SCHEDULER_DLQ_ARN, "the dead-letter queue of failed schedule invocations");
    }

    public String sesFromAddress() {
        return require(SES_FROM_ADDRESS, "the verified SES identity member emails are sent from");
    }

    public Optional<String> sesConfigurationSet() {
        return optional(SES_CONFIGURATION_SET);
    }

    public Optional<String> smsSenderId() {
        return optional(SMS_SENDER_ID);
    }

    public double sesMaxSendRate() {
        return rate(SES_MAX_SEND_RATE, 14);
    }

    public double smsMaxSendRate() {
        return rate(SMS_MAX_SEND_RATE, 20);
    }

    private double rate(String name, double fallback) {
        Optional<String> v = optional(name);
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            double d = Double.parseDouble(v.get());
            if (d > 0 && d <= 10_000) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new MissingConfigurationException("Environment variable " + name
                + " must be a number of messages per second between 0 and 10000, got '" + v.get() + "'");
    }

    public String integrationEventBusName() {
        return require(INTEGRATION_EVENT_BUS_NAME, "the EventBridge bus the integration events are put on");
    }

    public String integrationEventSource() {
        return optional(INTEGRATION_EVENT_SOURCE).orElse(
                com.memberpoints.domain.integration.IntegrationEvents.Settings.DEFAULT_SOURCE);
    }

    /** {@code NONE} unless set; anything but NONE or CONTACT fails naming the variable. */
    public com.memberpoints.domain.integration.PersonalData integrationEventsPersonalData() {
        String v = optional(INTEGRATION_EVENTS_PERSONAL_DATA).orElse("NONE");
        try {
            return com.memberpoints.domain.integration.PersonalData.valueOf(v.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new MissingConfigurationException("Environment variable " + INTEGRATION_EVENTS_PERSONAL_DATA
                    + " must be NONE or CONTACT, got '" + v + "'");
        }
    }

    /**
     * The value of {@code name}.
     *
     * @throws MissingConfigurationException naming the variable and what it is for
     */
    public String require(String name, String purpose) {
        return optional(name).orElseThrow(() -> new MissingConfigurationException(
                "Environment variable " + name + " (" + purpose + ") is not set; set it in template.yaml "
                        + "or, locally, in the environment of local/run."));
    }

    public Optional<String> optional(String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }
}
