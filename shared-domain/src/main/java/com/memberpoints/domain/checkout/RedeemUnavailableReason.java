package com.memberpoints.domain.checkout;

/** Why no points can be applied to an order at all. */
public enum RedeemUnavailableReason {
    /** Only members logged in at checkout redeem (guests, including "become a member"). */
    MEMBER_NOT_LOGGED_IN,
    /** The points program master switch is off. */
    PROGRAM_DISABLED,
    /** Redemption is switched off. */
    REDEEM_DISABLED,
    /** The amount after discounts and store credits is below the redemption minimum order amount. */
    BELOW_MINIMUM_ORDER_AMOUNT
}
