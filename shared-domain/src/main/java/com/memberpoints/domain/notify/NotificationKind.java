package com.memberpoints.domain.notify;

import com.memberpoints.domain.ledger.EntryKind;
import com.memberpoints.domain.ledger.Wallet;
import java.util.Optional;

/** The messages members receive; each maps from the journal entry kinds that trigger it. */
public enum NotificationKind {
    /** Points earned on an order ({@link EntryKind#EARN}). */
    ORDER_POINTS,
    /** Points added by staff, with the reason ({@link EntryKind#ADJUST_ADD}, {@link EntryKind#BULK_CREDIT}). */
    STAFF_POINTS,
    /** Order reward store credits ({@link EntryKind#REWARD_CREDIT}). */
    ORDER_CREDITS,
    /** Store credits added by staff, with the reason ({@link EntryKind#ADJUST_ADD} in the credits wallet; issue 11.2). */
    STAFF_CREDITS,
    /** Points about to expire (the expiry reminder; sent by the sweep's reminder pass, not by a journal entry). */
    POINTS_EXPIRING,
    /** Store credits about to expire (the expiry reminder for the credits wallet). */
    CREDITS_EXPIRING;

    /**
     * The notification a journal entry kind triggers: none for every debit (redemption, deduction, expiry),
     * for a redemption given back, and for an order edit's correction (the member was told about the order).
     */
    public static Optional<NotificationKind> of(EntryKind kind) {
        return switch (kind) {
            case EARN -> Optional.of(ORDER_POINTS);
            case ADJUST_ADD, BULK_CREDIT -> Optional.of(STAFF_POINTS);
            case REWARD_CREDIT -> Optional.of(ORDER_CREDITS);
            case REDEEM, REDEEM_REVERT, ADJUST_DEDUCT, EXPIRE, EARN_ADJUST_ADD, EARN_ADJUST_DEDUCT -> Optional.empty();
            // a balance brought from the previous system: the member already had it (docs/decisions.md 12.4)
            case IMPORT_CREDIT -> Optional.empty();
        };
    }

    /**
     * As {@link #of(EntryKind)} for an entry of {@code wallet}: a staff addition to the credits wallet is
     * {@link #STAFF_CREDITS} (amounts in money), not {@link #STAFF_POINTS}.
     */
    public static Optional<NotificationKind> of(EntryKind kind, Wallet wallet) {
        if (wallet == Wallet.CREDITS && kind == EntryKind.ADJUST_ADD) {
            return Optional.of(STAFF_CREDITS);
        }
        return of(kind);
    }

    public boolean isCredits() {
        return this == ORDER_CREDITS || this == STAFF_CREDITS || this == CREDITS_EXPIRING;
    }

    /** Messages about a staff addition, which carry the staff's reason. */
    public boolean hasReason() {
        return this == STAFF_POINTS || this == STAFF_CREDITS;
    }

    /** An expiry reminder: its template names the expiry date, so an expiry instant is required to render it. */
    public boolean isReminder() {
        return this == POINTS_EXPIRING || this == CREDITS_EXPIRING;
    }
}
