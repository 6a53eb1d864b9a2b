package com.memberpoints.domain.settings;

import com.memberpoints.domain.model.TierId;

import static com.memberpoints.domain.testing.Fixtures.merchant;
import static com.memberpoints.domain.testing.Fixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.memberpoints.domain.model.FieldError;
import com.memberpoints.domain.model.InvalidInputException;
import com.memberpoints.domain.testing.Fixtures;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettingsValidatorTest {

    private static List<String> fields(MerchantSettings s) {
        return SettingsValidator.validate(s, merchant()).stream().map(FieldError::field).toList();
    }

    @Test
    void defaultFixtureIsValid() {
        assertThat(SettingsValidator.validate(settings().build(), merchant())).isEmpty();
    }

    @Test
    void zeroSpendIsRefusedAtPointsEarnSpend() {
        assertThat(fields(settings().earnRate("0", 1).build())).containsExactly("points.earn.spend");
    }

    @Test
    void negativeSpendIsRefused() {
        assertThat(fields(settings().earnRate("-10.00", 1).build())).containsExactly("points.earn.spend");
    }

    @Test
    void zeroOrNegativeEarnPointsAreRefusedAtPointsEarnPoints() {
        assertThat(fields(settings().earnRate("10.00", 0).build())).containsExactly("points.earn.points");
        assertThat(fields(settings().earnRate("10.00", -3).build())).containsExactly("points.earn.points");
    }

    @Test
    void tooManyDecimalsForTheCurrencyAreRefused() {
        assertThat(fields(settings().earnRate("10.005", 1).build())).containsExactly("points.earn.spend");
        // trailing zeros are not extra precision
        assertThat(fields(settings().earnRate("10.000", 1).build())).isEmpty();
    }

    @Test
    void yenAllowsNoDecimals() {
        var yenShop = Fixtures.merchant(ZoneId.of("Asia/Tokyo"), Currency.getInstance("JPY"));
        var errors = SettingsValidator.validate(settings().earnRate("100.5", 1).minimumOrderAmount("1000.10").build(), yenShop);
        assertThat(errors).extracting(FieldError::field)
                .containsExactlyInAnyOrder("points.earn.spend", "redeem.minimumOrderAmount");
    }

    @Test
    void februaryThirtiethDoesNotExist() {
        List<FieldError> errors = SettingsValidator.validate(
                settings().expiry(ExpiryPolicy.annual(2, 30)).build(), merchant());
        assertThat(errors).extracting(FieldError::field).containsExactly("points.expiry.day");
        assertThat(errors.getFirst().message()).contains("FEBRUARY");
    }

    @Test
    void februaryTwentyNinthIsAllowed() {
        assertThat(fields(settings().expiry(ExpiryPolicy.annual(2, 29)).build())).isEmpty();
    }

    @Test
    void aprilThirtyFirstDoesNotExist() {
        assertThat(fields(settings().expiry(ExpiryPolicy.annual(4, 31)).build())).containsExactly("points.expiry.day");
    }

    @Test
    void monthOutOfRangeIsRefusedAtPointsExpiryMonth() {
        assertThat(fields(settings().expiry(ExpiryPolicy.annual(13, 1)).build())).containsExactly("points.expiry.month");
        assertThat(fields(settings().expiry(ExpiryPolicy.annual(0, 40)).build()))
                .containsExactly("points.expiry.month", "points.expiry.day");
    }

    @Test
    void negativeAssignmentDaysAreRefused() {
        assertThat(fields(settings().assignment(AssignmentPolicy.afterDelivery(-1)).build()))
                .containsExactly("points.assignment.days");
        assertThat(fields(settings().assignment(AssignmentPolicy.afterDelivery(0)).build())).isEmpty();
        assertThat(fields(settings().assignment(AssignmentPolicy.afterDelivery(366)).build()))
                .containsExactly("points.assignment.days");
    }

    @Test
    void redeemRateMustBePositive() {
        assertThat(fields(settings().pointsPerUnit(0).build())).containsExactly("redeem.pointsPerUnit");
    }

    @Test
    void negativeRedeemMinimumIsRefused() {
        assertThat(fields(settings().minimumOrderAmount("-1").build())).containsExactly("redeem.minimumOrderAmount");
    }

    @Test
    void percentCapAbove100OrNotPositiveIsRefused() {
        assertThat(fields(settings().cap(RedeemCap.percent("100.01")).build())).containsExactly("redeem.cap.percent");
        assertThat(fields(settings().cap(RedeemCap.percent("0")).build())).containsExactly("redeem.cap.percent");
        assertThat(fields(settings().cap(RedeemCap.percent("-5")).build())).containsExactly("redeem.cap.percent");
        assertThat(fields(settings().cap(RedeemCap.percent("100")).build())).isEmpty();
        assertThat(fields(settings().cap(RedeemCap.percent("2.255")).build())).containsExactly("redeem.cap.percent");
    }

    @Test
    void fixedCapMustBePositive() {
        assertThat(fields(settings().cap(RedeemCap.fixed("0")).build())).containsExactly("redeem.cap.amount");
    }

    @Test
    void unknownTierIsRefusedAtItsIndex() {
        var s = settings()
                .tier(new TierRule(Fixtures.GOLD, Optional.of(EarnRate.of("10", 2)), Optional.empty()))
                .tier(new TierRule(TierId.of("platinum"), Optional.empty(), Optional.empty()))
                .build();
        List<FieldError> errors = SettingsValidator.validate(s, merchant());
        assertThat(errors).extracting(FieldError::field).containsExactly("tiers[1].tier");
        assertThat(errors.getFirst().message()).contains("platinum");
    }

    @Test
    void duplicateTierIsRefused() {
        var rule = new TierRule(Fixtures.GOLD, Optional.empty(), Optional.empty());
        assertThat(fields(settings().tier(rule).tier(rule).build())).containsExactly("tiers[1].tier");
    }

    @Test
    void badTierRatesAreReportedWithTheirIndexedPaths() {
        var s = settings()
                .tier(new TierRule(Fixtures.SILVER, Optional.empty(), Optional.empty()))
                .tier(new TierRule(Fixtures.GOLD, Optional.of(EarnRate.of("10", 0)),
                        Optional.of(new CreditRule(new BigDecimal("100"), CreditType.percent("150"), CreditValidity.days(0)))))
                .build();
        assertThat(fields(s)).containsExactly(
                "tiers[1].earn.points", "tiers[1].credits.type.percent", "tiers[1].credits.validity.days");
    }

    @Test
    void creditRuleFieldsAreChecked() {
        var bad = new CreditRule(new BigDecimal("-1"), CreditType.fixed("0", false), CreditValidity.days(-2));
        assertThat(fields(settings().credits(true, bad).build()))
                .containsExactly("credits.minimum", "credits.type.credit", "credits.validity.days");
    }

    @Test
    void cumulativeCreditRuleNeedsAPositiveMinimum() {
        var zeroMin = new CreditRule(BigDecimal.ZERO, CreditType.fixed("10", true), CreditValidity.NEVER);
        assertThat(fields(settings().credits(true, zeroMin).build())).containsExactly("credits.minimum");
        var zeroMinPercent = new CreditRule(BigDecimal.ZERO, CreditType.percent("5"), CreditValidity.NEVER);
        assertThat(fields(settings().credits(true, zeroMinPercent).build())).isEmpty();
    }

    @Test
    void disabledCreditRuleIsStillValidated() {
        var bad = new CreditRule(new BigDecimal("100"), CreditType.percent("101"), CreditValidity.NEVER);
        assertThat(fields(settings().credits(false, bad).build())).containsExactly("credits.type.percent");
    }

    @Test
    void rulesTextInUnsupportedLocaleIsRefused() {
        assertThat(fields(settings().rulesText("fr", "Règles").build())).containsExactly("rulesText.fr");
        assertThat(fields(settings().rulesText("zh-TW", "規則").build())).isEmpty();
    }

    @Test
    void rulesTextTooLongIsRefusedCountingCodePoints() {
        String max = "點".repeat(SettingsValidator.MAX_RULES_TEXT_LENGTH);
        assertThat(fields(settings().rulesText("zh-TW", max).build())).isEmpty();
        assertThat(fields(settings().rulesText("zh-TW", max + "x").build())).containsExactly("rulesText.zh-TW");
        // an emoji is one character even though it is two UTF-16 units
        String emoji = "😀".repeat(SettingsValidator.MAX_RULES_TEXT_LENGTH);
        assertThat(fields(settings().rulesText("en", emoji).build())).isEmpty();
    }

    @Test
    void versionMustBePositive() {
        assertThat(fields(settings().version(0).build())).containsExactly("version");
    }

    @Test
    void allErrorsAreReportedAtOnce() {
        var s = settings().earnRate("0", 0).expiry(ExpiryPolicy.annual(2, 30)).cap(RedeemCap.percent("120"))
                .rulesText("de", "x").build();
        assertThat(fields(s)).containsExactlyInAnyOrder(
                "points.earn.spend", "points.earn.points", "points.expiry.day", "redeem.cap.percent", "rulesText.de");
    }

    @Test
    void requireValidThrowsWithEveryFieldError() {
        var s = settings().earnRate("0", 1).pointsPerUnit(-1).build();
        assertThatThrownBy(() -> SettingsValidator.requireValid(s, merchant()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("points.earn.spend", "redeem.pointsPerUnit"));
    }

    @Test
    void defaultsAreValidForEveryCurrencyScale() {
        assertThat(SettingsValidator.validate(MerchantSettings.defaults(), merchant())).isEmpty();
        var yen = Fixtures.merchant(ZoneId.of("Asia/Tokyo"), Currency.getInstance("JPY"));
        var dinar = Fixtures.merchant(ZoneId.of("Asia/Kuwait"), Currency.getInstance("KWD"));
        assertThat(SettingsValidator.validate(MerchantSettings.defaults(), yen)).isEmpty();
        assertThat(SettingsValidator.validate(MerchantSettings.defaults(), dinar)).isEmpty();
        assertThat(MerchantSettings.defaults().points().channels().retailEnabled()).isTrue();
    }

    @Test
    void sameLocaleTwiceInDifferentCaseIsRefused() {
        assertThat(fields(settings().rulesText("zh-TW", "a").rulesText("zh-tw", "b").build()))
                .containsExactly("rulesText.zh-tw");
    }

    @Test
    void tooManyTierOverridesAreRefused() {
        var b = settings();
        for (int i = 0; i <= SettingsValidator.MAX_TIERS; i++) {
            b.tier(new TierRule(Fixtures.GOLD, Optional.empty(), Optional.empty()));
        }
        assertThat(fields(b.build())).contains("tiers").hasSize(SettingsValidator.MAX_TIERS + 1);
    }
}
