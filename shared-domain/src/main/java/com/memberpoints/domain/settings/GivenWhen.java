package com.memberpoints.domain.settings;

import java.util.Objects;

/**
 * WHEN an order's points or reward credits are given, as data a storefront or an admin screen renders (issue 11.5):
 * the article's "Points earned after completed" / "Credits earned after completed" in completion mode, "X days after
 * delivery" for points in delivery mode, "on payment" for reward credits in delivery mode. Derived from the
 * {@link AssignmentPolicy} in force (SPEC §2, §4); the texts are in {@code checkout.ShopperTexts}.
 */
public sealed interface GivenWhen {

    /** The wire word ({@code AFTER_COMPLETED}, {@code DAYS_AFTER_DELIVERY}, {@code ON_PAYMENT}). */
    String kind();

    /** When the order status becomes Completed (completion mode: points and credits at once). */
    record AfterCompleted() implements GivenWhen {
        @Override
        public String kind() {
            return "AFTER_COMPLETED";
        }
    }

    /** On local date (final delivery date + {@code days}); 0 = when the final delivery status is reported. Points only. */
    record DaysAfterDelivery(int days) implements GivenWhen {
        public DaysAfterDelivery {
            if (days < 0) {
                throw new IllegalArgumentException("days must not be negative");
            }
        }

        @Override
        public String kind() {
            return "DAYS_AFTER_DELIVERY";
        }
    }

    /** When the order becomes Paid (reward credits in delivery mode). */
    record OnPayment() implements GivenWhen {
        @Override
        public String kind() {
            return "ON_PAYMENT";
        }
    }

    GivenWhen AFTER_COMPLETED = new AfterCompleted();
    GivenWhen ON_PAYMENT = new OnPayment();

    /** When points are given under {@code policy}. */
    static GivenWhen points(AssignmentPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        return switch (policy) {
            case AssignmentPolicy.OnCompletion c -> AFTER_COMPLETED;
            case AssignmentPolicy.AfterDelivery(int days) -> new DaysAfterDelivery(days);
        };
    }

    /** When reward credits are given under {@code policy}: on payment, or on completion in completion mode (SPEC §2). */
    static GivenWhen credits(AssignmentPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        return switch (policy) {
            case AssignmentPolicy.OnCompletion c -> AFTER_COMPLETED;
            case AssignmentPolicy.AfterDelivery d -> ON_PAYMENT;
        };
    }
}
