package com.memberpoints.domain.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.domain.earning.EarnFormulas;
import com.memberpoints.domain.model.Money;
import com.memberpoints.domain.settings.CreditRule;
import com.memberpoints.domain.settings.CreditType;
import com.memberpoints.domain.settings.CreditValidity;
import com.memberpoints.domain.settings.MerchantSettings;
import com.memberpoints.domain.settings.OrderRewardCredits;
import com.memberpoints.domain.testing.Fixtures;
import java.math.BigDecimal;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Issue 11.5: the cart reminder's figures add up, whatever the rule and the cart. */
class ReminderProperties {

    private static Money cents(long c) {
        return Money.ofMinor(c, Fixtures.TWD);
    }

    @Provide
    Arbitrary<CreditRule> rules() {
        Arbitrary<CreditType> types = Arbitraries.oneOf(
                Combinators.combine(Arbitraries.longs().between(1, 100_000), Arbitraries.of(true, false))
                        .as((c, cumulative) -> new CreditType.Fixed(BigDecimal.valueOf(c, 2), cumulative)),
                Arbitraries.integers().between(1, 10_000).map(bp -> new CreditType.Percent(BigDecimal.valueOf(bp, 2))));
        return Combinators.combine(Arbitraries.longs().between(1, 1_000_000), types)
                .as((min, type) -> new CreditRule(BigDecimal.valueOf(min, 2), type, CreditValidity.NEVER));
    }

    private static MerchantSettings with(CreditRule rule) {
        MerchantSettings base = MerchantSettings.defaults();
        return new MerchantSettings(1, base.points(), base.redeem(), base.tiers(), new OrderRewardCredits(true, rule),
                base.rulesText());
    }

    @Property(tries = 1000)
    void shortfallPlusTheCartReachesTheThresholdAndBuyingItShowsTheOffer(
            @ForAll("rules") CreditRule rule, @ForAll("cartCents") long subtotal, @ForAll("cartCents") long discountRaw) {
        long discounts = Math.min(discountRaw, subtotal);
        MerchantSettings s = with(rule);
        Money base = cents(subtotal - discounts);
        CreditReminder r = CheckoutQuoter.guestReminder(s, cents(subtotal), cents(discounts), Locale.ENGLISH);
        Money threshold = new Money(rule.minimum(), Fixtures.TWD);
        if (base.compareTo(threshold) < 0) {
            assertThat(r).isInstanceOfSatisfying(CreditReminder.BuyMore.class, m -> {
                assertThat(base.plus(m.shortfall())).isEqualTo(threshold);
                assertThat(m.credits()).isEqualTo(EarnFormulas.credits(threshold, rule));
                assertThat(m.rule().threshold()).isEqualTo(threshold);
                assertThat(m.texts()).containsOnlyKeys("en", "zh-TW");
                assertThat(m.text()).contains(ShopperTexts.money(m.shortfall(), Locale.ENGLISH));
                // buying exactly the shortfall more is never "buy more" again
                CreditReminder after = CheckoutQuoter.guestReminder(s, cents(subtotal).plus(m.shortfall()),
                        cents(discounts), Locale.ENGLISH);
                assertThat(after).isNotInstanceOf(CreditReminder.BuyMore.class);
                if (m.credits().isPositive()) {
                    assertThat(after).isInstanceOfSatisfying(CreditReminder.WillEarn.class,
                            w -> assertThat(w.credits()).isEqualTo(EarnFormulas.credits(threshold, rule)));
                }
            });
        } else {
            assertThat(r).isNotInstanceOf(CreditReminder.BuyMore.class);
            if (r instanceof CreditReminder.WillEarn w) {
                assertThat(w.credits()).isEqualTo(EarnFormulas.credits(base, rule));
                assertThat(w.credits().isPositive()).isTrue();
            }
        }
    }

    @Property(tries = 200)
    void aStoreRuleSwitchedOffShowsNothing(@ForAll("rules") CreditRule rule, @ForAll("cartCents") long subtotal) {
        MerchantSettings base = MerchantSettings.defaults();
        MerchantSettings off = new MerchantSettings(1, base.points(), base.redeem(), base.tiers(),
                new OrderRewardCredits(false, rule), base.rulesText());
        assertThat(CheckoutQuoter.guestReminder(off, cents(subtotal), cents(0), Locale.ENGLISH)).isEqualTo(CreditReminder.NONE);
    }

    @Provide
    Arbitrary<Long> cartCents() {
        return Arbitraries.longs().between(0, 2_000_000);
    }
}
