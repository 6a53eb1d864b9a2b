package com.memberpoints.domain.order;

import com.memberpoints.domain.earning.NotEarnedReason;
import com.memberpoints.domain.earning.RateSource;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.Money;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.domain.settings.BoundRule;
import com.memberpoints.domain.settings.CreditRule;
import com.memberpoints.domain.settings.EarnRate;
import com.memberpoints.domain.settings.Timing;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One order's points and credits state, as the admin order view shows it (issue 11.5): the rule bound at
 * placement, what the order earned, what is still pending and when, what it redeemed and what was given back.
 * Built by {@link OrderViews} from the order record and the order's journal entries. A record of records so a
 * later item (e.g. what could not be taken back after a return) is one more component at the end.
 *
 * @param member  the member, empty for a guest order
 * @param rule    the rule bound at placement (settings version, rates)
 * @param points  the points side
 * @param credits the reward-credits and store-credits side
 */
public record OrderPointsView(OrderId order, Optional<MemberId> member, OrderStatus status, Instant placedAt,
                              Optional<Instant> completedAt, Delivery delivery, OrderAmounts amounts,
                              BoundRuleView rule, PointsSide points, CreditsSide credits, ReturnsView returns) {
    public OrderPointsView {
        Objects.requireNonNull(returns, "returns");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(placedAt, "placedAt");
        Objects.requireNonNull(completedAt, "completedAt");
        Objects.requireNonNull(delivery, "delivery");
        Objects.requireNonNull(amounts, "amounts");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(points, "points");
        Objects.requireNonNull(credits, "credits");
    }

    /**
     * The bound rule and what it means for this order: the rate the order earns at (tier or store) or why it earns
     * nothing, and the reward-credit rule that applies (tier or store), if any.
     */
    public record BoundRuleView(BoundRule rule, Optional<EarnRate> earnRate, Optional<RateSource> rateSource,
                                Optional<NotEarnedReason> pointsNotEarned, Optional<CreditRule> creditRule) {
        public BoundRuleView {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(earnRate, "earnRate");
            Objects.requireNonNull(rateSource, "rateSource");
            Objects.requireNonNull(pointsNotEarned, "pointsNotEarned");
            Objects.requireNonNull(creditRule, "creditRule");
        }
    }

    /** What assigned the points or awarded the credits (inferred from the order record: see {@link OrderViews}). */
    public enum GivenBy {
        /** The order's assignment schedule on its due date (also its catch-up by the hourly sweep or a late delivery event). */
        ASSIGNMENT_SCHEDULE,
        /** The final delivery status with "0 days after delivery". */
        ORDER_DELIVERED,
        /** The order became Completed (completion mode). */
        ORDER_COMPLETED,
        /** The order became Paid (reward credits in delivery mode). */
        ORDER_PAID
    }

    /**
     * @param givenWhen    when points are given under the assignment mode in force now (it is not bound), worded
     * @param expected     points the bound rule gives the latest amounts, if the order will still earn them
     * @param assigned     when the points were assigned and by what, once they were
     * @param earned       net points the ledger holds for the order: its EARN plus every edit adjustment
     * @param adjustedAdd  points added by edit adjustments after the assignment
     * @param adjustedDeduct points taken back by edit adjustments or a cancellation after the assignment
     * @param redeemed     points redeemed at checkout for the order
     * @param reverted     redeemed points given back (cancellation, or a hold never confirmed)
     */
    public record PointsSide(Timing givenWhen, Optional<Pending> expected, Optional<Assigned> assigned, long earned,
                             long adjustedAdd, long adjustedDeduct, long redeemed, long reverted) {
        public PointsSide {
            Objects.requireNonNull(givenWhen, "givenWhen");
            Objects.requireNonNull(expected, "expected");
            Objects.requireNonNull(assigned, "assigned");
        }
    }

    /** Points still to come: what they wait for, and the due instant and merchant-local date once scheduled. */
    public record Pending(long points, Order.PendingPoints.Waiting waiting, Optional<Instant> dueAt,
                          Optional<LocalDate> expectedOn) {
        public Pending {
            Objects.requireNonNull(waiting, "waiting");
            Objects.requireNonNull(dueAt, "dueAt");
            Objects.requireNonNull(expectedOn, "expectedOn");
        }
    }

    /** @param points the points of the assignment itself (the EARN entry; 0 when the ledger has none yet) */
    public record Assigned(Instant at, GivenBy by, long points, Optional<Instant> expiresAt) {
        public Assigned {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(by, "by");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }
    }

    /**
     * @param givenWhen   when reward credits are given under the assignment mode in force now
     * @param rewarded    the reward credits decided for the order (0 when none), and when and by what
     * @param inLedger    the reward credits the ledger holds for the order
     * @param redeemed    store credits applied at checkout
     * @param reverted    applied store credits given back
     */
    public record CreditsSide(Timing givenWhen, Money rewarded, Optional<Instant> rewardedAt,
                              Optional<GivenBy> rewardedBy, Money inLedger, Money redeemed, Money reverted) {
        public CreditsSide {
            Objects.requireNonNull(givenWhen, "givenWhen");
            Objects.requireNonNull(rewarded, "rewarded");
            Objects.requireNonNull(rewardedAt, "rewardedAt");
            Objects.requireNonNull(rewardedBy, "rewardedBy");
            Objects.requireNonNull(inLedger, "inLedger");
            Objects.requireNonNull(redeemed, "redeemed");
            Objects.requireNonNull(reverted, "reverted");
        }
    }

    /**
     * The returns and refunds applied to the order (issue 12.3), what they took off the earn base, and the points
     * the ledger could not take back because the member had already spent them (kept by the member, never retried).
     */
    public record ReturnsView(java.util.List<OrderReturns.Applied> applied, boolean full,
                              com.memberpoints.domain.model.Money returnedTotal, long pointsNotRecovered) {
        public ReturnsView {
            applied = java.util.List.copyOf(Objects.requireNonNull(applied, "applied"));
            Objects.requireNonNull(returnedTotal, "returnedTotal");
        }
    }
}
