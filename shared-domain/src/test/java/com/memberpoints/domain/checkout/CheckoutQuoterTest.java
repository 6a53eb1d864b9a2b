package com.memberpoints.domain.checkout;

import static com.memberpoints.domain.testing.Fixtures.GOLD;
import static com.memberpoints.domain.testing.Fixtures.creditRule;
import static com.memberpoints.domain.testing.Fixtures.merchant;
import static com.memberpoints.domain.testing.Fixtures.settings;
import static com.memberpoints.domain.testing.Fixtures.twd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.memberpoints.domain.earning.CreditsOutcome;
import com.memberpoints.domain.earning.EarnFacts;
import com.memberpoints.domain.earning.NotEarnedReason;
import com.memberpoints.domain.earning.PointsOutcome;
import com.memberpoints.domain.model.FieldError;
import com.memberpoints.domain.model.InvalidInputException;
import com.memberpoints.domain.model.Money;
import com.memberpoints.domain.model.CheckoutIdentity;
import com.memberpoints.domain.model.OrderKind;
import com.memberpoints.domain.model.SalesChannel;
import com.memberpoints.domain.settings.CreditType;
import com.memberpoints.domain.settings.EarnRate;
import com.memberpoints.domain.settings.MerchantSettings;
import com.memberpoints.domain.settings.RedeemCap;
import com.memberpoints.domain.settings.TierRule;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CheckoutQuoterTest {

    private static final Money ZERO = twd("0");

    private static QuoteRequest.Builder cart(String subtotal) {
        return QuoteRequest.builder(twd(subtotal));
    }

    private static Quote quote(MerchantSettings s, QuoteRequest r) {
        return CheckoutQuoter.quote(merchant(), s, r);
    }

    @Test
    void fullBreakdownOfATypicalCart() {
        var s = settings().earnRate("10.00", 1).pointsPerUnit(10).cap(RedeemCap.fixed("50"))
                .credits(true, creditRule("100.00", CreditType.fixed("10.00", true))).build();
        Quote q = quote(s, cart("1000.00").discounts(twd("100.00")).storeCredits(twd("36.00")).deliveryFee(twd("60.00"))
                .paymentFee(twd("15.00")).balance(800).build());
        assertThat(q.amountAfterDiscountsAndCredits()).isEqualTo(twd("864.00"));
        assertThat(q.eligibleAmount()).isEqualTo(twd("864.00"));
        assertThat(q.maxPointsAllowed()).isEqualTo(500);
        assertThat(q.appliedPoints()).isEqualTo(500);
        assertThat(q.pointDiscount()).isEqualTo(twd("50.00"));
        assertThat(q.total()).isEqualTo(twd("889.00")); // 1000 - 100 - 36 - 50 + 60 + 15
        assertThat(q.remainingBalance()).isEqualTo(300);
        // earn base 814.00: 81 points; credits floor(814/100)*10 = 80.00; fees do not count
        assertThat(q.pointsToEarn().points()).isEqualTo(81);
        assertThat(q.creditsToEarn().credits()).isEqualTo(twd("80.00"));
        assertThat(q.creditReminder()).isInstanceOfSatisfying(CreditReminder.WillEarn.class, w -> {
            assertThat(w.credits()).isEqualTo(twd("80.00"));
            assertThat(w.rule().type()).isEqualTo(ReminderRule.Type.FIXED_CUMULATIVE);
            assertThat(w.text()).isEqualTo("Get NT$10.00 credits for every NT$100.00 + NT$80.00 credits");
        });
        assertThat(q.settingsVersion()).isEqualTo(1);
    }

    @Test
    void maximumIsLimitedByTheBalanceInWholeUnits() {
        Quote q = quote(settings().build(), cart("1000").balance(257).build());
        assertThat(q.maxPointsAllowed()).isEqualTo(250);
        assertThat(q.pointDiscount()).isEqualTo(twd("25"));
        assertThat(q.remainingBalance()).isEqualTo(7);
    }

    @Test
    void requestAboveTheMaximumIsCappedAtTheMaximum() {
        Quote q = quote(settings().cap(RedeemCap.fixed("30")).build(), cart("1000").balance(5000).requestPoints(1234).build());
        assertThat(q.appliedPoints()).isEqualTo(300);
    }

    @Test
    void itemsExcludedFromDiscountsAreExcludedFromThePointDiscount() {
        // 300 of 500 are excluded items; 50 discount on the other 200 -> eligible 150
        Quote q = quote(settings().build(), cart("500.00").excluded(twd("300.00")).discounts(twd("50.00")).balance(100_000).build());
        assertThat(q.eligibleAmount()).isEqualTo(twd("150.00"));
        assertThat(q.maxPointsAllowed()).isEqualTo(1500);
        assertThat(q.pointDiscount()).isEqualTo(twd("150.00"));
    }

    @Test
    void pointDiscountIsWholeUnitsOnlySoAFractionalEligibleAmountRoundsDown() {
        Quote q = quote(settings().build(), cart("99.95").balance(100_000).build());
        assertThat(q.maxPointsAllowed()).isEqualTo(990);
        assertThat(q.pointDiscount()).isEqualTo(twd("99.00"));
        assertThat(q.total()).isEqualTo(twd("0.95"));
    }

    @Test
    void percentCapExactlyWholeIsNotRoundedFurther() {
        Quote q = quote(settings().cap(RedeemCap.percent("2")).build(), cart("850.00").balance(100_000).build());
        assertThat(q.maxPointDiscount()).isEqualTo(twd("17.00"));
    }

    @Test
    void guestCannotRedeemAndEarnsNothing() {
        var guest = new EarnFacts(CheckoutIdentity.GUEST, SalesChannel.ONLINE, OrderKind.NORMAL, false);
        Quote q = quote(settings().build(), cart("500").balance(800).facts(guest).build());
        assertThat(q.redemption()).isEqualTo(new Redemption.Unavailable(RedeemUnavailableReason.MEMBER_NOT_LOGGED_IN, Optional.empty()));
        assertThat(q.maxPointsAllowed()).isZero();
        assertThat(q.pointsToEarn()).isEqualTo(new PointsOutcome.NotEarned(NotEarnedReason.MEMBER_NOT_LOGGED_IN));
    }

    @Test
    void redeemOrProgramSwitchedOffIsUnavailable() {
        assertThat(quote(settings().redeemEnabled(false).build(), cart("500").balance(800).build()).redemption())
                .isEqualTo(new Redemption.Unavailable(RedeemUnavailableReason.REDEEM_DISABLED, Optional.empty()));
        Quote off = quote(settings().programEnabled(false).build(), cart("500").balance(800).build());
        assertThat(off.redemption())
                .isEqualTo(new Redemption.Unavailable(RedeemUnavailableReason.PROGRAM_DISABLED, Optional.empty()));
        assertThat(off.pointsToEarn()).isEqualTo(new PointsOutcome.NotEarned(NotEarnedReason.PROGRAM_DISABLED));
    }

    @Test
    void minimumIsMetExactlyAtTheMinimum() {
        Quote q = quote(settings().minimumOrderAmount("200.00").build(), cart("200.00").balance(800).build());
        assertThat(q.redemption()).isInstanceOf(Redemption.Applied.class);
        assertThat(q.appliedPoints()).isEqualTo(800);
    }

    @Test
    void negativeRequestIsRejected() {
        Quote q = quote(settings().build(), cart("500").balance(800).requestPoints(-10).build());
        assertThat(q.redemption()).isInstanceOfSatisfying(Redemption.Rejected.class,
                r -> assertThat(r.reason()).isEqualTo(Redemption.RejectReason.NEGATIVE));
        assertThat(q.appliedPoints()).isZero();
    }

    @Test
    void belowUnitMessageUsesTheStoresUnit() {
        Quote q = quote(settings().pointsPerUnit(25).build(), cart("500").balance(800).requestPoints(24).build());
        assertThat(q.redemption()).isEqualTo(new Redemption.Rejected(
                Redemption.RejectReason.BELOW_UNIT, 25, "At least 25 points must be entered"));
    }

    @Test
    void reminderBelowTheMinimumSaysHowMuchMoreToBuy() {
        var s = settings().credits(true, creditRule("100.00", CreditType.fixed("10.00", false))).build();
        Quote q = quote(s, cart("50.00").build());
        assertThat(q.creditReminder()).isInstanceOfSatisfying(CreditReminder.BuyMore.class, m -> {
            assertThat(m.shortfall()).isEqualTo(twd("50.00"));
            assertThat(m.credits()).isEqualTo(twd("10.00"));
            assertThat(m.rule()).isEqualTo(new ReminderRule(ReminderRule.Type.FIXED_NON_CUMULATIVE, twd("100.00"),
                    Optional.of(twd("10.00")), Optional.empty()));
            assertThat(m.text()).isEqualTo("Get NT$10.00 credits over NT$100.00 – Buy NT$50.00 more to get the offer");
            assertThat(m.texts()).containsOnlyKeys("en", "zh-TW")
                    .containsEntry("en", m.text())
                    .containsEntry("zh-TW", "滿 $100.00 送 $10.00 購物金 – 再買 $50.00 即可獲得優惠");
        });
        assertThat(q.creditsToEarn()).isInstanceOf(CreditsOutcome.NotEarned.class);
    }

    @Test
    void reminderUsesTheEarnBaseAfterThePointDiscount() {
        // 120 subtotal, 30 of points applied -> base 90, below the 100 minimum
        var s = settings().credits(true, creditRule("100.00", CreditType.percent("5"))).build();
        Quote q = quote(s, cart("120.00").balance(300).build());
        assertThat(q.pointDiscount()).isEqualTo(twd("30.00"));
        assertThat(q.creditReminder()).isInstanceOfSatisfying(CreditReminder.BuyMore.class, m -> {
            assertThat(m.shortfall()).isEqualTo(twd("10.00"));
            assertThat(m.credits()).isEqualTo(twd("5.00"));
            assertThat(m.rule().rate()).contains(new java.math.BigDecimal("5"));
            assertThat(m.text()).isEqualTo("Get 5% credits over NT$100.00 – Buy NT$10.00 more to get the offer");
        });
    }

    @Test
    void noReminderWithoutAnApplicableCreditRule() {
        assertThat(quote(settings().build(), cart("50.00").build()).creditReminder()).isEqualTo(CreditReminder.NONE);
    }

    @Test
    void tierRatesApplyToTheQuote() {
        var s = settings().tier(new TierRule(GOLD, Optional.of(EarnRate.of("10", 3)),
                Optional.of(creditRule("10", CreditType.fixed("1", true))))).build();
        Quote q = CheckoutQuoter.quote(merchant(), s, cart("100").requestPoints(0).tier(GOLD).build());
        assertThat(q.pointsToEarn().points()).isEqualTo(30);
        assertThat(q.creditsToEarn().credits()).isEqualTo(twd("10"));
    }

    @Test
    void inconsistentAmountsAreRefusedNamingTheField() {
        assertThatThrownBy(() -> quote(settings().build(), cart("100").discounts(twd("150")).build()))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("discounts"));
        assertThatThrownBy(() -> quote(settings().build(), cart("100").excluded(twd("100.01")).build()))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("excludedItemsSubtotal"));
        assertThatThrownBy(() -> quote(settings().build(), cart("100").deliveryFee(twd("-1")).balance(-5).build()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("deliveryFee", "pointsBalance"));
    }

    @Test
    void amountsInAnotherCurrencyAreRefused() {
        QuoteRequest r = cart("100").build();
        QuoteRequest usd = new QuoteRequest(Money.of("100", "USD"), ZERO, ZERO, ZERO, ZERO, ZERO, 0,
                PointsRequest.MAXIMUM, r.facts(), Optional.empty());
        assertThatThrownBy(() -> quote(settings().build(), usd))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("itemSubtotal"));
    }

    @Test
    void cashEquivalentCountsWholeRedemptionUnits() {
        var redeem = settings().pointsPerUnit(10).build().redeem();
        assertThat(CheckoutQuoter.cashEquivalent(805, redeem, com.memberpoints.domain.testing.Fixtures.TWD))
                .isEqualTo(twd("80.00"));
        assertThat(CheckoutQuoter.cashEquivalent(9, redeem, com.memberpoints.domain.testing.Fixtures.TWD))
                .isEqualTo(twd("0"));
    }
}
