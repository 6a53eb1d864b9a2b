package com.memberpoints.domain.earning;

import com.memberpoints.domain.model.Money;
import com.memberpoints.domain.model.CheckoutIdentity;
import com.memberpoints.domain.model.OrderKind;
import com.memberpoints.domain.model.SalesChannel;
import com.memberpoints.domain.settings.BoundRule;
import com.memberpoints.domain.settings.CreditRule;
import com.memberpoints.domain.settings.EarnRate;
import java.util.Optional;

/**
 * Eligibility and amounts of earning under the rule bound at placement. Every "no" is a typed
 * {@link NotEarnedReason}, never an exception.
 */
public final class Earning {

    private Earning() {}

    /**
     * Points an order earns on {@code base} (see {@link EarnFormulas#earnBase}) under {@code rule}.
     * A tier's own rate replaces the store rate, and earns even with the store earn toggle off.
     */
    public static PointsOutcome points(BoundRule rule, EarnFacts facts, Money base) {
        // Every order kind earns points under these rules, admin-created manual orders included (SPEC §2 amended).
        Optional<NotEarnedReason> common = member(facts);
        if (common.isPresent()) {
            return new PointsOutcome.NotEarned(common.get());
        }
        if (!rule.programEnabled()) {
            return new PointsOutcome.NotEarned(NotEarnedReason.PROGRAM_DISABLED);
        }
        if (facts.channel() == SalesChannel.POS && !rule.channels().retailEnabled()) {
            return new PointsOutcome.NotEarned(NotEarnedReason.RETAIL_CHANNEL_DISABLED);
        }
        Optional<EarnRate> tierRate = rule.tierEarnRate();
        if (tierRate.isPresent()) {
            return new PointsOutcome.Earns(EarnFormulas.points(base, tierRate.get()), tierRate.get(), RateSource.TIER);
        }
        if (!rule.earn().enabled()) {
            return new PointsOutcome.NotEarned(NotEarnedReason.EARN_DISABLED);
        }
        EarnRate store = rule.earn().rate();
        return new PointsOutcome.Earns(EarnFormulas.points(base, store), store, RateSource.STORE);
    }

    /**
     * Reward credits an order earns on {@code base} under {@code rule}. A tier's own credit rule replaces
     * the store rule even if lower, and applies with the store rule off. {@code storeOpenAtPayment} is the
     * store's open flag when the order was paid (a quote, before payment, passes {@code true}).
     */
    public static CreditsOutcome credits(BoundRule rule, EarnFacts facts, Money base, boolean storeOpenAtPayment) {
        Money zero = Money.zero(base.currency());
        Optional<CreditRule> applicable = applicableCreditRule(rule);
        Optional<NotEarnedReason> common = member(facts);
        if (common.isPresent()) {
            return new CreditsOutcome.NotEarned(common.get(), zero, applicable);
        }
        if (facts.kind() == OrderKind.ADMIN_MANUAL) {
            // Reward credits only: the merchant rewards such an order by hand (credits article, note 10).
            return new CreditsOutcome.NotEarned(NotEarnedReason.ADMIN_MANUAL_ORDER, zero, applicable);
        }
        if (facts.splitChild()) {
            return new CreditsOutcome.NotEarned(NotEarnedReason.SPLIT_CHILD_ORDER, zero, applicable);
        }
        if (!storeOpenAtPayment) {
            return new CreditsOutcome.NotEarned(NotEarnedReason.STORE_CLOSED_AT_PAYMENT, zero, applicable);
        }
        if (applicable.isEmpty()) {
            return new CreditsOutcome.NotEarned(NotEarnedReason.CREDITS_DISABLED, zero, applicable);
        }
        CreditRule r = applicable.get();
        if (!EarnFormulas.meetsMinimum(base, r) || !base.isPositive()) {
            return new CreditsOutcome.NotEarned(NotEarnedReason.BELOW_MINIMUM, zero, applicable);
        }
        RateSource source = rule.tierCreditRule().isPresent() ? RateSource.TIER : RateSource.STORE;
        return new CreditsOutcome.Earns(EarnFormulas.credits(base, r), r, source);
    }

    /**
     * Points to add (positive) or take back (negative) when an order whose points were already assigned
     * is edited: the recomputed points under the bound rule minus what was assigned.
     */
    public static long adjustmentAfterEdit(long alreadyAssigned, PointsOutcome recomputed) {
        if (alreadyAssigned < 0) {
            throw new IllegalArgumentException("alreadyAssigned must not be negative");
        }
        return Math.subtractExact(recomputed.points(), alreadyAssigned);
    }

    /** The credit rule that applies to this member: the tier's own, else the store's while enabled. */
    public static Optional<CreditRule> applicableCreditRule(BoundRule rule) {
        Optional<CreditRule> tier = rule.tierCreditRule();
        if (tier.isPresent()) {
            return tier;
        }
        return rule.credits().enabled() ? Optional.of(rule.credits().rule()) : Optional.empty();
    }

    private static Optional<NotEarnedReason> member(EarnFacts facts) {
        if (facts.identity() == CheckoutIdentity.GUEST_BECOMING_MEMBER) {
            return Optional.of(NotEarnedReason.GUEST_BECAME_MEMBER_AT_CHECKOUT);
        }
        if (facts.identity() != CheckoutIdentity.MEMBER_LOGGED_IN) {
            return Optional.of(NotEarnedReason.MEMBER_NOT_LOGGED_IN);
        }
        return Optional.empty();
    }
}
