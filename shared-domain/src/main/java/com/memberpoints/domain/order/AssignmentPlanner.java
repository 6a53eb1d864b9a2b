package com.memberpoints.domain.order;

import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.domain.settings.AssignmentPolicy;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Decides, under the assignment policy in force when an event arrives (the policy is not bound at
 * placement), whether a delivery or completion event schedules, assigns at once, or does nothing.
 * Whether the order was already assigned or cancelled is the caller's check (exactly-once is the ledger's).
 */
public final class AssignmentPlanner {

    private AssignmentPlanner() {}

    /**
     * Delivery status became Arrived or Collected at {@code deliveredAt}. A schedule fires on the due local date
     * at the order's offset inside {@code window} ({@link AssignmentDue#dueAt}).
     */
    public static AssignmentPlan onDelivered(AssignmentPolicy policy, Instant deliveredAt, ZoneId zone,
                                             AssignmentWindow window, MerchantId merchant, OrderId order) {
        return switch (policy) {
            case AssignmentPolicy.OnCompletion c -> new AssignmentPlan.Nothing("waiting for completion");
            case AssignmentPolicy.AfterDelivery(int days) -> days == 0
                    ? new AssignmentPlan.AssignNow(deliveredAt)
                    : new AssignmentPlan.Schedule(
                            AssignmentDue.dueAt(days, deliveredAt, zone, window, merchant, order), AssignmentDue.dueDate(days, deliveredAt, zone));
        };
    }

    /**
     * Order status became Completed at {@code completedAt}. In completion mode the points are assigned at
     * once, even when a schedule from the delivery mode is still pending (that schedule must then not
     * assign again).
     */
    public static AssignmentPlan onCompleted(AssignmentPolicy policy, Instant completedAt) {
        return switch (policy) {
            case AssignmentPolicy.OnCompletion c -> new AssignmentPlan.AssignNow(completedAt);
            case AssignmentPolicy.AfterDelivery d -> new AssignmentPlan.Nothing("waiting for delivery due date");
        };
    }

    /**
     * A delivery schedule fired at {@code firedAt}. It assigns unless the order was cancelled or its points
     * were already assigned (for instance at completion after a switch to completion mode, SPEC §8 example 4).
     * The ledger still enforces exactly-once; this only avoids a pointless attempt.
     */
    public static AssignmentPlan onScheduleFired(boolean alreadyAssigned, boolean cancelled, Instant firedAt) {
        if (cancelled) {
            return new AssignmentPlan.Nothing("order cancelled");
        }
        if (alreadyAssigned) {
            return new AssignmentPlan.Nothing("points already assigned");
        }
        return new AssignmentPlan.AssignNow(firedAt);
    }

    /**
     * Payment status became Paid at {@code paidAt}: reward credits are awarded now in delivery mode; in
     * completion mode they wait for completion (SPEC §2).
     */
    public static AssignmentPlan creditsOnPaid(AssignmentPolicy policy, Instant paidAt) {
        return switch (policy) {
            case AssignmentPolicy.AfterDelivery d -> new AssignmentPlan.AssignNow(paidAt);
            case AssignmentPolicy.OnCompletion c -> new AssignmentPlan.Nothing("credits wait for completion");
        };
    }

    /** Order status became Completed at {@code completedAt}: in completion mode credits are awarded now. */
    public static AssignmentPlan creditsOnCompleted(AssignmentPolicy policy, Instant completedAt) {
        return switch (policy) {
            case AssignmentPolicy.OnCompletion c -> new AssignmentPlan.AssignNow(completedAt);
            case AssignmentPolicy.AfterDelivery d -> new AssignmentPlan.Nothing("credits were due at payment");
        };
    }
}
