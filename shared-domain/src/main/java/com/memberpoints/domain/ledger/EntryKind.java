package com.memberpoints.domain.ledger;

/** What a journal entry records. The sign of its delta follows from the kind. */
public enum EntryKind {
    /** Points earned on an order (credit). */
    EARN(+1),
    /** Points or credits spent at checkout (debit). */
    REDEEM(-1),
    /** A redemption given back, to its original lots (credit). */
    REDEEM_REVERT(+1),
    /** Manual add by staff (credit). */
    ADJUST_ADD(+1),
    /** Manual deduction by staff (debit). */
    ADJUST_DEDUCT(-1),
    /** Bulk add by staff to many members (credit). */
    BULK_CREDIT(+1),
    /** A lot reached its expiry (debit). */
    EXPIRE(-1),
    /** Order reward store credits (credit). */
    REWARD_CREDIT(+1),
    /** Correction of an order's earned points after an edit: credit. */
    EARN_ADJUST_ADD(+1),
    /** Correction of an order's earned points after an edit: debit. */
    EARN_ADJUST_DEDUCT(-1),
    /** A balance brought from the merchant's previous loyalty system by a balance import (credit). */
    IMPORT_CREDIT(+1);

    private final int sign;

    EntryKind(int sign) {
        this.sign = sign;
    }

    public int sign() {
        return sign;
    }

    public boolean isCredit() {
        return sign > 0;
    }
}
