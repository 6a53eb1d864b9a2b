package com.memberpoints.domain.checkout;

import com.memberpoints.domain.settings.Timing;
import static com.memberpoints.domain.testing.Fixtures.creditRule;
import static com.memberpoints.domain.testing.Fixtures.merchant;
import static com.memberpoints.domain.testing.Fixtures.settings;
import static com.memberpoints.domain.testing.Fixtures.twd;
import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.domain.notify.NotificationTemplates;
import com.memberpoints.domain.settings.AssignmentPolicy;
import com.memberpoints.domain.settings.CreditType;
import com.memberpoints.domain.settings.ExpiryPolicy;
import com.memberpoints.domain.settings.GivenWhen;
import com.memberpoints.domain.settings.RedeemCap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issue 11.5: when points and credits are given, and the texts in every template locale. */
class GivenWhenAndTextsTest {
    private static final Locale ZH_TW = Locale.forLanguageTag("zh-TW");

    private static Quote quote(AssignmentPolicy mode, Optional<Locale> locale) {
        var s = settings().assignment(mode).credits(true, creditRule("100.00", CreditType.fixed("10.00", false))).build();
        return CheckoutQuoter.quote(merchant(), s, QuoteRequest.builder(twd("500.00")).build(), locale);
    }

    @Test
    void completionModeGivesPointsAndCreditsAfterCompletedInTheArticlesWords() {
        Quote q = quote(AssignmentPolicy.ON_COMPLETION, Optional.empty());
        assertThat(q.pointsGivenWhen()).isEqualTo(new Timing(GivenWhen.AFTER_COMPLETED, "Points earned after completed"));
        assertThat(q.creditsGivenWhen()).isEqualTo(new Timing(GivenWhen.AFTER_COMPLETED, "Credits earned after completed"));
    }

    @Test
    void deliveryModeGivesPointsDaysAfterDeliveryAndCreditsOnPayment() {
        Quote q = quote(AssignmentPolicy.afterDelivery(3), Optional.empty());
        assertThat(q.pointsGivenWhen()).isEqualTo(new Timing(new GivenWhen.DaysAfterDelivery(3),
                "Points earned 3 days after delivery"));
        assertThat(q.creditsGivenWhen()).isEqualTo(new Timing(GivenWhen.ON_PAYMENT, "Credits earned on payment"));
        assertThat(quote(AssignmentPolicy.afterDelivery(0), Optional.empty()).pointsGivenWhen().text())
                .isEqualTo("Points earned on delivery");
        assertThat(quote(AssignmentPolicy.afterDelivery(1), Optional.empty()).pointsGivenWhen().text())
                .isEqualTo("Points earned 1 day after delivery");
    }

    @Test
    void textsFollowTheRequestedLocaleFallingBackToTheStoreDefault() {
        Quote zh = quote(AssignmentPolicy.ON_COMPLETION, Optional.of(Locale.forLanguageTag("zh-Hant-TW")));
        assertThat(zh.pointsGivenWhen().text()).isEqualTo("訂單完成後獲得點數");
        assertThat(zh.creditsGivenWhen().text()).isEqualTo("訂單完成後獲得購物金");
        assertThat(zh.creditReminder()).isInstanceOfSatisfying(CreditReminder.WillEarn.class,
                w -> assertThat(w.text()).isEqualTo("滿 $100.00 送 $10.00 購物金 + $10.00 購物金"));
        // fr has no texts: the store default (en)
        assertThat(quote(AssignmentPolicy.ON_COMPLETION, Optional.of(Locale.FRENCH)).pointsGivenWhen().text())
                .isEqualTo("Points earned after completed");
    }

    @Test
    void theShopperTextsCoverEveryNotificationTemplateLocale() {
        assertThat(new HashSet<>(ShopperTexts.LOCALES)).isEqualTo(NotificationTemplates.locales());
    }

    @Test
    void theArticlesThreeReminderWordings() {
        var nonCumulative = ReminderRule.of(creditRule("100.00", CreditType.fixed("10.00", false)), twd("0").currency());
        var cumulative = ReminderRule.of(creditRule("100.00", CreditType.fixed("10.00", true)), twd("0").currency());
        var percent = ReminderRule.of(creditRule("100.00", CreditType.percent("5.50")), twd("0").currency());
        assertThat(ShopperTexts.buyMore(nonCumulative, twd("30.00"), Locale.ENGLISH))
                .isEqualTo("Get NT$10.00 credits over NT$100.00 – Buy NT$30.00 more to get the offer");
        assertThat(ShopperTexts.buyMore(cumulative, twd("30.00"), Locale.ENGLISH))
                .isEqualTo("Get NT$10.00 credits for every NT$100.00 – Buy NT$30.00 more to get the offer");
        assertThat(ShopperTexts.buyMore(percent, twd("30.00"), Locale.ENGLISH))
                .isEqualTo("Get 5.5% credits over NT$100.00 – Buy NT$30.00 more to get the offer");
        assertThat(ShopperTexts.willEarn(cumulative, twd("20.00"), Locale.ENGLISH))
                .isEqualTo("Get NT$10.00 credits for every NT$100.00 + NT$20.00 credits");
        assertThat(ShopperTexts.buyMore(cumulative, twd("30.00"), ZH_TW))
                .isEqualTo("每滿 $100.00 送 $10.00 購物金 – 再買 $30.00 即可獲得優惠");
    }

    @Test
    void theGuestReminderUsesTheStoreRule_neverATierOverride() {
        var tierRule = new com.memberpoints.domain.settings.TierRule(com.memberpoints.domain.testing.Fixtures.GOLD,
                Optional.empty(), Optional.of(creditRule("10.00", CreditType.fixed("99.00", false))));
        var storeOn = settings().tier(tierRule).credits(true, creditRule("100.00", CreditType.fixed("10.00", false))).build();
        assertThat(CheckoutQuoter.guestReminder(storeOn, twd("80.00"), twd("0.00"), Locale.ENGLISH))
                .isInstanceOfSatisfying(CreditReminder.BuyMore.class, m -> {
                    assertThat(m.rule().threshold()).isEqualTo(twd("100.00"));
                    assertThat(m.credits()).isEqualTo(twd("10.00"));
                });
        var storeOff = settings().tier(tierRule).credits(false, creditRule("100.00", CreditType.fixed("10.00", false))).build();
        assertThat(CheckoutQuoter.guestReminder(storeOff, twd("80.00"), twd("0.00"), Locale.ENGLISH))
                .isEqualTo(CreditReminder.NONE);
    }

    @Test
    void memberCenterRuleLines() {
        var c = twd("0").currency();
        assertThat(ShopperTexts.expiry(ExpiryPolicy.annual(12, 31), Locale.ENGLISH))
                .isEqualTo("Points expire on December 31 of the year after they are earned");
        assertThat(ShopperTexts.expiry(ExpiryPolicy.annual(12, 31), ZH_TW)).isEqualTo("點數於獲得後隔年的 12 月 31 日到期");
        assertThat(ShopperTexts.maximumDiscount(RedeemCap.percent("2"), c, Locale.ENGLISH))
                .contains("Up to 2% of the order amount off");
        assertThat(ShopperTexts.maximumDiscount(RedeemCap.fixed("50"), c, Locale.ENGLISH)).contains("Up to NT$50.00 off per order");
        assertThat(ShopperTexts.maximumDiscount(RedeemCap.NONE, c, Locale.ENGLISH)).isEmpty();
        assertThat(ShopperTexts.redemptionUnit(10, c, Locale.ENGLISH)).isEqualTo("10 points = NT$1.00 off");
    }
}
