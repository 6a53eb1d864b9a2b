package com.memberpoints.domain.order;

import com.memberpoints.domain.inmemory.InMemoryAssignmentScheduler;

import com.memberpoints.domain.inmemory.InMemoryMemberStore;
import com.memberpoints.domain.inmemory.InMemoryMerchantStore;
import com.memberpoints.domain.inmemory.InMemoryOrderStore;
import com.memberpoints.domain.inmemory.InMemorySettingsStore;
import com.memberpoints.domain.ledger.EntryKind;
import com.memberpoints.domain.inmemory.InMemoryLedgerStore;
import com.memberpoints.domain.ledger.JournalEntry;
import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.member.MemberProfile;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.Money;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.domain.model.CheckoutIdentity;
import com.memberpoints.domain.model.OrderKind;
import com.memberpoints.domain.model.SalesChannel;
import com.memberpoints.domain.settings.SettingsStore;
import com.memberpoints.domain.settings.MerchantSettings;
import com.memberpoints.domain.model.TierId;
import com.memberpoints.domain.testing.Fixtures;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The lifecycle over the in-memory stores, a controlled clock and a recording scheduler. */
final class LifecycleHarness {
    static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");
    final Merchant merchant = Fixtures.merchant();
    final MerchantId shop = merchant.id();
    final MemberId alice = MemberId.of("alice");
    final InMemoryOrderStore orders = new InMemoryOrderStore();
    final InMemoryLedgerStore ledger = new InMemoryLedgerStore();
    final InMemorySettingsStore settings = new InMemorySettingsStore();
    final InMemoryMerchantStore merchants = new InMemoryMerchantStore();
    final InMemoryMemberStore members = new InMemoryMemberStore();
    final InMemoryAssignmentScheduler scheduler = new InMemoryAssignmentScheduler();
    Instant now = local(2021, 11, 29, 10, 0);
    final OrderLifecycle lifecycle;

    /** Without spread: the rules' tests read due dates as 00:00 local (the spread has its own tests). */
    LifecycleHarness(Fixtures.SettingsBuilder builder) {
        this(builder, AssignmentWindow.NONE);
    }

    LifecycleHarness(Fixtures.SettingsBuilder builder, AssignmentWindow window) {
        lifecycle = new OrderLifecycle(orders, ledger, settings, merchants, members, scheduler, () -> now, window);
        merchants.save(merchant);
        saveSettings(builder.version(1).build());
    }

    void saveSettings(MerchantSettings s) {
        long current = settings.current(shop).map(MerchantSettings::version).orElse(0L);
        SettingsStore.SaveResult r = settings.save(shop, s.withVersion(current + 1), current,
                new SettingsStore.ChangeLogEntry(Actor.SYSTEM, now, List.of()));
        if (!(r instanceof SettingsStore.SaveResult.Saved)) {
            throw new IllegalStateException("settings not saved: " + r);
        }
    }

    static Instant local(int y, int m, int d, int h, int min) {
        return LocalDateTime.of(y, m, d, h, min).atZone(TAIPEI).toInstant();
    }

    void at(int y, int m, int d, int h, int min) {
        now = local(y, m, d, h, min);
    }

    static Money twd(String s) {
        return Fixtures.twd(s);
    }

    void member(MemberId member, Optional<TierId> tier) {
        members.upsert(new MemberProfile(shop, member, Optional.empty(), Optional.of(member.value() + "@example.com"),
                Optional.empty(), Optional.of(Locale.ENGLISH), tier, now));
    }

    LifecycleOutcome place(String order, String subtotal) {
        return place(order, OrderAmounts.ofSubtotal(twd(subtotal)), CheckoutIdentity.MEMBER_LOGGED_IN, OrderKind.NORMAL);
    }

    LifecycleOutcome place(String order, OrderAmounts amounts, CheckoutIdentity identity, OrderKind kind) {
        Optional<MemberId> m = identity == CheckoutIdentity.MEMBER_LOGGED_IN ? Optional.of(alice) : Optional.empty();
        return lifecycle.handle(new OrderEvent.OrderPlaced(shop, OrderId.of(order), m, identity, SalesChannel.ONLINE, kind,
                amounts, now));
    }

    /** Placed (subtotal {@code subtotal}, alice logged in) with the delivery option {@code option}. */
    LifecycleOutcome placeWithOption(String order, String subtotal, String option) {
        return lifecycle.handle(new OrderEvent.OrderPlaced(shop, OrderId.of(order), Optional.of(alice),
                CheckoutIdentity.MEMBER_LOGGED_IN, SalesChannel.ONLINE, OrderKind.NORMAL,
                OrderAmounts.ofSubtotal(twd(subtotal)), now,
                Optional.of(com.memberpoints.domain.model.DeliveryOptionCode.of(option))));
    }

    /** A delivery status change naming the delivery option {@code option}. */
    LifecycleOutcome delivered(String order, DeliveryStatus status, String option) {
        return lifecycle.handle(new OrderEvent.OrderDeliveryStatusChanged(shop, OrderId.of(order), status, now,
                Optional.of(com.memberpoints.domain.model.DeliveryOptionCode.of(option))));
    }

    /** Fires every schedule due at or before now, as EventBridge Scheduler would; the outcomes. */
    List<LifecycleOutcome> fireDue() {
        List<LifecycleOutcome> out = new ArrayList<>();
        for (Map.Entry<OrderId, Instant> s : new ArrayList<>(scheduler.pending().entrySet())) {
            if (!s.getValue().isAfter(now)) {
                scheduler.pending().remove(s.getKey());
                out.add(lifecycle.assignDue(shop, s.getKey()));
            }
        }
        return out;
    }

    LifecycleOutcome paid(String order) {
        return lifecycle.handle(new OrderEvent.OrderPaid(shop, OrderId.of(order), Optional.empty(), now));
    }

    LifecycleOutcome paid(String order, boolean storeOpen) {
        return lifecycle.handle(new OrderEvent.OrderPaid(shop, OrderId.of(order), Optional.of(storeOpen), now));
    }

    LifecycleOutcome delivered(String order, DeliveryStatus status) {
        return lifecycle.handle(new OrderEvent.OrderDeliveryStatusChanged(shop, OrderId.of(order), status, now));
    }

    LifecycleOutcome completed(String order) {
        return lifecycle.handle(new OrderEvent.OrderCompleted(shop, OrderId.of(order), now));
    }

    LifecycleOutcome cancelled(String order) {
        return lifecycle.handle(new OrderEvent.OrderCancelled(shop, OrderId.of(order), now));
    }

    LifecycleOutcome edited(String order, long revision, String subtotal) {
        return lifecycle.handle(new OrderEvent.OrderEdited(shop, OrderId.of(order), revision,
                OrderAmounts.ofSubtotal(twd(subtotal)), now));
    }

    /** An edit without a revision (an older platform): applied in arrival order. */
    LifecycleOutcome editedWithoutRevision(String order, String subtotal) {
        return lifecycle.handle(new OrderEvent.OrderEdited(shop, OrderId.of(order), java.util.OptionalLong.empty(),
                OrderAmounts.ofSubtotal(twd(subtotal)), now));
    }

    /** A partial return of {@code amount} (TWD) under the platform's return id {@code returnId}. */
    LifecycleOutcome returned(String order, String returnId, String amount) {
        return lifecycle.handle(new OrderEvent.OrderReturned(shop, OrderId.of(order), returnId, twd(amount), List.of(),
                false, now));
    }

    /** The whole order was returned. */
    LifecycleOutcome returnedInFull(String order, String returnId) {
        return lifecycle.handle(new OrderEvent.OrderReturned(shop, OrderId.of(order), returnId, twd("0"), List.of(),
                true, now));
    }

    /** The scheduler fires the order's schedule (at the current clock). */
    LifecycleOutcome fire(String order) {
        return lifecycle.assignDue(shop, OrderId.of(order));
    }

    Order order(String order) {
        return orders.find(shop, OrderId.of(order)).orElseThrow();
    }

    long points() {
        return ledger.wallet(WalletRef.points(shop, alice)).balance();
    }

    long credits() {
        return ledger.wallet(WalletRef.credits(shop, alice)).balance();
    }

    List<JournalEntry> entries(String order) {
        return ledger.entriesForOrder(shop, alice, OrderId.of(order));
    }

    List<EntryKind> kinds(String order) {
        return entries(order).stream().map(JournalEntry::kind).toList();
    }

    /** Gives alice a lot of {@code points} expiring at {@code expiresAt}. */
    void grant(long points, Optional<Instant> expiresAt, String ref) {
        ledger.apply(LedgerCommand.manualAdd(WalletRef.points(shop, alice), ref, points, expiresAt, "seed",
                Actor.SYSTEM, now));
    }

}
