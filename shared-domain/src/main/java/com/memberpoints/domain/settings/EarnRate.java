package com.memberpoints.domain.settings;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * "Spend {@code spend} = {@code points} points": {@code points = floor(base / spend) * points}.
 * {@code spend} is an amount in the merchant currency. Ranges are checked by {@link SettingsValidator}.
 */
public record EarnRate(BigDecimal spend, long points) {
    public EarnRate {
        Objects.requireNonNull(spend, "spend");
    }

    public static EarnRate of(String spend, long points) {
        return new EarnRate(new BigDecimal(spend), points);
    }
}
