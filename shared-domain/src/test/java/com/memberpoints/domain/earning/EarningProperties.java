package com.memberpoints.domain.earning;

import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.domain.model.CheckoutIdentity;
import com.memberpoints.domain.model.Money;
import com.memberpoints.domain.model.OrderKind;
import com.memberpoints.domain.model.SalesChannel;
import com.memberpoints.domain.settings.BoundRule;
import com.memberpoints.domain.settings.MerchantSettings;
import java.util.Optional;
import com.memberpoints.domain.settings.CreditRule;
import com.memberpoints.domain.settings.CreditType;
import com.memberpoints.domain.settings.CreditValidity;
import com.memberpoints.domain.settings.EarnRate;
import com.memberpoints.domain.testing.Fixtures;
import java.math.BigDecimal;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

class EarningProperties {

    private static Money cents(long c) {
        return Money.ofMinor(c, Fixtures.TWD);
    }

    @Provide
    Arbitrary<EarnRate> rates() {
        return Combinators.combine(Arbitraries.longs().between(1, 100_000), Arbitraries.longs().between(1, 1_000))
                .as((spendCents, points) -> new EarnRate(BigDecimal.valueOf(spendCents, 2), points));
    }

    @Provide
    Arbitrary<CreditRule> creditRules() {
        Arbitrary<CreditType> types = Arbitraries.oneOf(
                Combinators.combine(Arbitraries.longs().between(1, 100_000), Arbitraries.of(true, false))
                        .as((c, cum) -> new CreditType.Fixed(BigDecimal.valueOf(c, 2), cum)),
                Arbitraries.integers().between(1, 10_000).map(bp -> new CreditType.Percent(BigDecimal.valueOf(bp, 2))));
        return Combinators.combine(Arbitraries.longs().between(1, 1_000_000), types)
                .as((min, type) -> new CreditRule(BigDecimal.valueOf(min, 2), type, CreditValidity.NEVER));
    }

    @Property(tries = 1000)
    void pointsAreMonotonicInTheAmount(
            @ForAll("rates") EarnRate rate,
            @ForAll @LongRange(min = 0, max = 100_000_000) long a,
            @ForAll @LongRange(min = 0, max = 100_000_000) long b) {
        long lo = Math.min(a, b);
        long hi = Math.max(a, b);
        assertThat(EarnFormulas.points(cents(lo), rate)).isLessThanOrEqualTo(EarnFormulas.points(cents(hi), rate));
    }

    @Property(tries = 1000)
    void pointsAreWholeStepsOfTheRateNotExceedingTheBase(
            @ForAll("rates") EarnRate rate, @ForAll @LongRange(min = 0, max = 100_000_000) long base) {
        long points = EarnFormulas.points(cents(base), rate);
        assertThat(points % rate.points()).isZero();
        long steps = points / rate.points();
        BigDecimal amount = cents(base).amount();
        assertThat(rate.spend().multiply(BigDecimal.valueOf(steps))).isLessThanOrEqualTo(amount);
        assertThat(rate.spend().multiply(BigDecimal.valueOf(steps + 1))).isGreaterThan(amount);
    }

    @Property(tries = 1000)
    void creditsAreMonotonicInTheAmountAndZeroBelowTheMinimum(
            @ForAll("creditRules") CreditRule rule,
            @ForAll @LongRange(min = 0, max = 100_000_000) long a,
            @ForAll @LongRange(min = 0, max = 100_000_000) long b) {
        Money lo = cents(Math.min(a, b));
        Money hi = cents(Math.max(a, b));
        assertThat(EarnFormulas.credits(lo, rule)).isLessThanOrEqualTo(EarnFormulas.credits(hi, rule));
        if (lo.amount().compareTo(rule.minimum()) < 0) {
            assertThat(EarnFormulas.credits(lo, rule).isZero()).isTrue();
        }
    }

    @Property(tries = 1000)
    void earnBaseNeverCountsFeesAndIsNeverNegative(
            @ForAll @LongRange(min = 0, max = 10_000_000) long subtotal,
            @ForAll @LongRange(min = 0, max = 10_000_000) long discounts,
            @ForAll @LongRange(min = 0, max = 10_000_000) long credits,
            @ForAll @LongRange(min = 0, max = 10_000_000) long points) {
        Money base = EarnFormulas.earnBase(cents(subtotal), cents(discounts), cents(credits), cents(points));
        assertThat(base.toMinor()).isEqualTo(Math.max(0, subtotal - discounts - credits - points));
    }

    /**
     * Issue 11.3: the order kind never changes the points (every kind earns exactly what a normal order earns, under
     * the same rule, identity and channel); it changes reward credits only for admin-created manual orders (none),
     * while social-commerce manual orders earn what a normal order earns.
     */
    @Property(tries = 1000)
    void orderKindDecidesRewardCreditsOnlyAndOnlyForAdminManualOrders(
            @ForAll OrderKind kind, @ForAll CheckoutIdentity identity, @ForAll SalesChannel channel,
            @ForAll boolean splitChild, @ForAll boolean storeOpen, @ForAll("rates") EarnRate rate,
            @ForAll("creditRules") CreditRule creditRule, @ForAll @LongRange(min = 0, max = 100_000_000) long base) {
        MerchantSettings s = Fixtures.settings().earnRate(rate.spend().toPlainString(), rate.points())
                .credits(true, creditRule).build();
        BoundRule rule = BoundRule.bind(s, Optional.empty());
        EarnFacts facts = new EarnFacts(identity, channel, kind, splitChild);
        EarnFacts normal = new EarnFacts(identity, channel, OrderKind.NORMAL, splitChild);
        assertThat(Earning.points(rule, facts, cents(base))).isEqualTo(Earning.points(rule, normal, cents(base)));
        CreditsOutcome credits = Earning.credits(rule, facts, cents(base), storeOpen);
        if (kind == OrderKind.ADMIN_MANUAL) {
            assertThat(credits.credits().isZero()).isTrue();
            if (identity == CheckoutIdentity.MEMBER_LOGGED_IN) {
                assertThat(credits).isInstanceOfSatisfying(CreditsOutcome.NotEarned.class,
                        n -> assertThat(n.reason()).isEqualTo(NotEarnedReason.ADMIN_MANUAL_ORDER));
            }
        } else {
            assertThat(credits).isEqualTo(Earning.credits(rule, normal, cents(base), storeOpen));
        }
    }
}
