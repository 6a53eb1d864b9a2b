package com.memberpoints.domain.checkout;

import com.memberpoints.domain.model.Money;
import java.util.Objects;
import java.util.Optional;

/** The points part of a quote. */
public sealed interface Redemption {

    /** Points applied (possibly 0: entered 0, or nothing can be applied) and the discount they give. */
    record Applied(long points, Money discount) implements Redemption {
        public Applied {
            Objects.requireNonNull(discount, "discount");
            if (points < 0) {
                throw new IllegalArgumentException("points must not be negative");
            }
        }
    }

    /**
     * Redemption is not available for this order. {@code shortfall} is how much more is needed when the
     * reason is {@link RedeemUnavailableReason#BELOW_MINIMUM_ORDER_AMOUNT}.
     */
    record Unavailable(RedeemUnavailableReason reason, Optional<Money> shortfall) implements Redemption {
        public Unavailable {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(shortfall, "shortfall");
        }
    }

    /**
     * The entered number is refused (nothing applied); {@code message} is for the member, e.g.
     * "At least 10 points must be entered".
     */
    record Rejected(RejectReason reason, long unit, String message) implements Redemption {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }
    }

    enum RejectReason {
        /** Fewer points than one redemption unit (but more than 0). */
        BELOW_UNIT,
        /** A negative number. */
        NEGATIVE,
        /**
         * More points than the order allows (cap, eligible amount) or redemption unavailable on it: refused when
         * committing a redemption; a quote proposes the maximum instead.
         */
        ABOVE_MAXIMUM
    }
}
