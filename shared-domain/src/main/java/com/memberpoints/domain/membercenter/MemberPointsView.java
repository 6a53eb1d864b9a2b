package com.memberpoints.domain.membercenter;

import com.memberpoints.domain.ledger.Lot;
import com.memberpoints.domain.model.Money;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.domain.order.Order;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The member's points view (SPEC §7): what the storefront's points panel and the admin member view both show
 * (each writes the fields its API documents).
 *
 * @param balance       spendable points now (lots past their expiry are not counted even before the sweep)
 * @param cashValue     what {@code balance} is worth at checkout (whole redemption units)
 * @param pointsPerUnit the redemption rate {@code cashValue} was computed at
 * @param byExpiry      balance by expiry date (merchant-local date), soonest first
 * @param expiringLots  the lots behind {@code byExpiry}: still valid, with an expiry, in the wallet's order
 * @param neverExpiring points in lots that never expire
 * @param pending       points orders will still earn, dated ones first (soonest expected first), then those whose
 *                      date is not known yet; at most {@link MemberCenter#MAX_PENDING_SHOWN}
 * @param morePending   the member has more pending orders than {@code pending} lists
 * @param rules         the rules text in the requested locale, else the store's default locale
 * @param storeCredits  the store-credit balance spendable now
 * @param rulesSummary  the structured rules as they apply to the member, beside {@code rules} (issue 11.5)
 */
public record MemberPointsView(long balance, Money cashValue, long pointsPerUnit, List<ExpiringBalance> byExpiry,
                               List<Lot> expiringLots, long neverExpiring, List<PendingPoints> pending,
                               boolean morePending, Optional<RulesText> rules, Money storeCredits,
                               PointsRules rulesSummary) {
    public MemberPointsView {
        Objects.requireNonNull(cashValue, "cashValue");
        Objects.requireNonNull(storeCredits, "storeCredits");
        byExpiry = List.copyOf(byExpiry);
        expiringLots = List.copyOf(expiringLots);
        pending = List.copyOf(pending);
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(rulesSummary, "rulesSummary");
    }

    public record ExpiringBalance(LocalDate expiresOn, long points) {}

    /**
     * Points an order will still earn.
     *
     * @param expectedOn the merchant-local date the points are due, present exactly when {@code waiting} is
     *                   {@code SCHEDULED} (not known before delivery, nor in completion mode before completion)
     */
    public record PendingPoints(OrderId order, long points, Optional<LocalDate> expectedOn, Order.PendingPoints.Waiting waiting) {
        public PendingPoints {
            Objects.requireNonNull(order, "order");
            Objects.requireNonNull(expectedOn, "expectedOn");
            Objects.requireNonNull(waiting, "waiting");
        }
    }

    /** {@code locale}: the BCP 47 tag the text is in (the requested one, or the store default as fallback). */
    public record RulesText(String locale, String text) {}
}
