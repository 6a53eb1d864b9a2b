package com.memberpoints.domain.checkout;

import com.memberpoints.domain.model.Money;
import com.memberpoints.domain.settings.CreditRule;
import com.memberpoints.domain.settings.CreditType;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;
import java.util.Optional;

/**
 * The reward-credit rule behind a cart reminder, as data a storefront renders into the article's three wordings
 * (order reward credits article, section 3): "Get NT$XX credits over NT$XX" ({@link Type#FIXED_NON_CUMULATIVE}),
 * "Get NT$XX credits for every NT$XX" ({@link Type#FIXED_CUMULATIVE}), "Get XX% credits over NT$XX"
 * ({@link Type#PERCENTAGE}).
 *
 * @param threshold the minimum order amount (the rule's M)
 * @param amount    the credits of a fixed rule (present exactly for the two FIXED types)
 * @param rate      the percentage of a percentage rule, e.g. {@code 5} for 5% (present exactly for PERCENTAGE)
 */
public record ReminderRule(Type type, Money threshold, Optional<Money> amount, Optional<BigDecimal> rate) {

    public enum Type { FIXED_CUMULATIVE, FIXED_NON_CUMULATIVE, PERCENTAGE }

    public ReminderRule {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(threshold, "threshold");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(rate, "rate");
        if ((type == Type.PERCENTAGE) != rate.isPresent() || (type == Type.PERCENTAGE) == amount.isPresent()) {
            throw new IllegalArgumentException("a fixed rule has an amount, a percentage rule a rate");
        }
    }

    /** The reminder's view of {@code rule} in the store {@code currency}. */
    public static ReminderRule of(CreditRule rule, Currency currency) {
        Money threshold = new Money(rule.minimum(), currency);
        return switch (rule.type()) {
            case CreditType.Fixed(BigDecimal credit, boolean cumulative) -> new ReminderRule(
                    cumulative ? Type.FIXED_CUMULATIVE : Type.FIXED_NON_CUMULATIVE, threshold,
                    Optional.of(new Money(credit, currency)), Optional.empty());
            case CreditType.Percent(BigDecimal percent) -> new ReminderRule(Type.PERCENTAGE, threshold,
                    Optional.empty(), Optional.of(percent.stripTrailingZeros()));
        };
    }
}
