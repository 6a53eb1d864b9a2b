package com.memberpoints.domain.earning;

import com.memberpoints.domain.model.Money;
import com.memberpoints.domain.settings.CreditRule;
import com.memberpoints.domain.settings.CreditType;
import com.memberpoints.domain.settings.EarnRate;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** The arithmetic of earning, with the rounding mode of each step spelled out. Inputs are validated settings. */
public final class EarnFormulas {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private EarnFormulas() {}

    /**
     * Earn base (points and reward credits) = item subtotal − discounts − applied store credits − point
     * discount, never below zero. Delivery and payment fees never count.
     */
    public static Money earnBase(Money itemSubtotal, Money discounts, Money storeCredits, Money pointDiscount) {
        Money base = itemSubtotal.minus(discounts).minus(storeCredits).minus(pointDiscount);
        return base.max(Money.zero(itemSubtotal.currency()));
    }

    /** {@code floor(base / spend) * points}; 0 for a zero or negative base. */
    public static long points(Money base, EarnRate rate) {
        if (!base.isPositive()) {
            return 0;
        }
        long steps = base.amount().divide(rate.spend(), 0, RoundingMode.FLOOR).longValueExact();
        return Math.multiplyExact(steps, rate.points());
    }

    /**
     * Reward credits for {@code base} under {@code rule}; zero below the minimum. Cumulative fixed:
     * {@code floor(base / minimum) * credit}; non-cumulative fixed: {@code credit}; percent:
     * {@code base * percent / 100} rounded HALF_UP to a whole currency unit.
     */
    public static Money credits(Money base, CreditRule rule) {
        Money zero = Money.zero(base.currency());
        if (base.amount().compareTo(rule.minimum()) < 0 || !base.isPositive()) {
            return zero;
        }
        return switch (rule.type()) {
            case CreditType.Fixed(BigDecimal credit, boolean cumulative) -> {
                if (!cumulative) {
                    yield new Money(credit, base.currency());
                }
                BigDecimal times = base.amount().divide(rule.minimum(), 0, RoundingMode.FLOOR);
                yield new Money(credit.multiply(times), base.currency());
            }
            case CreditType.Percent(BigDecimal percent) -> new Money(
                    base.amount().multiply(percent).divide(HUNDRED).setScale(0, RoundingMode.HALF_UP),
                    base.currency());
        };
    }

    /** True when {@code base} reaches the rule's minimum order amount. */
    public static boolean meetsMinimum(Money base, CreditRule rule) {
        return base.amount().compareTo(rule.minimum()) >= 0;
    }
}
