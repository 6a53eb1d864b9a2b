package com.memberpoints.domain.notify;

import com.memberpoints.domain.ledger.ExpiringLot;
import com.memberpoints.domain.ledger.JournalEntry;
import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.ledger.LedgerResult;
import com.memberpoints.domain.ledger.LedgerStore;
import com.memberpoints.domain.ledger.MemberWallets;
import com.memberpoints.domain.ledger.RedemptionHold;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.ledger.WalletState;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.domain.model.Page;
import com.memberpoints.domain.model.PageRequest;
import java.time.Instant;
import java.util.List;

/** A {@link LedgerStore} that forwards every call (tests override the calls they count). */
class DelegatingLedgerStore implements LedgerStore {
    private final LedgerStore d;

    DelegatingLedgerStore(LedgerStore delegate) {
        this.d = delegate;
    }

    @Override
    public LedgerResult apply(LedgerCommand command) {
        return d.apply(command);
    }

    @Override
    public WalletState wallet(WalletRef ref) {
        return d.wallet(ref);
    }

    @Override
    public MemberWallets wallets(MerchantId merchant, MemberId member) {
        return d.wallets(merchant, member);
    }

    @Override
    public Page<JournalEntry> history(WalletRef ref, PageRequest page) {
        return d.history(ref, page);
    }

    @Override
    public List<JournalEntry> entriesForOrder(MerchantId merchant, MemberId member, OrderId order) {
        return d.entriesForOrder(merchant, member, order);
    }

    @Override
    public Page<ExpiringLot> expiring(MerchantId merchant, Instant from, Instant to, PageRequest page) {
        return d.expiring(merchant, from, to, page);
    }

    @Override
    public Page<RedemptionHold> staleHolds(MerchantId merchant, Instant heldBefore, PageRequest page) {
        return d.staleHolds(merchant, heldBefore, page);
    }

    @Override
    public HoldConfirmation confirmHold(WalletRef wallet, OrderId order) {
        return d.confirmHold(wallet, order);
    }
}
