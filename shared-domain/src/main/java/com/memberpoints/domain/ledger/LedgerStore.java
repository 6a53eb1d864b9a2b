package com.memberpoints.domain.ledger;

import com.memberpoints.domain.model.Page;
import com.memberpoints.domain.model.PageRequest;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.OrderId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The ledger port: balances with their lots, and an immutable journal.
 *
 * <p>Guarantees every implementation keeps: each command is applied exactly once (atomically with
 * its journal entry, keyed by its {@link OperationId}, forever); a repeat returns the first result;
 * the same id with other content is refused; no balance or lot ever goes negative, whatever the
 * concurrency. Failures of the underlying store are {@link LedgerStoreException}s.
 */
public interface LedgerStore {

    /** Applies one command atomically. */
    LedgerResult apply(LedgerCommand command);

    /**
     * {@link #apply(LedgerCommand)} starting from {@code expected}, a state of the command's wallet the caller read
     * before (e.g. many at once with {@link #walletsOf}): a store may then skip its own read and write conditioned on
     * that state's version. If the wallet changed since, the store decides again on the current state, so the result
     * is always what {@code apply(command)} would have answered (exactly once, never below zero); a refusal is never
     * decided on {@code expected} alone. By default: {@code apply(command)}.
     */
    default LedgerResult apply(LedgerCommand command, WalletState expected) {
        return apply(command);
    }

    /**
     * {@link #apply(LedgerCommand, WalletState)} of each command (each on its own wallet, every wallet at most once),
     * {@code expected} holding a state read before for each; answers in the order of {@code commands}. A store may
     * write several commands in one atomic call (a bulk chunk): each is still applied exactly once, and answered as
     * {@code apply} would answer it. By default one {@code apply} after the other.
     */
    default List<LedgerResult> applyEach(List<? extends LedgerCommand> commands,
                                         java.util.Map<WalletRef, WalletState> expected) {
        List<LedgerResult> out = new java.util.ArrayList<>(commands.size());
        for (LedgerCommand c : commands) {
            WalletState known = expected.get(c.wallet());
            out.add(known == null ? apply(c) : apply(c, known));
        }
        return out;
    }

    /** Balance and lots of one wallet, in one strongly consistent read. */
    WalletState wallet(WalletRef ref);

    /**
     * Balance and lots of each wallet (strongly consistent), in as few calls as the store can make (by default one
     * {@link #wallet} each); a wallet never written comes back in its initial state.
     */
    default java.util.Map<WalletRef, WalletState> walletsOf(List<WalletRef> refs) {
        java.util.Map<WalletRef, WalletState> out = new java.util.LinkedHashMap<>();
        for (WalletRef ref : refs) {
            out.put(ref, wallet(ref));
        }
        return out;
    }

    /** Both wallets of a member in one strongly consistent read (a checkout quote's only ledger read). */
    MemberWallets wallets(MerchantId merchant, MemberId member);

    /** A wallet's journal, newest first. */
    Page<JournalEntry> history(WalletRef ref, PageRequest page);

    /** Every entry of an order (both wallets), in application order per wallet. */
    List<JournalEntry> entriesForOrder(MerchantId merchant, MemberId member, OrderId order);

    /** What the order already did in the member's ledger (one {@link #entriesForOrder} read). */
    default OrderJournal orderJournal(MerchantId merchant, MemberId member, OrderId order) {
        return new OrderJournal(entriesForOrder(merchant, member, order));
    }

    /**
     * Wallets whose soonest-expiring lot expires in {@code [fromInclusive, toExclusive)}, soonest
     * first (then by member and wallet). Read from an index: only such wallets are read. The index
     * may lag the wallets (an entry can name a lot already expired). A cursor is a position in that
     * order, not an entry: it stays valid while the wallets it passed change, so a walk reads each
     * position once.
     */
    Page<ExpiringLot> expiring(MerchantId merchant, Instant fromInclusive, Instant toExclusive, PageRequest page);

    /**
     * How many independent parts the merchant's expiry index has (its write shards; 1 when unsharded). Each part can be
     * walked alone with {@link #expiring(MerchantId, int, Instant, Instant, PageRequest)} — the sweep's fan-out — and
     * together they list exactly what {@link #expiring(MerchantId, Instant, Instant, PageRequest)} lists.
     */
    default int expiryParts() {
        return 1;
    }

    /**
     * {@link #expiring(MerchantId, Instant, Instant, PageRequest)} restricted to one part of the expiry index
     * ({@code 0 <= part < expiryParts()}), in the same order; its cursor is valid for that part only.
     */
    default Page<ExpiringLot> expiring(MerchantId merchant, int part, Instant fromInclusive, Instant toExclusive,
                                       PageRequest page) {
        if (part < 0 || part >= expiryParts()) {
            throw new IllegalArgumentException("expiry index part out of range: " + part);
        }
        return expiring(merchant, fromInclusive, toExclusive, page);
    }

    /** Wallets with a lot expiring on a local date of the merchant's time zone. */
    default Page<ExpiringLot> expiringOn(MerchantId merchant, LocalDate date, ZoneId zone, PageRequest page) {
        return expiring(merchant, date.atStartOfDay(zone).toInstant(), date.plusDays(1).atStartOfDay(zone).toInstant(),
                page);
    }

    /**
     * Wallets holding any lot that expires at or before {@code inclusiveEnd} (the catch-up sweep: a
     * wallet's soonest lot is listed, and it is never later than any other lot of the wallet).
     */
    default Page<ExpiringLot> expiringUpTo(MerchantId merchant, Instant inclusiveEnd, PageRequest page) {
        return expiring(merchant, Instant.EPOCH, inclusiveEnd.plusSeconds(1), page);
    }

    /** Redemption holds placed before {@code heldBefore} and still not confirmed, oldest first. */
    Page<RedemptionHold> staleHolds(MerchantId merchant, Instant heldBefore, PageRequest page);

    /** The order was placed: its redemption hold becomes final. Idempotent. */
    HoldConfirmation confirmHold(WalletRef wallet, OrderId order);

    enum HoldConfirmation {
        /** The hold existed and is now confirmed. */
        CONFIRMED,
        /** No hold: already confirmed, released as stale, reverted, or never held. */
        NOT_HELD
    }
}
