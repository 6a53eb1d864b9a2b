package com.memberpoints.domain.ledger;

import java.util.ArrayList;
import java.util.List;

/**
 * What one order already did in one member's ledger: its journal entries in both wallets
 * ({@link LedgerStore#entriesForOrder}), read once and asked questions of. The one place that scans an order's
 * journal — the checkout (what this order already holds), the lifecycle's reconciliation (what it earned) and the
 * split (what it redeemed) all ask here. Pure.
 */
public record OrderJournal(List<JournalEntry> entries) {
    public OrderJournal {
        entries = List.copyOf(entries);
    }

    /** An order with no entries (a guest order, or one the ledger never saw). */
    public static final OrderJournal EMPTY = new OrderJournal(List.of());

    /** This journal with one more entry (one the caller has just written), in the order it was applied. */
    public OrderJournal with(JournalEntry entry) {
        ArrayList<JournalEntry> all = new ArrayList<>(entries);
        all.add(entry);
        return new OrderJournal(all);
    }

    /** Units redeemed for the order from {@code wallet} (positive; 0 when none). */
    public long redeemed(Wallet wallet) {
        long total = 0;
        for (JournalEntry e : entries) {
            if (e.wallet().wallet() == wallet && e.kind() == EntryKind.REDEEM) {
                total -= e.delta();
            }
        }
        return total;
    }

    /** The order's redemption was given back (order cancelled, or its hold released as never placed). */
    public boolean redemptionReverted() {
        return entries.stream().anyMatch(e -> e.kind() == EntryKind.REDEEM_REVERT);
    }

    /** The order's points {@code EARN} is in the ledger. */
    public boolean hasEarn() {
        return entries.stream().anyMatch(e -> e.wallet().wallet() == Wallet.POINTS && e.kind() == EntryKind.EARN);
    }

    /** The net points the order earned: its {@code EARN} plus every {@code EARN_ADJUST_*}. */
    public long pointsEarnedNet() {
        long net = 0;
        for (JournalEntry e : entries) {
            if (e.wallet().wallet() == Wallet.POINTS && isEarning(e.kind())) {
                net += e.delta();
            }
        }
        return net;
    }

    /** How many {@code EARN_ADJUST_*} entries the order has (names the next one). */
    public int earnAdjustments() {
        return (int) entries.stream().filter(e -> e.wallet().wallet() == Wallet.POINTS
                && (e.kind() == EntryKind.EARN_ADJUST_ADD || e.kind() == EntryKind.EARN_ADJUST_DEDUCT)).count();
    }

    /** The order's reward credits are in the ledger (credits wallet). */
    public boolean hasRewardCredit() {
        return entries.stream().anyMatch(e -> e.wallet().wallet() != Wallet.POINTS
                && e.kind() == EntryKind.REWARD_CREDIT);
    }

    private static boolean isEarning(EntryKind kind) {
        return kind == EntryKind.EARN || kind == EntryKind.EARN_ADJUST_ADD || kind == EntryKind.EARN_ADJUST_DEDUCT;
    }
}
