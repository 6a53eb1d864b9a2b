package com.memberpoints.domain.settings;

import java.util.Objects;

/** The store's order reward credit rule and its toggle. */
public record OrderRewardCredits(boolean enabled, CreditRule rule) {
    public OrderRewardCredits {
        Objects.requireNonNull(rule, "rule");
    }
}
