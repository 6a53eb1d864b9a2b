package com.memberpoints.domain.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.domain.model.Money;
import com.memberpoints.domain.settings.MerchantSettings;
import com.memberpoints.domain.settings.RedeemCap;
import com.memberpoints.domain.testing.Fixtures;
import java.math.BigDecimal;
import java.math.RoundingMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class CheckoutProperties {

    /** A random but consistent cart plus settings, in cents. */
    record Case(MerchantSettings settings, QuoteRequest request) {}

    private static Money cents(long c) {
        return Money.ofMinor(c, Fixtures.TWD);
    }

    @Provide
    Arbitrary<RedeemCap> caps() {
        return Arbitraries.oneOf(
                Arbitraries.just(RedeemCap.NONE),
                Arbitraries.longs().between(1, 50_000).map(c -> new RedeemCap.Fixed(BigDecimal.valueOf(c, 2))),
                Arbitraries.integers().between(1, 10_000).map(bp -> new RedeemCap.Percent(BigDecimal.valueOf(bp, 2))));
    }

    @Provide
    Arbitrary<PointsRequest> requests() {
        return Arbitraries.oneOf(
                Arbitraries.just(PointsRequest.MAXIMUM),
                Arbitraries.longs().between(0, 200_000).map(PointsRequest::exactly));
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<MerchantSettings> settings = Combinators.combine(
                        Arbitraries.longs().between(1, 200), caps(), Arbitraries.longs().between(0, 50_000))
                .as((unit, cap, minCents) -> Fixtures.settings().pointsPerUnit(unit).cap(cap)
                        .minimumOrderAmount(BigDecimal.valueOf(minCents, 2).toPlainString()).build());
        Arbitrary<QuoteRequest> carts = Combinators.combine(
                        Arbitraries.longs().between(0, 500_000), // subtotal
                        Arbitraries.doubles().between(0, 1),      // excluded share
                        Arbitraries.doubles().between(0, 1),      // discount share of eligible
                        Arbitraries.doubles().between(0, 1),      // credit share of the rest
                        Arbitraries.longs().between(0, 20_000),   // delivery fee
                        Arbitraries.longs().between(0, 5_000),    // payment fee
                        Arbitraries.longs().between(0, 100_000),  // balance
                        requests())
                .as((sub, ex, di, cr, fee, pay, bal, req) -> {
                    long excluded = (long) (sub * ex);
                    long discounts = (long) ((sub - excluded) * di);
                    long credits = (long) ((sub - discounts) * cr);
                    return QuoteRequest.builder(cents(sub)).excluded(cents(excluded)).discounts(cents(discounts))
                            .storeCredits(cents(credits)).deliveryFee(cents(fee)).paymentFee(cents(pay))
                            .balance(bal).pointsRequest(req).build();
                });
        return Combinators.combine(settings, carts).as(Case::new);
    }

    @Property(tries = 1000)
    void appliedPointsNeverExceedBalanceCapOrEligibleAmountAndAreUnitMultiples(@ForAll("cases") Case c) {
        Quote q = CheckoutQuoter.quote(Fixtures.merchant(), c.settings(), c.request());
        long unit = c.settings().redeem().pointsPerUnit();
        long applied = q.appliedPoints();
        assertThat(applied).isBetween(0L, c.request().pointsBalance());
        assertThat(applied % unit).isZero();
        assertThat(applied).isLessThanOrEqualTo(q.maxPointsAllowed());
        assertThat(q.pointDiscount().amount()).isEqualByComparingTo(BigDecimal.valueOf(applied / unit));
        assertThat(q.pointDiscount()).isLessThanOrEqualTo(q.eligibleAmount());
        Money eligibleItems = c.request().itemSubtotal().minus(c.request().excludedItemsSubtotal()).minus(c.request().discounts());
        assertThat(q.pointDiscount()).isLessThanOrEqualTo(eligibleItems);
        Money afterDiscounts = q.amountAfterDiscountsAndCredits();
        switch (c.settings().redeem().cap()) {
            case RedeemCap.None n -> { }
            case RedeemCap.Fixed f -> assertThat(q.pointDiscount().amount()).isLessThanOrEqualTo(f.amount());
            case RedeemCap.Percent p -> assertThat(q.pointDiscount().amount()).isLessThanOrEqualTo(
                    afterDiscounts.amount().multiply(p.percent()).divide(BigDecimal.valueOf(100))
                            .setScale(0, RoundingMode.CEILING));
        }
        if (afterDiscounts.amount().compareTo(c.settings().redeem().minimumOrderAmount()) < 0) {
            assertThat(applied).isZero();
            assertThat(q.redemption()).isInstanceOf(Redemption.Unavailable.class);
        }
    }

    @Property(tries = 1000)
    void maximumIsTheLargestAllowedMultipleOfTheUnit(@ForAll("cases") Case c) {
        Quote q = CheckoutQuoter.quote(Fixtures.merchant(), c.settings(), c.request());
        if (!(q.redemption() instanceof Redemption.Unavailable)) {
            long unit = c.settings().redeem().pointsPerUnit();
            long next = q.maxPointsAllowed() + unit;
            boolean overBalance = next > c.request().pointsBalance();
            boolean overDiscount = BigDecimal.valueOf(next / unit).compareTo(q.maxPointDiscount().amount()) > 0;
            assertThat(overBalance || overDiscount).as("one more unit must break a limit").isTrue();
            assertThat(q.maxPointDiscount()).isLessThanOrEqualTo(q.eligibleAmount());
        }
    }

    @Property(tries = 1000)
    void enteredPointsAreRoundedDownToTheUnitAndCappedAtTheMaximum(@ForAll("cases") Case c) {
        Quote q = CheckoutQuoter.quote(Fixtures.merchant(), c.settings(), c.request());
        long unit = c.settings().redeem().pointsPerUnit();
        if (q.redemption() instanceof Redemption.Unavailable) {
            return;
        }
        switch (c.request().pointsRequest()) {
            case PointsRequest.Maximum m -> assertThat(q.appliedPoints()).isEqualTo(q.maxPointsAllowed());
            case PointsRequest.Exactly(long n) when n > 0 && n < unit -> {
                assertThat(q.redemption()).isInstanceOf(Redemption.Rejected.class);
                assertThat(((Redemption.Rejected) q.redemption()).message())
                        .isEqualTo("At least " + unit + " points must be entered");
            }
            case PointsRequest.Exactly(long n) ->
                    assertThat(q.appliedPoints()).isEqualTo(Math.min(n / unit * unit, q.maxPointsAllowed()));
        }
    }

    @Property(tries = 1000)
    void totalEqualsTheFormulaAndIsNeverNegative(@ForAll("cases") Case c) {
        Quote q = CheckoutQuoter.quote(Fixtures.merchant(), c.settings(), c.request());
        QuoteRequest r = c.request();
        long expectedCents = r.itemSubtotal().toMinor() - r.discounts().toMinor() - r.storeCredits().toMinor()
                - q.pointDiscount().toMinor() + r.deliveryFee().toMinor() + r.paymentFee().toMinor();
        assertThat(q.total().toMinor()).isEqualTo(expectedCents);
        assertThat(q.total().isNegative()).isFalse();
        assertThat(q.remainingBalance()).isEqualTo(r.pointsBalance() - q.appliedPoints());
    }
}
