package com.memberpoints.domain.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.testing.Fixtures;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Both reminder kinds exist in every template locale and name the amount and the expiry date in that locale. */
class ExpiryReminderTemplatesTest {
    final Merchant store = Fixtures.merchant();
    final Instant expiry = Instant.parse("2022-12-31T15:59:59Z");

    @Test
    void everyTemplateLocaleHasBothReminderKinds() {
        for (Locale locale : NotificationTemplates.locales()) {
            for (NotificationKind kind : new NotificationKind[] {NotificationKind.POINTS_EXPIRING,
                    NotificationKind.CREDITS_EXPIRING}) {
                assertThat(kind.isReminder()).isTrue();
                RenderedNotification r = NotificationRenderer.render(kind, store, Optional.of(locale),
                        new NotificationVariables("", 1098, 2000, Optional.of(expiry), ""));
                String date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale)
                        .format(expiry.atZone(store.zone()));
                assertThat(r.locale()).isEqualTo(locale);
                assertThat(r.subject()).contains(date);
                assertThat(r.sms()).contains(date).contains(kind.isCredits() ? "10.98" : "1,098");
                assertThat(r.text()).contains(date);
            }
        }
    }

    @Test
    void theOtherKindsAreNotReminders() {
        assertThat(NotificationKind.ORDER_POINTS.isReminder()).isFalse();
        assertThat(NotificationKind.CREDITS_EXPIRING.isCredits()).isTrue();
        assertThat(NotificationKind.POINTS_EXPIRING.isCredits()).isFalse();
    }
}
