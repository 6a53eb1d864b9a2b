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
