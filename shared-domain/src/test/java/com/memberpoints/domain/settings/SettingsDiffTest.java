package com.memberpoints.domain.settings;

import static com.memberpoints.domain.testing.Fixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.domain.testing.Fixtures;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettingsDiffTest {

    @Test
    void identicalSettingsUnderANewVersionHaveNoChanges() {
        assertThat(SettingsDiff.between(settings().version(1).build(), settings().version(2).build())).isEmpty();
    }

    @Test
    void earnRateChangeIsReportedOldToNew() {
        var changes = SettingsDiff.between(settings().earnRate("10.00", 10).build(), settings().earnRate("10.00", 1).build());
        assertThat(changes).containsExactly(new SettingChange("points.earn.points", Optional.of("10"), Optional.of("1")));
    }

    @Test
    void numericallyEqualAmountsAreNotAChange() {
        assertThat(SettingsDiff.between(settings().earnRate("10", 1).build(), settings().earnRate("10.00", 1).build())).isEmpty();
    }

    @Test
    void switchingExpiryToNeverRemovesMonthAndDay() {
        var changes = SettingsDiff.between(settings().build(), settings().expiry(ExpiryPolicy.NEVER).build());
        assertThat(changes).containsExactly(
                new SettingChange("points.expiry.day", Optional.of("31"), Optional.empty()),
                new SettingChange("points.expiry.month", Optional.of("12"), Optional.empty()),
                new SettingChange("points.expiry.type", Optional.of("ANNUAL_DATE"), Optional.of("NEVER")));
    }

    @Test
    void addedTierOverrideIsReportedByTierId() {
        var before = settings().build();
        var after = settings().tier(new TierRule(Fixtures.GOLD, Optional.of(EarnRate.of("5", 1)), Optional.empty())).build();
        assertThat(SettingsDiff.between(before, after)).containsExactly(
                new SettingChange("tiers[gold].earn.points", Optional.empty(), Optional.of("1")),
                new SettingChange("tiers[gold].earn.spend", Optional.empty(), Optional.of("5")),
                new SettingChange("tiers[gold].tier", Optional.empty(), Optional.of("gold")));
    }
}
