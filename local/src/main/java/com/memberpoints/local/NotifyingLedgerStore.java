package com.memberpoints.local;

import com.memberpoints.domain.ledger.ExpiringLot;
import com.memberpoints.domain.ledger.JournalEntry;
import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.ledger.LedgerResult;
import com.memberpoints.domain.ledger.LedgerStore;
import com.memberpoints.domain.ledger.MemberWallets;
import com.memberpoints.domain.model.Page;
import com.memberpoints.domain.model.PageRequest;
import com.memberpoints.domain.ledger.RedemptionHold;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.ledger.WalletState;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.domain.notify.NotificationDispatcher;
import com.memberpoints.domain.liability.LiabilityCounters;
import com.memberpoints.functions.platform.log.JsonLogger;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * LOCAL ONLY: the ledger the local handlers write through. In AWS the table's DynamoDB stream hands each
 * inserted journal item to the notification dispatcher function after the write has committed; locally this
 * decorator hands each newly applied journal entry to the liability counters (the stream's second consumer)
 * and to {@link NotificationDispatcher#dispatch} right after
 * {@link LedgerStore#apply} returned {@link LedgerResult.Applied} (a {@code Duplicate} is not a new journal
 * item, so it is not dispatched — as the stream sees no INSERT). A failing dispatch is logged and never
 * fails the ledger write, as in AWS where the write has committed before the stream is read. The same entry then
 * goes to the {@link LocalEventBus} (the stream's third consumer, IntegrationEventsFunction in AWS).
 *
 * <p>Chosen over polling DynamoDB Local's stream: same dispatcher, same at-most-once delivery records,
 * no poller thread or shard iterator bookkeeping, and the outbox is filled before the HTTP answer or the
 * time-travel step returns, so a walk-through (and {@code LocalStoryIT}) sees the messages at once.
 * The stream handler's own translation (stream record → journal entry) is covered by its unit tests.
 */
final class NotifyingLedgerStore implements LedgerStore {
    private final LedgerStore ledger;
    private final NotificationDispatcher dispatcher;
    private final LiabilityCounters liability;
    private final LocalEventBus bus;
    private final JsonLogger log;

    NotifyingLedgerStore(LedgerStore ledger, NotificationDispatcher dispatcher, LiabilityCounters liability,
                         LocalEventBus bus, JsonLogger log) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        this.liability = Objects.requireNonNull(liability, "liability");
        this.bus = Objects.requireNonNull(bus, "bus");
        this.log = Objects.requireNonNull(log, "log");
    }

    @Override
    public LedgerResult apply(LedgerCommand command) {
        LedgerResult result = ledger.apply(command);
        if (result instanceof LedgerResult.Applied applied) {
            notify(applied.entry());
            bus.publish(new com.memberpoints.domain.integration.IntegrationFact.Journal(applied.entry()));
        }
        return result;
    }

    private void notify(JournalEntry entry) {
        try {
            liability.record(entry); // the stream's second consumer (LiabilityStreamHandler in AWS)
        } catch (RuntimeException e) {
            log.error("local: liability counting failed (the ledger write stands)",
                    Map.of("operationId", entry.operationId().value()), e);
        }
        try {
            NotificationDispatcher.Report report = dispatcher.dispatch(List.of(entry));
            log.info("local: notifications dispatched (in place of the table stream)", Map.of(
                    "operationId", entry.operationId().value(),
                    "sent", report.count(NotificationDispatcher.Outcome.SENT)));
        } catch (RuntimeException e) {
            log.error("local: notification dispatch failed (the ledger write stands)",
                    Map.of("operationId", entry.operationId().value()), e);
        }
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
    public int expiryParts() {
        return ledger.expiryParts();
    }

    @Override
    public Page<ExpiringLot> expiring(MerchantId merchant, int part, Instant fromInclusive, Instant toExclusive,
                                      PageRequest page) {
        return ledger.expiring(merchant, part, fromInclusive, toExclusive, page);
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
