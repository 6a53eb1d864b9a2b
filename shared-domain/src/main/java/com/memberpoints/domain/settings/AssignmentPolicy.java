package com.memberpoints.domain.settings;

/** When earned points (and, in completion mode, reward credits) are assigned. */
public sealed interface AssignmentPolicy {

    /** On local date (delivery date + {@code days}) once delivery is Arrived or Collected. */
    record AfterDelivery(int days) implements AssignmentPolicy {}

    /** At once when the order status becomes Completed. */
    record OnCompletion() implements AssignmentPolicy {}

    AssignmentPolicy ON_COMPLETION = new OnCompletion();

    static AssignmentPolicy afterDelivery(int days) {
        return new AfterDelivery(days);
    }
}
