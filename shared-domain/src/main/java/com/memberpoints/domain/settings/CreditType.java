package com.memberpoints.domain.settings;

import java.math.BigDecimal;
import java.util.Objects;

/** How much an order reward is worth. */
public sealed interface CreditType {

    /** {@code credit} once the amount reaches the minimum; if cumulative, {@code floor(amount / minimum) * credit}. */
    record Fixed(BigDecimal credit, boolean cumulative) implements CreditType {
        public Fixed {
            Objects.requireNonNull(credit, "credit");
        }
    }

    /** {@code round_half_up(amount * percent / 100)} to a whole currency unit. */
    record Percent(BigDecimal percent) implements CreditType {
        public Percent {
            Objects.requireNonNull(percent, "percent");
        }
    }

    static CreditType fixed(String credit, boolean cumulative) {
        return new Fixed(new BigDecimal(credit), cumulative);
    }

    static CreditType percent(String percent) {
        return new Percent(new BigDecimal(percent));
    }
}
