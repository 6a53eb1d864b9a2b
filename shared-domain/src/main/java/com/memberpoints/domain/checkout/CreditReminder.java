package com.memberpoints.domain.checkout;

import com.memberpoints.domain.model.Money;
import java.util.Objects;

/** The reward-credit cart reminder, as data plus an English text for the storefront. */
public sealed interface CreditReminder {

    /** No reward credit rule applies to this cart. */
    record None() implements CreditReminder {}

    /** Below the minimum: buy {@code shortfall} more to get {@code credits} ("Buy 50.00 more to get 10.00 credits"). */
    record BuyMore(Money shortfall, Money credits, String text) implements CreditReminder {
        public BuyMore {
            Objects.requireNonNull(shortfall, "shortfall");
            Objects.requireNonNull(credits, "credits");
            Objects.requireNonNull(text, "text");
        }
    }

    /** The order will earn {@code credits} once paid ("+10.00 credits"). */
    record WillEarn(Money credits, String text) implements CreditReminder {
        public WillEarn {
            Objects.requireNonNull(credits, "credits");
            Objects.requireNonNull(text, "text");
        }
    }

    CreditReminder NONE = new None();
}
