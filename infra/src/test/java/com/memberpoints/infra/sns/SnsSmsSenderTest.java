package com.memberpoints.infra.sns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;

class SnsSmsSenderTest {

    @ParameterizedTest
    @ValueSource(strings = {"+886912345678", "+15555550100", "+447700900123", "+12", "+123456789012345"})
    void acceptsE164(String number) {
        assertThat(SnsSmsSender.isE164(number)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"886912345678", "+0912345678", "+1", "+1234567890123456", "+1 555 0100", "+1-555-0100", "", "+"})
    void rejectsEverythingElse(String number) {
        assertThat(SnsSmsSender.isE164(number)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"TooLongSender1", "12345", "My Store", "Store!"})
    void refusesSenderIdsSnsWouldReject(String senderId) {
        try (SnsClient sns = SnsClient.builder().region(Region.US_EAST_1).build()) {
            assertThatThrownBy(() -> new SnsSmsSender(sns, Optional.of(senderId)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("senderId");
        }
    }
}
