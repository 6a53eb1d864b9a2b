package com.memberpoints.functions.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.memberpoints.functions.platform.AppConfig;
import com.memberpoints.functions.platform.MissingConfigurationException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NotificationConfigTest {

    @Test
    void senderSettingsAndRatesComeFromTheEnvironment() {
        AppConfig c = AppConfig.from(Map.of(AppConfig.SES_FROM_ADDRESS, "Shop <points@shop.example>",
                AppConfig.SES_CONFIGURATION_SET, "member-points", AppConfig.SMS_SENDER_ID, "Shop",
                AppConfig.SES_MAX_SEND_RATE, "50", AppConfig.SMS_MAX_SEND_RATE, "2.5"));
        assertThat(c.sesFromAddress()).isEqualTo("Shop <points@shop.example>");
        assertThat(c.sesConfigurationSet()).hasValue("member-points");
        assertThat(c.smsSenderId()).hasValue("Shop");
        assertThat(c.sesMaxSendRate()).isEqualTo(50);
        assertThat(c.smsMaxSendRate()).isEqualTo(2.5);
    }

    @Test
    void optionalOnesDefaultAndAMissingSenderIsNamed() {
        AppConfig c = AppConfig.from(Map.of());
        assertThat(c.sesConfigurationSet()).isEqualTo(Optional.empty());
        assertThat(c.smsSenderId()).isEmpty();
        assertThat(c.sesMaxSendRate()).isEqualTo(14);
        assertThat(c.smsMaxSendRate()).isEqualTo(20);
        assertThatThrownBy(c::sesFromAddress).isInstanceOf(MissingConfigurationException.class)
                .hasMessageContaining("SES_FROM_ADDRESS");
    }

    @Test
    void aNonsenseRateIsRefusedWithItsName() {
        assertThatThrownBy(() -> AppConfig.from(Map.of(AppConfig.SMS_MAX_SEND_RATE, "fast")).smsMaxSendRate())
                .isInstanceOf(MissingConfigurationException.class).hasMessageContaining("SMS_MAX_SEND_RATE");
        assertThatThrownBy(() -> AppConfig.from(Map.of(AppConfig.SES_MAX_SEND_RATE, "0")).sesMaxSendRate())
                .isInstanceOf(MissingConfigurationException.class);
    }
}
