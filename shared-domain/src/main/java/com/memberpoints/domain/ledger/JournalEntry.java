package com.memberpoints.domain.ledger;

import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.OrderId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One immutable line of a wallet's journal.
 *
 * @param operationId   deterministic identity of the mutation (the idempotency key)
 * @param wallet        whose balance changed
 * @param kind          what happened
 * @param delta         signed change of the balance (sum of {@code lots} deltas)
 * @param lots          the lots touched, with their net signed change, in spending order; at most
 *                      {@link #MAX_LOT_CHANGES} for a wallet within {@link Lots#MAX_EXPIRING_LOTS}
 * @param reason        shown to the member for manual assignments; empty for system entries
 * @param actor         staff member or system
 * @param order         the order this entry belongs to, if any
 * @param at            when the operation happened (the caller's clock)
 * @param balanceAfter  balance of the wallet right after this entry
 * @param sequence      1, 2, 3, ... per wallet: the order in which entries were applied
 * @param contentDigest digest of the command's content, to tell a retry from a different operation
 *                      reusing the same id
 * @param notification  channels the member may be notified on (the credit's choice; always NONE for debits)
 */
public record JournalEntry(
        OperationId operationId,
        WalletRef wallet,
        EntryKind kind,
        long delta,
        List<LotChange> lots,
        String reason,
        Actor actor,
        Optional<OrderId> order,
        Instant at,
        long balanceAfter,
        long sequence,
        String contentDigest,
        NotifyChoice notification) {

    /**
     * Most lot changes one entry of a wallet within {@link Lots#MAX_EXPIRING_LOTS} records: every lot it touches
     * was in the wallet before or is one the command names, each at most {@code MAX_EXPIRING_LOTS + 1} (a debit
     * touches only lots it had; a revert gives back to at most the lots its redemption took from; a credit touches
     * at most three). This and the lot cap bound the journal and balance items whatever the history.
     */
    public static final int MAX_LOT_CHANGES = 2 * (Lots.MAX_EXPIRING_LOTS + 1);

    /** An entry with the default choice: {@link NotifyChoice#BOTH} for credits, NONE for debits. */
    public JournalEntry(OperationId operationId, WalletRef wallet, EntryKind kind, long delta, List<LotChange> lots,
                        String reason, Actor actor, Optional<OrderId> order, Instant at, long balanceAfter,
                        long sequence, String contentDigest) {
        this(operationId, wallet, kind, delta, lots, reason, actor, order, at, balanceAfter, sequence, contentDigest,
                NotifyChoice.BOTH);
    }

    public JournalEntry {
        Objects.requireNonNull(notification, "notification");
        if (!kind.isCredit()) {
            notification = NotifyChoice.NONE;
        }
        Objects.requireNonNull(operationId, "operationId");
        Objects.requireNonNull(wallet, "wallet");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(contentDigest, "contentDigest");
        lots = List.copyOf(lots);
        long sum = 0;
        for (LotChange c : lots) {
            sum = Math.addExact(sum, c.delta());
        }
        if (sum != delta) {
            throw new IllegalArgumentException("entry delta " + delta + " differs from its lot changes " + sum);
        }
        if (delta == 0 || Long.signum(delta) != kind.sign()) {
            throw new IllegalArgumentException("delta " + delta + " does not match kind " + kind);
        }
        if (balanceAfter < 0) {
            throw new IllegalArgumentException("balance after must not be negative: " + balanceAfter);
        }
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1");
        }
    }
}
