package com.memberpoints.local;

import com.memberpoints.domain.integration.IntegrationFact;
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
import java.util.Objects;

/**
 * LOCAL ONLY: hands each newly applied journal entry to the {@link LocalEventBus}, as the table stream hands its INSERT
 * to IntegrationEventsFunction in AWS (a {@code Duplicate} is no new journal item, so no event). Everything else is the
 * wrapped ledger's.
 */
final class PublishingLedgerStore implements LedgerStore {
    private final LedgerStore ledger;
    private final LocalEventBus bus;

    PublishingLedgerStore(LedgerStore ledger, LocalEventBus bus) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.bus = Objects.requireNonNull(bus, "bus");
    }

    @Override
    public LedgerResult apply(LedgerCommand command) {
        LedgerResult result = ledger.apply(command);
        if (result instanceof LedgerResult.Applied applied) {
            bus.publish(new IntegrationFact.Journal(applied.entry()));
        }
        return result;
    }

    @Override
    public WalletState wallet(WalletRef ref) {
        return ledger.wallet(ref);
    }

    @Override
    public MemberWallets wallets(MerchantId merchant, MemberId member) {
        return ledger.wallets(merchant, member);
    }

    @Override
    public Page<JournalEntry> history(WalletRef ref, PageRequest page) {
        return ledger.history(ref, page);
    }

    @Override
    public List<JournalEntry> entriesForOrder(MerchantId merchant, MemberId member, OrderId order) {
        return ledger.entriesForOrder(merchant, member, order);
    }

    @Override
    public Page<ExpiringLot> expiring(MerchantId merchant, Instant fromInclusive, Instant toExclusive, PageRequest page) {
        return ledger.expiring(merchant, fromInclusive, toExclusive, page);
    }

    @Override
    public Page<RedemptionHold> staleHolds(MerchantId merchant, Instant heldBefore, PageRequest page) {
        return ledger.staleHolds(merchant, heldBefore, page);
    }

    @Override
    public HoldConfirmation confirmHold(WalletRef wallet, OrderId order) {
        return ledger.confirmHold(wallet, order);
    }
}
