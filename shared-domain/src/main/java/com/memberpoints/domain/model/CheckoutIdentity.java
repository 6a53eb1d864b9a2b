package com.memberpoints.domain.model;

/** Who checked out. Only a member logged in at checkout earns or redeems. */
public enum CheckoutIdentity {
    /** A member, logged in during checkout. */
    MEMBER_LOGGED_IN,
    /** A guest checkout. */
    GUEST,
    /** A guest who ticked "become a member" at checkout: not logged in, so earns nothing on this order. */
    GUEST_BECOMING_MEMBER
}
