package com.memberpoints.domain.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.testing.Fixtures;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class NotificationRendererTest {

    private static final Merchant STORE = Fixtures.merchant();
    /** 2022-12-31 23:59:59 in Taipei is 15:59:59 UTC the same day. */
    private static final Instant EXPIRY = Instant.parse("2022-12-31T15:59:59Z");

    private static NotificationVariables vars(String name, String reason) {
        return new NotificationVariables(name, 1200, 13200, Optional.of(EXPIRY), reason);
    }

    @ParameterizedTest
    @EnumSource(NotificationKind.class)
    void everyKindRendersInEveryLocaleWithNoPlaceholderLeft(NotificationKind kind) {
        for (Locale locale : NotificationTemplates.locales()) {
            RenderedNotification r = NotificationRenderer.render(kind, STORE, Optional.of(locale),
                    vars("Amy", "Birthday gift"));
            assertThat(r.locale()).isEqualTo(locale);
            for (String part : new String[] {r.subject(), r.html(), r.text(), r.sms()}) {
                assertThat(part).doesNotContainPattern("\\{[a-z]+}").contains("Shop One");
            }
            assertThat(r.text()).contains("Amy");
            assertThat(r.smsCount().parts()).isBetween(1, 3);
            if (kind.hasReason()) {
                assertThat(r.text()).contains("Birthday gift");
                assertThat(r.sms()).contains("Birthday gift");
            }
        }
    }

    @Test
    void englishPointsAreGroupedAndTheExpiryIsTheStoreLocalDate() {
        RenderedNotification r = NotificationRenderer.render(NotificationKind.ORDER_POINTS, STORE,
                Optional.of(Locale.ENGLISH), vars("Amy", ""));
        assertThat(r.subject()).isEqualTo("Shop One: you earned 1,200 points");
        assertThat(r.text()).contains("Your balance is now 13,200 points.")
                .contains("Your nearest points expire on December 31, 2022.");
        assertThat(r.sms()).isEqualTo("Shop One: you earned 1,200 points. Balance: 13,200 points."
                + " Next expiry: December 31, 2022.");
        assertThat(r.smsCount().encoding()).isEqualTo(SmsEncoding.GSM_7);
    }

    @Test
    void theSameInstantIsTheNextDayInAStoreEastOfIt() {
        Merchant tokyoLate = Fixtures.merchant(ZoneId.of("Pacific/Kiritimati"), Fixtures.TWD);
        RenderedNotification r = NotificationRenderer.render(NotificationKind.ORDER_POINTS, tokyoLate,
                Optional.of(Locale.ENGLISH), vars("Amy", ""));
        assertThat(r.text()).contains("January 1, 2023");
    }

    @Test
    void traditionalChineseFormatsTheDateForTheLocaleAndIsUcs2() {
        RenderedNotification r = NotificationRenderer.render(NotificationKind.STAFF_POINTS, STORE,
                Optional.of(Locale.forLanguageTag("zh-TW")), vars("王小明", "生日禮"));
        assertThat(r.subject()).isEqualTo("Shop One：已為您新增 1,200 點");
        assertThat(r.text()).contains("王小明 您好").contains("原因：生日禮").contains("2022年12月31日");
        assertThat(r.smsCount().encoding()).isEqualTo(SmsEncoding.UCS_2);
    }

    @Test
    void creditsAreMoneyInTheStoreCurrency() {
        RenderedNotification r = NotificationRenderer.render(NotificationKind.ORDER_CREDITS, STORE,
                Optional.of(Locale.ENGLISH), new NotificationVariables("Amy", 1000, 2550, Optional.empty(), ""));
        assertThat(r.subject()).isEqualTo("Shop One: you received NT$10.00 in store credits");
        assertThat(r.text()).contains("Your credit balance is now NT$25.50.").doesNotContain("expire");
        assertThat(r.sms()).doesNotContain("expiry");
    }

    @Test
    void staffCreditsAreMoneyWithTheReasonInEnglish() {
        RenderedNotification r = NotificationRenderer.render(NotificationKind.STAFF_CREDITS, STORE,
                Optional.of(Locale.ENGLISH), new NotificationVariables("Amy", 1000, 2550, Optional.of(EXPIRY),
                        "Sorry for the late parcel"));
        assertThat(r.subject()).isEqualTo("Shop One: NT$10.00 in store credits added to your account");
        assertThat(r.text()).contains("Shop One added NT$10.00 in store credits to your account. Reason: Sorry for the late parcel")
                .contains("Your credit balance is now NT$25.50.")
                .contains("Your nearest credits expire on December 31, 2022.");
        assertThat(r.sms()).isEqualTo("Shop One: NT$10.00 in store credits added (Sorry for the late parcel)."
                + " Credit balance: NT$25.50. Next expiry: December 31, 2022.");
        assertThat(r.smsCount().encoding()).isEqualTo(SmsEncoding.GSM_7);
    }

    @Test
    void staffCreditsInTraditionalChinese() {
        RenderedNotification r = NotificationRenderer.render(NotificationKind.STAFF_CREDITS, STORE,
                Optional.of(Locale.forLanguageTag("zh-TW")), new NotificationVariables("王小明", 1000, 2550,
                        Optional.empty(), "補償"));
        assertThat(r.subject()).isEqualTo("Shop One：已為您新增 $10.00 購物金");
        assertThat(r.text()).contains("原因：補償").contains("目前購物金餘額為 $25.50。").doesNotContain("到期");
        assertThat(r.smsCount().encoding()).isEqualTo(SmsEncoding.UCS_2);
    }

    @Test
    void valuesAreHtmlEscapedInTheHtmlPartAndLiteralInTheText() {
        RenderedNotification r = NotificationRenderer.render(NotificationKind.STAFF_POINTS, STORE,
                Optional.of(Locale.ENGLISH), vars("<script>alert(1)</script>", "Tom & Jerry's \"gift\" {balance}"));
        assertThat(r.html()).contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("Tom &amp; Jerry&#39;s &quot;gift&quot; {balance}")
                .doesNotContain("<script>");
        assertThat(r.text()).contains("<script>alert(1)</script>").contains("Tom & Jerry's \"gift\" {balance}");
    }

    @Test
    void localeFallsBackFromMemberToStoreDefaultToEnglish() {
        Merchant zhStore = new Merchant(STORE.id(), STORE.name(), STORE.currency(), STORE.zone(),
                Locale.forLanguageTag("zh-TW"), STORE.supportedLocales(), true, true, STORE.membershipTiers());
        Merchant frStore = new Merchant(STORE.id(), STORE.name(), STORE.currency(), STORE.zone(), Locale.FRENCH,
                STORE.supportedLocales(), true, true, STORE.membershipTiers());
        assertThat(NotificationTemplates.resolve(Optional.of(Locale.forLanguageTag("ja")), zhStore.defaultLocale()))
                .isEqualTo(NotificationTemplates.ZH_TW);
        assertThat(NotificationTemplates.resolve(Optional.empty(), zhStore.defaultLocale()))
                .isEqualTo(NotificationTemplates.ZH_TW);
        assertThat(NotificationTemplates.resolve(Optional.of(Locale.forLanguageTag("zh-Hant-TW")), Locale.ENGLISH))
                .isEqualTo(NotificationTemplates.ZH_TW);
        assertThat(NotificationTemplates.resolve(Optional.of(Locale.GERMAN), frStore.defaultLocale()))
                .isEqualTo(NotificationTemplates.EN);
        assertThat(NotificationRenderer.render(NotificationKind.ORDER_POINTS, zhStore, Optional.empty(),
                vars("", "")).text()).startsWith("會員 您好");
    }

    @Test
    void aMissingNameUsesTheLocaleGreeting() {
        assertThat(NotificationRenderer.render(NotificationKind.ORDER_POINTS, STORE, Optional.empty(), vars(" ", ""))
                .text()).startsWith("Hi there,");
    }

    @Test
    void aLongReasonMakesAMultiPartSmsCountedBySmsCounter() {
        String reason = "x".repeat(200);
        RenderedNotification r = NotificationRenderer.render(NotificationKind.STAFF_POINTS, STORE,
                Optional.of(Locale.ENGLISH), vars("Amy", reason));
        assertThat(r.smsCount().characters()).isEqualTo(r.sms().length());
        assertThat(r.smsCount().parts()).isEqualTo((r.sms().length() + 152) / 153);
    }

    @Test
    void anUnknownPlaceholderIsABugNotSilentText() {
        assertThatThrownBy(() -> NotificationRenderer.fill("{nope}", Map.of()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("{nope}");
    }
}
