package com.memberpoints.domain.ledger;

import com.memberpoints.domain.model.OrderId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The pure heart of the ledger, shared by every store: given a command and the wallet as read,
 * either the new wallet state plus its journal entry, or a refusal. Stores add only persistence,
 * idempotency (the operation id guard) and concurrency control.
 */
public sealed interface LedgerDecision {

    /** What a redemption hold item must do in the same atomic write. */
    enum HoldEffect {
        NONE,
        /** Create the hold (a held redemption). */
        PLACE,
        /** Remove the hold if there is one (a revert after cancellation). */
        RELEASE_IF_PRESENT,
        /** Remove the hold, which must exist, or apply nothing (stale-hold release). */
        RELEASE_REQUIRED
    }

    record Write(WalletState next, JournalEntry entry, HoldEffect hold) implements LedgerDecision {
        public Write {
            Objects.requireNonNull(next, "next");
            Objects.requireNonNull(entry, "entry");
            Objects.requireNonNull(hold, "hold");
        }
    }

    record Refuse(LedgerResult result) implements LedgerDecision {
        public Refuse {
            Objects.requireNonNull(result, "result");
        }
    }

    /**
     * @param redemption for a {@link LedgerCommand.RevertRedemption}: the journal entry of the
     *                   redemption being reverted, if it exists; ignored otherwise
     */
    static LedgerDecision decide(LedgerCommand command, WalletState state, Optional<JournalEntry> redemption) {
        if (!command.wallet().equals(state.ref())) {
            throw new IllegalArgumentException("state of " + state.ref() + " given for " + command.wallet());
        }
        return switch (command) {
            case LedgerCommand.Credit c -> add(command, state,
                    List.of(new LotChange(c.expiresAt(), c.amount())), c.order(), c.reason(), HoldEffect.NONE);
            case LedgerCommand.Debit d -> {
                Optional<List<LotChange>> allocation = state.lots().allocate(d.amount(), d.at());
                if (allocation.isEmpty()) {
                    yield new Refuse(new LedgerResult.InsufficientBalance(state.available(d.at()), d.amount()));
                }
                yield take(command, state, allocation.get(), d.order(), d.reason(),
                        d.hold() ? HoldEffect.PLACE : HoldEffect.NONE);
            }
            case LedgerCommand.RevertRedemption r -> {
                if (redemption.isEmpty()) {
                    yield new Refuse(new LedgerResult.NotApplicable("no redemption to revert for order " + r.order()));
                }
                JournalEntry redeemed = redemption.get();
                if (redeemed.kind() != EntryKind.REDEEM || !redeemed.wallet().equals(r.wallet())) {
                    throw new IllegalArgumentException("not the redemption of " + r.wallet() + ": " + redeemed);
                }
                List<LotChange> back = redeemed.lots().stream().map(LotChange::negate).toList();
                yield add(command, state, back, Optional.of(r.order()), r.reason(),
                        r.onlyIfHeld() ? HoldEffect.RELEASE_REQUIRED : HoldEffect.RELEASE_IF_PRESENT);
            }
            case LedgerCommand.Expire e -> {
                if (e.at().isBefore(e.lotExpiresAt())) {
                    yield new Refuse(new LedgerResult.NotApplicable("lot expiring at " + e.lotExpiresAt() + " is not due"));
                }
                long left = state.lots().amountAt(Optional.of(e.lotExpiresAt()));
                if (left == 0) {
                    yield new Refuse(new LedgerResult.NotApplicable("nothing left to expire at " + e.lotExpiresAt()));
                }
                yield take(command, state, List.of(new LotChange(Optional.of(e.lotExpiresAt()), -left)),
                        Optional.empty(), "", HoldEffect.NONE);
            }
        };
    }

    /**
     * Credits and reverts: units go to their own lots within the wallet's lot cap ({@link Lots#add}); the entry
     * records the net change made to each lot (a merge shows as a move to the earlier lot).
     */
    private static Write add(LedgerCommand command, WalletState state, List<LotChange> additions,
                             Optional<OrderId> order, String reason, HoldEffect hold) {
        Lots.Addition added = state.lots().add(additions, command.at());
        return write(command, state, added.lots(), added.changes(), order, reason, hold);
    }

    /** Debits and expiries: exactly the (negative) changes given; a debit never adds a lot. */
    private static Write take(LedgerCommand command, WalletState state, List<LotChange> changes,
                              Optional<OrderId> order, String reason, HoldEffect hold) {
        return write(command, state, state.lots().apply(changes), changes, order, reason, hold);
    }

    private static Write write(LedgerCommand command, WalletState state, Lots next, List<LotChange> changes,
                               Optional<OrderId> order, String reason, HoldEffect hold) {
        long delta = next.total() - state.balance();
        long sequence = state.version() + 1;
        JournalEntry entry = new JournalEntry(command.operationId(state), command.wallet(), command.kind(), delta,
                changes, reason, command.actor(), order, command.at(), next.total(), sequence,
                command.contentDigest(), command.notification());
        return new Write(new WalletState(state.ref(), sequence, next), entry, hold);
    }

    /** Duplicate when the stored entry has the same content, conflict otherwise. */
    static LedgerResult repeatOf(JournalEntry stored, LedgerCommand command) {
        if (stored.contentDigest().equals(command.contentDigest()) && stored.kind() == command.kind()) {
            return new LedgerResult.Duplicate(stored);
        }
        return new LedgerResult.OperationIdConflict(stored.operationId(),
                "operation " + stored.operationId() + " was already applied with different content");
    }
}
