package com.memberpoints.domain.checkout;

import com.memberpoints.domain.ledger.Wallet;
import com.memberpoints.domain.model.Money;
import com.memberpoints.domain.model.OrderId;
import java.util.Objects;

/** What committing a checkout redemption did. Refusals are values; nothing is half-written in any of them. */
public sealed interface RedemptionOutcome {

    /**
     * The points and store credits of the server-side quote are held for {@code order} (each wallet debited
     * once, ever). {@code repeat}: this order id had already been redeemed with the same amounts; nothing
     * changed now. Balances are those right after the redemption (the same on every repeat).
     */
    record Redeemed(OrderId order, Quote quote, long points, Money storeCredits, long pointsBalanceAfter,
                    Money creditsBalanceAfter, boolean repeat) implements RedemptionOutcome {
        public Redeemed {
            Objects.requireNonNull(order, "order");
            Objects.requireNonNull(quote, "quote");
            Objects.requireNonNull(storeCredits, "storeCredits");
            Objects.requireNonNull(creditsBalanceAfter, "creditsBalanceAfter");
        }
    }

    /** The entered number of points is refused ("At least 10 points must be entered"): nothing debited. */
    record Rejected(Redemption.Rejected rejection) implements RedemptionOutcome {
        public Rejected {
            Objects.requireNonNull(rejection, "rejection");
        }
    }

    /** The wallet no longer covers the redemption: nothing debited. Amounts are points, or minor units for credits. */
    record Insufficient(Wallet wallet, long available, long requested) implements RedemptionOutcome {
        public Insufficient {
            Objects.requireNonNull(wallet, "wallet");
        }
    }

    /**
     * This order id was already redeemed with other amounts, or its redemption was given back (cancelled order,
     * stale hold released): nothing changed. {@code detail} is safe to show.
     */
    record Conflict(String detail) implements RedemptionOutcome {
        public Conflict {
            Objects.requireNonNull(detail, "detail");
        }
    }
}
