package com.memberpoints.functions.platform;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AppConfigTest {

    @Test
    void readsNamesFromTheEnvironment() {
        AppConfig config = AppConfig.from(Map.of("TABLE_NAME", " mp-ledger ", "SENDER", ""));
        assertThat(config.tableName()).isEqualTo("mp-ledger");
        assertThat(config.optional("SENDER")).isEmpty();
        assertThat(config.optional("ABSENT")).isEmpty();
    }

    @Test
    void aMissingVariableFailsNamingIt() {
        AppConfig config = AppConfig.from(Map.of("AWS_REGION", "eu-west-1", "TABLE_NAME", " "));
        assertThatThrownBy(config::tableName)
                .isInstanceOf(MissingConfigurationException.class)
                .hasMessageContaining("TABLE_NAME")
                .hasMessageContaining("template.yaml");
    }
}
