package com.memberpoints.domain.ledger;

import java.time.Instant;

/** Sort keys shared by the stores so that listings come back in the same order everywhere. */
public final class LedgerKeys {
    private LedgerKeys() {}

    /** {@code <epochSecond, 12 digits>#<member>#<wallet>}: expiry order, then member. */
    public static String expirySortKey(Instant expiresAt, WalletRef ref) {
        return String.format("%012d#%s#%s", expiresAt.getEpochSecond(), ref.member().value(), ref.wallet());
    }

    /** {@code <epochMilli, 15 digits>#<member>#<wallet>#<order>}: oldest hold first. */
    public static String holdSortKey(RedemptionHold hold) {
        return String.format("%015d#%s#%s#%s", hold.heldAt().toEpochMilli(), hold.wallet().member().value(),
                hold.wallet().wallet(), hold.order().value());
    }
}
