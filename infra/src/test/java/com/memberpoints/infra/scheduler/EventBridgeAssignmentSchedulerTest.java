package com.memberpoints.infra.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.infra.scheduler.EventBridgeAssignmentScheduler.At;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class EventBridgeAssignmentSchedulerTest {

    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    @Test
    void writesTheDueInstantAsLocalTimeInTheMerchantsZone() {
        assertThat(EventBridgeAssignmentScheduler.expression(Instant.parse("2030-12-03T16:00:00Z"), ZoneId.of("Asia/Taipei"), NOW))
                .isEqualTo(new At("at(2030-12-04T00:00:00)", "Asia/Taipei"));
        assertThat(EventBridgeAssignmentScheduler.expression(Instant.parse("2030-07-01T04:00:00Z"), ZoneId.of("America/New_York"), NOW))
                .isEqualTo(new At("at(2030-07-01T00:00:00)", "America/New_York"));
    }

    @Test
    void roundsUpToTheNextWholeSecondSoItNeverFiresEarly() {
        assertThat(EventBridgeAssignmentScheduler.expression(Instant.parse("2030-12-03T16:00:00.001Z"), ZoneId.of("UTC"), NOW).expression())
                .isEqualTo("at(2030-12-03T16:00:01)");
    }

    @Test
    void pastOrImminentDueInstantsMoveToOneMinuteFromNow() {
        assertThat(EventBridgeAssignmentScheduler.expression(NOW.minus(Duration.ofDays(400)), ZoneId.of("UTC"), NOW).expression())
                .isEqualTo("at(2030-01-01T00:01:00)");
        assertThat(EventBridgeAssignmentScheduler.expression(NOW.plusSeconds(30), ZoneId.of("UTC"), NOW).expression())
                .isEqualTo("at(2030-01-01T00:01:00)");
        assertThat(EventBridgeAssignmentScheduler.expression(NOW.plusSeconds(61), ZoneId.of("UTC"), NOW).expression())
                .isEqualTo("at(2030-01-01T00:01:01)");
    }

    @Test
    void fixedOffsetZonesAreWrittenInUtc() {
        assertThat(EventBridgeAssignmentScheduler.expression(Instant.parse("2030-12-03T16:00:00Z"), ZoneOffset.ofHours(8), NOW))
                .isEqualTo(new At("at(2030-12-03T16:00:00)", "UTC"));
        assertThat(EventBridgeAssignmentScheduler.expression(Instant.parse("2030-12-03T16:00:00Z"), ZoneId.of("Z"), NOW))
                .isEqualTo(new At("at(2030-12-03T16:00:00)", "UTC"));
    }

    @Test
    void aTimeInTheAutumnOverlapMovesToTheEndOfTheOverlap() {
        // New York, 3 Nov 2030: 02:00 EDT → 01:00 EST; 01:30 happens twice. 05:30Z = 01:30 EDT (first pass).
        At first = EventBridgeAssignmentScheduler.expression(Instant.parse("2030-11-03T05:30:00Z"), ZoneId.of("America/New_York"), NOW);
        // 06:30Z = 01:30 EST (second pass).
        At second = EventBridgeAssignmentScheduler.expression(Instant.parse("2030-11-03T06:30:00Z"), ZoneId.of("America/New_York"), NOW);

        // 02:00 local exists once (EST) = 07:00Z: not before either due instant.
        assertThat(first).isEqualTo(new At("at(2030-11-03T02:00:00)", "America/New_York"));
        assertThat(second).isEqualTo(first);
    }

    @Test
    void springGapNeedsNoAdjustment() {
        // 10 Mar 2030 New York: 02:00 EST → 03:00 EDT; 07:00Z is 03:00 EDT.
        assertThat(EventBridgeAssignmentScheduler.expression(Instant.parse("2030-03-10T07:00:00Z"), ZoneId.of("America/New_York"), NOW).expression())
                .isEqualTo("at(2030-03-10T03:00:00)");
    }

    @Test
    void scheduleNameIsDeterministicAndDependsOnBothIds() {
        MerchantId m = MerchantId.of("shop-1");
        assertThat(EventBridgeAssignmentScheduler.scheduleName(m, OrderId.of("o-1")))
                .isEqualTo(EventBridgeAssignmentScheduler.scheduleName(MerchantId.of("shop-1"), OrderId.of("o-1")))
                .isNotEqualTo(EventBridgeAssignmentScheduler.scheduleName(m, OrderId.of("o-2")))
                .isNotEqualTo(EventBridgeAssignmentScheduler.scheduleName(MerchantId.of("shop-2"), OrderId.of("o-1")));
        // The separator keeps ("a", "b:c") and ("a:b", "c") apart.
        assertThat(EventBridgeAssignmentScheduler.scheduleName(MerchantId.of("a"), OrderId.of("b:c")))
                .isNotEqualTo(EventBridgeAssignmentScheduler.scheduleName(MerchantId.of("a:b"), OrderId.of("c")));
    }

    @Test
    void configRefusesValuesTheServiceWouldReject() {
        String arn = "arn:aws:lambda:us-east-1:123456789012:function:f";
        assertThatThrownBy(() -> new EventBridgeAssignmentScheduler.Config("bad group", arn, arn, arn, 10, Duration.ofHours(1)))
                .hasMessageContaining("groupName");
        assertThatThrownBy(() -> new EventBridgeAssignmentScheduler.Config("g", "lambda", arn, arn, 10, Duration.ofHours(1)))
                .hasMessageContaining("targetArn");
        assertThatThrownBy(() -> new EventBridgeAssignmentScheduler.Config("g", arn, arn, arn, 186, Duration.ofHours(1)))
                .hasMessageContaining("maximumRetryAttempts");
        assertThatThrownBy(() -> new EventBridgeAssignmentScheduler.Config("g", arn, arn, arn, 10, Duration.ofSeconds(59)))
                .hasMessageContaining("maximumEventAge");
        assertThatThrownBy(() -> new EventBridgeAssignmentScheduler.Config("g", arn, arn, arn, 10, Duration.ofHours(25)))
                .hasMessageContaining("maximumEventAge");
        assertThat(EventBridgeAssignmentScheduler.Config.of("g", arn, arn, arn).maximumEventAge()).isEqualTo(Duration.ofHours(12));
    }
}
