package com.memberpoints.domain.ledger;

/**
 * The two balances a member holds with a merchant. Both are counted in whole units as {@code long}:
 * {@link #POINTS} in points, {@link #CREDITS} (order reward store credits) in minor units of the
 * merchant currency (cents for USD, yen for JPY).
 */
public enum Wallet {
    POINTS,
    CREDITS
}
