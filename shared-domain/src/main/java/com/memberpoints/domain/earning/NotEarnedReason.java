package com.memberpoints.domain.earning;

/** Why an order earns no points or no reward credits. */
public enum NotEarnedReason {
    /** Guest checkout: only members logged in at checkout earn. */
    MEMBER_NOT_LOGGED_IN,
    /** The guest ticked "become a member" at checkout: not logged in at checkout, so no earning. */
    GUEST_BECAME_MEMBER_AT_CHECKOUT,
    /** Reward credits only: order created by an admin by hand (it earns points; social-commerce manual orders earn both). */
    ADMIN_MANUAL_ORDER,
    /** The points program master switch was off when the order was placed. */
    PROGRAM_DISABLED,
    /** The store "Earn Point" toggle is off and the member's tier has no own earn rate. */
    EARN_DISABLED,
    /** A POS order while the retail channel is switched off. */
    RETAIL_CHANNEL_DISABLED,
    /** Split child orders earn no reward credits. */
    SPLIT_CHILD_ORDER,
    /** The store was closed when the order was paid (reward credits). */
    STORE_CLOSED_AT_PAYMENT,
    /** The store credit rule is off and the member's tier has no own credit rule. */
    CREDITS_DISABLED,
    /** The earn base is below the credit rule's minimum order amount. */
    BELOW_MINIMUM
}
