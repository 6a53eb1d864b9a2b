package com.memberpoints.domain.earning;

import com.memberpoints.domain.model.Money;
import com.memberpoints.domain.settings.CreditRule;
import java.util.Objects;
import java.util.Optional;

/** What an order earns in reward credits, or why it earns none. */
public sealed interface CreditsOutcome {

    /** The credits earned (zero when none). */
    Money credits();

    /** The rule that applies to this member, whether or not it was met. */
    Optional<CreditRule> rule();

    record Earns(Money credits, CreditRule appliedRule, RateSource source) implements CreditsOutcome {
        public Earns {
            Objects.requireNonNull(credits, "credits");
            Objects.requireNonNull(appliedRule, "appliedRule");
            Objects.requireNonNull(source, "source");
            if (credits.isNegative()) {
                throw new IllegalArgumentException("earned credits must not be negative");
            }
        }

        @Override
        public Optional<CreditRule> rule() {
            return Optional.of(appliedRule);
        }
    }

    /** No credits. {@code rule} is the applicable rule when there is one (e.g. {@code BELOW_MINIMUM}). */
    record NotEarned(NotEarnedReason reason, Money credits, Optional<CreditRule> rule) implements CreditsOutcome {
        public NotEarned {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(credits, "credits");
            Objects.requireNonNull(rule, "rule");
            if (!credits.isZero()) {
                throw new IllegalArgumentException("NotEarned carries zero credits");
            }
        }
    }
}
