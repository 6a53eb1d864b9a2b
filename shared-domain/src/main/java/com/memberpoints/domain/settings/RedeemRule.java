package com.memberpoints.domain.settings;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Redemption: {@code pointsPerUnit} points = 1 whole currency unit (1.00) of discount; points are applied
 * in multiples of {@code pointsPerUnit}. {@code minimumOrderAmount} (0 = none) and the cap are evaluated
 * on the amount after discounts and store credits.
 */
public record RedeemRule(boolean enabled, long pointsPerUnit, BigDecimal minimumOrderAmount, RedeemCap cap) {
    public RedeemRule {
        Objects.requireNonNull(minimumOrderAmount, "minimumOrderAmount");
        Objects.requireNonNull(cap, "cap");
    }
}
