package com.memberpoints.domain.order;

import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.ledger.LedgerResult;
import com.memberpoints.domain.ledger.LedgerStore;
import com.memberpoints.domain.ledger.Wallet;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.InvalidInputException;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.OrderId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import com.memberpoints.domain.ledger.OrderJournal;

/**
 * An order split: the parent's redemption (points and store credits) is reverted to its original lots, then
 * re-allocated: each child redeems its share under its own order id, the parent's remaining share under
 * {@link #remainderId} (the ledger allows one redemption per order and wallet, and the parent's is spent). Child
 * order records are created with the parent's member, rule and payment. The shares are checked against what the
 * parent redeemed ({@link OrderJournal}) before anything is written.
 */
public final class OrderSplit {
    private final OrderRecords records;
    private final LedgerStore ledger;
    private final OrderLedgerReconciliation reconciliation;

    OrderSplit(OrderRecords records, LedgerStore ledger, OrderLedgerReconciliation reconciliation) {
        this.records = Objects.requireNonNull(records, "records");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.reconciliation = Objects.requireNonNull(reconciliation, "reconciliation");
    }

    LifecycleOutcome split(OrderTransitions rules, OrderEvent.OrderSplit e) {
        Merchant merchant = rules.merchant();
        rules.requireCurrency(e.parentAmounts(), "parentAmounts");
        for (int i = 0; i < e.children().size(); i++) {
            rules.requireCurrency(e.children().get(i).amounts(), "children[" + i + "].amounts");
        }
        Order parent = records.find(e.merchant(), e.order())
                .orElseThrow(() -> new OrderNotKnownException(e.merchant(), e.order()));
        List<LedgerResult> results = new ArrayList<>();
        Optional<MemberId> member = parent.member();
        // Check the shares against what was redeemed before writing anything.
        OrderJournal parentJournal = member.map(m -> ledger.orderJournal(e.merchant(), m, e.order()))
                .orElse(OrderJournal.EMPTY);
        long redeemedPoints = parentJournal.redeemed(Wallet.POINTS);
        long redeemedCredits = parentJournal.redeemed(Wallet.CREDITS);
        long sharePoints = e.parentAmounts().redeemedPoints();
        long shareCredits = e.parentAmounts().storeCredits().toMinor();
        for (OrderEvent.SplitChild c : e.children()) {
            sharePoints += c.amounts().redeemedPoints();
            shareCredits += c.amounts().storeCredits().toMinor();
        }
        if (member.isPresent() && parent.status() != OrderStatus.CANCELLED
                && (sharePoints > redeemedPoints || shareCredits > redeemedCredits)) {
            throw new InvalidInputException("children", "the split re-allocates " + sharePoints + " points and "
                    + shareCredits + " credit units, more than the " + redeemedPoints + " and " + redeemedCredits
                    + " redeemed on the parent order");
        }
        OrderRecords.Saved savedParent = records.transition(e.merchant(), e.order(), existing -> {
            Order o = existing.orElseThrow(() -> new OrderNotKnownException(e.merchant(), e.order()));
            OrderRecords.Step s = rules.onEdited(o, e.parentAmounts(), OptionalLong.empty());
            return new OrderRecords.Step(s.order(), s.transition().equals("duplicate") ? "duplicate" : "split");
        });
        for (OrderEvent.SplitChild c : e.children()) {
            records.transition(e.merchant(), c.order(), existing -> existing.map(o -> new OrderRecords.Step(o, "duplicate"))
                    .orElseGet(() -> new OrderRecords.Step(parent.splitChild(c.order(), c.amounts(), merchant.currency()),
                            "child-created")));
        }
        if (member.isPresent() && savedParent.order().status() != OrderStatus.CANCELLED) {
            for (Wallet wallet : Wallet.values()) {
                long original = wallet == Wallet.POINTS ? redeemedPoints : redeemedCredits;
                if (original == 0) {
                    continue;
                }
                WalletRef ref = new WalletRef(e.merchant(), member.get(), wallet);
                results.add(ledger.apply(LedgerCommand.revertRedemption(ref, e.order(), Actor.SYSTEM, e.at())));
                long parentShare = share(e.parentAmounts(), wallet);
                if (parentShare > 0) {
                    results.add(ledger.apply(LedgerCommand.redeem(ref, remainderId(e.order()), parentShare, false,
                            e.at())));
                }
                for (OrderEvent.SplitChild c : e.children()) {
                    long childShare = share(c.amounts(), wallet);
                    if (childShare > 0) {
                        results.add(ledger.apply(LedgerCommand.redeem(ref, c.order(), childShare, false, e.at())));
                    }
                }
            }
        }
        reconciliation.reconcile(merchant, savedParent.order(), rules.now(), results);
        return new LifecycleOutcome(e.order(), savedParent.transition(), results);
    }

    /**
     * The ledger order id under which a split parent's remaining redemption is held: the parent id with
     * {@code +rest} (ids never contain '+rest' from the platform in practice; bounded to 128 characters).
     */
    public static OrderId remainderId(OrderId parent) {
        String v = parent.value();
        String base = v.length() <= 123 ? v : v.substring(0, 110) + Integer.toHexString(v.hashCode());
        return OrderId.of(base + "+rest");
    }

    private static long share(OrderAmounts amounts, Wallet wallet) {
        return wallet == Wallet.POINTS ? amounts.redeemedPoints() : amounts.storeCredits().toMinor();
    }
}
