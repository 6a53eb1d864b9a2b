package com.memberpoints.domain.order;

import com.memberpoints.domain.expiry.ExpiryCalculator;
import com.memberpoints.domain.earning.Earning;
import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.ledger.LedgerResult;
import com.memberpoints.domain.ledger.LedgerStore;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.settings.CreditRule;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import com.memberpoints.domain.ledger.OrderJournal;

/**
 * Brings the ledger to what an order record says it earned, with deterministic operation ids: points {@code EARN}
 * once per order, then {@code EARN_ADJUST} entries by the difference after edits or cancellation; reward credits
 * {@code REWARD_CREDIT} once per order; redemption holds confirmed on placement, reverted on cancellation.
 * Reconciling reads the order's journal ({@link OrderJournal}) first and writes only what is missing, so repeating
 * it — a duplicate event, a retry after a crash between saving the order and reconciling — never changes the
 * ledger twice.
 */
final class OrderLedgerReconciliation {
    /** Attempts of reconciling the ledger (a concurrent reconciler may have changed the order's entries). */
    static final int MAX_RECONCILE_ROUNDS = 4;

    private final LedgerStore ledger;

    OrderLedgerReconciliation(LedgerStore ledger) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
    }

    /**
     * A placed order confirms the member's redemption holds (points and credits) for it. A hold item is written only
     * in the same transaction as a {@code REDEEM} journal entry of this order on that wallet (the checkout's
     * redemption), so the order's journal (one strongly consistent read) says which holds can exist; a wallet this
     * order never redeemed from is not touched (a conditional delete of a missing hold is still billed).
     */
    void confirmHolds(Order o) {
        if (o.member().isEmpty() || o.isVoided()) {
            return;
        }
        OrderJournal journal = ledger.orderJournal(o.merchant(), o.member().get(), o.id());
        for (WalletRef w : List.of(WalletRef.points(o.merchant(), o.member().get()),
                WalletRef.credits(o.merchant(), o.member().get()))) {
            if (journal.redeemed(w.wallet()) > 0) {
                ledger.confirmHold(w, o.id());
            }
        }
    }

    /**
     * Brings the ledger to what {@code o} says: points net = assigned points (0 once voided) plus what could not be
     * recovered before, reward credits once, redemptions reverted once voided (cancelled or returned in full).
     * Idempotent.
     *
     * @return the points a deduction could not take back this time because the member had spent them (0 mostly);
     *         the caller records them on the order ({@link Order#notRecovered(long)}) so no later event retries
     */
    long reconcile(Merchant merchant, Order o, Instant now, List<LedgerResult> results) {
        if (o.member().isEmpty()) {
            return 0;
        }
        MemberId member = o.member().get();
        if (o.isVoided()) {
            for (WalletRef w : List.of(WalletRef.points(o.merchant(), member), WalletRef.credits(o.merchant(), member))) {
                results.add(ledger.apply(LedgerCommand.revertRedemption(w, o.id(), Actor.SYSTEM, now)));
                if (!o.isSplitChild()) {
                    // A split parent's remaining share lives under its remainder id (NotApplicable otherwise).
                    results.add(ledger.apply(LedgerCommand.revertRedemption(w, OrderSplit.remainderId(o.id()),
                            Actor.SYSTEM, now)));
                }
            }
        }
        boolean pointsOwed = o.earned().hasAssignedPoints();
        boolean creditsOwed = o.earned().hasAwardedCredits() && o.earned().creditsAwarded().isPositive();
        if (!pointsOwed && !creditsOwed) {
            return 0;
        }
        Optional<OrderJournal> known = Optional.empty();
        for (int round = 1; round <= MAX_RECONCILE_ROUNDS; round++) {
            OrderJournal journal = known.orElseGet(() -> ledger.orderJournal(o.merchant(), member, o.id()));
            known = Optional.empty();
            Optional<LedgerCommand> next = nextCommand(merchant, o, member, journal, now);
            if (next.isEmpty()) {
                return 0;
            }
            LedgerResult r = ledger.apply(next.get());
            results.add(r);
            if (r instanceof LedgerResult.Applied applied) {
                // The entry just written is the only change this round made: the next round decides on the journal
                // read (strongly consistent) plus that entry instead of reading it again. A concurrent reconciler's
                // entry missed this way only makes the next command a repeat (same deterministic id): Duplicate,
                // or a conflict that makes the round after read the journal afresh.
                known = Optional.of(journal.with(applied.entry()));
                continue;
            }
            if (r instanceof LedgerResult.InsufficientBalance ib && next.get() instanceof LedgerCommand.Debit d) {
                // The member already spent the points: take back what is there now; the rest is forgiven
                // (logged by the caller from the outcome).
                long taken = 0;
                if (ib.available() > 0) {
                    LedgerResult partial = ledger.apply(new LedgerCommand.Debit(d.wallet(), d.kind(), ib.available(),
                            d.order(), d.reference() + "-partial", "", d.actor(), d.at(), false));
                    results.add(partial);
                    if (!(partial instanceof LedgerResult.Applied || partial instanceof LedgerResult.Duplicate)) {
                        return 0; // the balance moved again: the next event reconciles
                    }
                    taken = ib.available();
                }
                return d.amount() - taken;
            }
            if (r instanceof LedgerResult.OperationIdConflict || r instanceof LedgerResult.NotApplicable) {
                continue;
            }
        }
        return 0;
    }

    /** The next command the order's journal is missing, if any (one at a time, re-reading in between). Pure. */
    static Optional<LedgerCommand> nextCommand(Merchant merchant, Order o, MemberId member, OrderJournal journal,
                                               Instant now) {
        EarnRecord er = o.earned();
        if (er.hasAwardedCredits() && er.creditsAwarded().isPositive() && !journal.hasRewardCredit()) {
            Instant at = er.creditsAwardedAt().get();
            Optional<Instant> expires = Earning.applicableCreditRule(o.rule()).map(CreditRule::validity)
                    .flatMap(v -> ExpiryCalculator.creditsExpiry(v, at, merchant.zone()).instant());
            return Optional.of(LedgerCommand.rewardCredit(o.merchant(), member, o.id(), er.creditsAwarded().toMinor(),
                    expires, at));
        }
        if (!er.hasAssignedPoints()) {
            return Optional.empty();
        }
        long target = er.ledgerTarget(o.isVoided() ? 0 : er.pointsAssigned());
        Instant assignedAt = er.pointsAssignedAt().get();
        Optional<Instant> expires = ExpiryCalculator.pointsExpiry(o.rule().expiry(), assignedAt, merchant.zone())
                .instant();
        if (!journal.hasEarn()) {
            return target > 0
                    ? Optional.of(LedgerCommand.earn(o.merchant(), member, o.id(), target, expires, assignedAt))
                    : Optional.empty();
        }
        long pointsNet = journal.pointsEarnedNet();
        if (pointsNet == target) {
            return Optional.empty();
        }
        // One adjustment per step, named by how many came before: the same snapshot gives the same id.
        String reference = "adj" + (journal.earnAdjustments() + 1);
        return Optional.of(LedgerCommand.earnAdjust(o.merchant(), member, o.id(), reference, target - pointsNet,
                expires, now));
    }
}
