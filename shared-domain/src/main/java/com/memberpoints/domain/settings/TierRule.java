package com.memberpoints.domain.settings;

import com.memberpoints.domain.model.TierId;

import java.util.Objects;
import java.util.Optional;

/**
 * Overrides for the members of one tier. An own earn rate replaces the store rate (and earns even with the
 * store earn toggle off); an own credit rule replaces the store credit rule, even if lower, and applies even
 * with the store credit rule off.
 */
public record TierRule(TierId tier, Optional<EarnRate> earn, Optional<CreditRule> credits) {
    public TierRule {
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(earn, "earn");
        Objects.requireNonNull(credits, "credits");
    }
}
