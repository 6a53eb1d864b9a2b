package com.memberpoints.domain.checkout;

import com.memberpoints.domain.model.Money;
import java.util.Map;
import java.util.Objects;

/**
 * The reward-credit cart reminder: the rule behind it as data ({@link ReminderRule}), the figures, and ready-made
 * texts — {@code text} in the requested locale and {@code texts} in every template locale (keyed by language tag,
 * {@link ShopperTexts#LOCALES}) — worded as the order reward credits article shows them.
 */
public sealed interface CreditReminder {

    /** No reward credit rule applies to this cart. */
    record None() implements CreditReminder {}

    /**
     * Below the minimum: buy {@code shortfall} more to get {@code credits} (what the threshold itself earns):
     * "Get NT$10.00 credits over NT$100.00 – Buy NT$50.00 more to get the offer".
     */
    record BuyMore(ReminderRule rule, Money shortfall, Money credits, String text, Map<String, String> texts)
            implements CreditReminder {
        public BuyMore {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(shortfall, "shortfall");
            Objects.requireNonNull(credits, "credits");
            Objects.requireNonNull(text, "text");
            texts = Map.copyOf(texts);
            if (!shortfall.isPositive()) {
                throw new IllegalArgumentException("a shortfall is positive");
            }
        }
    }

    /** The order will earn {@code credits}: "Get NT$10.00 credits over NT$100.00 + NT$20.00 credits". */
    record WillEarn(ReminderRule rule, Money credits, String text, Map<String, String> texts) implements CreditReminder {
        public WillEarn {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(credits, "credits");
            Objects.requireNonNull(text, "text");
            texts = Map.copyOf(texts);
        }
    }

    CreditReminder NONE = new None();
}
