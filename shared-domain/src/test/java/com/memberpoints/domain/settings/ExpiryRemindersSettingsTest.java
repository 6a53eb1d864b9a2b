package com.memberpoints.domain.settings;

import static com.memberpoints.domain.testing.Fixtures.merchant;
import static com.memberpoints.domain.testing.Fixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.domain.model.FieldError;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The expiry-reminders settings part: defaults, validation with field paths, and the activity-log diff. */
class ExpiryRemindersSettingsTest {

    private static List<FieldError> errors(ExpiryReminders r) {
        return SettingsValidator.validate(settings().build().withExpiryReminders(r), merchant());
    }

    @Test
    void settingsWithoutThePartHaveRemindersOff() {
        MerchantSettings old = settings().build();
        assertThat(old.expiryReminders()).isEqualTo(ExpiryReminders.OFF);
        assertThat(old.expiryReminders().enabled()).isFalse();
        assertThat(MerchantSettings.defaults().expiryReminders()).isEqualTo(ExpiryReminders.OFF);
        assertThat(old.withVersion(7).expiryReminders()).isEqualTo(ExpiryReminders.OFF);
        assertThat(errors(ExpiryReminders.OFF)).isEmpty();
    }

    @Property(tries = 200)
    void daysOutsideOneToNinetyAreRefusedAtTheirPath(@ForAll @IntRange(min = -1000, max = 1000) int days) {
        List<FieldError> e = errors(new ExpiryReminders(true, days, true, false));
        if (days >= 1 && days <= 90) {
            assertThat(e).isEmpty();
        } else {
            assertThat(e).extracting(FieldError::field).containsExactly("expiryReminders.daysBefore");
            assertThat(e.getFirst().message()).isEqualTo("must be between 1 and 90");
        }
    }

    @Test
    void enabledWithoutAnyChannelIsRefused_disabledIsFine() {
        assertThat(errors(new ExpiryReminders(true, 7, false, false))).extracting(FieldError::field)
                .containsExactly("expiryReminders.email");
        assertThat(errors(new ExpiryReminders(false, 7, false, false))).isEmpty();
        assertThat(errors(new ExpiryReminders(true, 7, false, true))).isEmpty();
    }

    @Test
    void theActivityLogShowsOldAndNewValues() {
        MerchantSettings before = settings().build();
        MerchantSettings after = before.withExpiryReminders(new ExpiryReminders(true, 30, true, true));
        assertThat(SettingsDiff.between(before, after)).extracting(SettingChange::field, c -> c.oldValue().orElse("-"),
                c -> c.newValue().orElse("-")).containsExactly(
                org.assertj.core.groups.Tuple.tuple("expiryReminders.daysBefore", "14", "30"),
                org.assertj.core.groups.Tuple.tuple("expiryReminders.enabled", "false", "true"),
                org.assertj.core.groups.Tuple.tuple("expiryReminders.sms", "false", "true"));
    }
}
