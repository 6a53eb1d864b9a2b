package com.memberpoints.domain.settings;

import java.math.BigDecimal;
import java.util.Objects;

/** Maximum point discount per order. */
public sealed interface RedeemCap {

    /** No cap beyond the balance and the eligible amount. */
    record None() implements RedeemCap {}

    /** At most {@code amount} (merchant currency) of discount per order. */
    record Fixed(BigDecimal amount) implements RedeemCap {
        public Fixed {
            Objects.requireNonNull(amount, "amount");
        }
    }

    /**
     * At most {@code percent}% of the amount after discounts and store credits, rounded UP to a whole
     * currency unit (2% of 864.00 = 17.28 becomes 18.00).
     */
    record Percent(BigDecimal percent) implements RedeemCap {
        public Percent {
            Objects.requireNonNull(percent, "percent");
        }
    }

    RedeemCap NONE = new None();

    static RedeemCap fixed(String amount) {
        return new Fixed(new BigDecimal(amount));
    }

    static RedeemCap percent(String percent) {
        return new Percent(new BigDecimal(percent));
    }
}
