package com.memberpoints.domain.settings;

import com.memberpoints.domain.model.TierId;

import java.util.Objects;
import java.util.Optional;

/**
 * The rule an order carries from placement: the settings version in force when it was placed and a
 * snapshot of everything that decides what it earns (master switch, earn rule, channels, expiry policy,
 * the member's tier and its overrides, the order reward credit rule). Later events compute with this
 * snapshot, never with the current settings (SPEC §4: rule changed after placement → placement rule).
 *
 * <p>The assignment policy and the redemption rule are deliberately not bound: the assignment mode in
 * force when an event arrives decides when points are assigned (SPEC §8 example 4), and redemption
 * happens at checkout under the current rule.
 */
public record BoundRule(
        long settingsVersion,
        boolean programEnabled,
        EarnRule earn,
        Channels channels,
        ExpiryPolicy expiry,
        OrderRewardCredits credits,
        Optional<TierId> memberTier,
        Optional<TierRule> tierRule) {

    public BoundRule {
        Objects.requireNonNull(earn, "earn");
        Objects.requireNonNull(channels, "channels");
        Objects.requireNonNull(expiry, "expiry");
        Objects.requireNonNull(credits, "credits");
        Objects.requireNonNull(memberTier, "memberTier");
        Objects.requireNonNull(tierRule, "tierRule");
        if (tierRule.isPresent() && !tierRule.get().tier().equals(memberTier.orElse(null))) {
            throw new IllegalArgumentException("tierRule must belong to the member's tier");
        }
    }

    /** Binds an order placed under {@code settings} by a member of {@code memberTier} (if any). */
    public static BoundRule bind(MerchantSettings settings, Optional<TierId> memberTier) {
        Optional<TierRule> rule = memberTier.flatMap(settings::tierRule);
        PointsProgram p = settings.points();
        return new BoundRule(
                settings.version(), p.enabled(), p.earn(), p.channels(), p.expiry(), settings.credits(), memberTier, rule);
    }

    /** The tier's own earn rate, if the member's tier has one. */
    public Optional<EarnRate> tierEarnRate() {
        return tierRule.flatMap(TierRule::earn);
    }

    /** The tier's own credit rule, if the member's tier has one. */
    public Optional<CreditRule> tierCreditRule() {
        return tierRule.flatMap(TierRule::credits);
    }
}
