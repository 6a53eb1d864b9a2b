package com.memberpoints.domain.settings;

import java.util.Objects;

/** The store's earn rule: the "Earn Point" toggle and the store rate. */
public record EarnRule(boolean enabled, EarnRate rate) {
    public EarnRule {
        Objects.requireNonNull(rate, "rate");
    }
}
