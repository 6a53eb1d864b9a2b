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

    /** What is given, for the wording. */
    enum What { POINTS, CREDITS }

    /**
     * The ready-made text in {@code locale} ({@code zh} → Traditional Chinese, anything else English, the articles'
     * words): "Points earned after completed", "Credits earned after completed", "Points earned 3 days after
     * delivery", "Points earned on delivery", "Credits earned on payment".
     */
    default String text(What what, java.util.Locale locale) {
        boolean zh = locale.getLanguage().equals("zh");
        String noun = what == What.POINTS ? (zh ? "點數" : "Points") : (zh ? "購物金" : "Credits");
        return switch (this) {
            case AfterCompleted c -> zh ? "訂單完成後獲得" + noun : noun + " earned after completed";
            case OnPayment p -> zh ? "付款後獲得" + noun : noun + " earned on payment";
            case DaysAfterDelivery(int days) when days == 0 -> zh ? "送達後獲得" + noun : noun + " earned on delivery";
            case DaysAfterDelivery(int days) -> zh ? "送達 " + days + " 天後獲得" + noun
                    : noun + " earned " + days + (days == 1 ? " day" : " days") + " after delivery";
        };
    }

    /** This timing with its text for {@code what} in {@code locale}. */
    default Timing worded(What what, java.util.Locale locale) {
        return new Timing(this, text(what, locale));
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
