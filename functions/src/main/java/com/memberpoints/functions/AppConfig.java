package com.memberpoints.functions;

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
