package com.memberpoints.functions.events;

import com.memberpoints.domain.inmemory.InMemoryAssignmentScheduler;

import com.memberpoints.domain.inmemory.InMemoryMemberStore;
import com.memberpoints.domain.inmemory.InMemoryMerchantStore;
import com.memberpoints.domain.inmemory.InMemoryOrderStore;
import com.memberpoints.domain.inmemory.InMemorySettingsStore;
import com.memberpoints.domain.inmemory.InMemoryLedgerStore;
import com.memberpoints.domain.ledger.JournalEntry;
import com.memberpoints.domain.ledger.LedgerStore;
import com.memberpoints.domain.sweep.LedgerSweeps;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.order.OrderLifecycle;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.domain.order.AssignmentScheduler;
import com.memberpoints.domain.member.MemberStore;
import com.memberpoints.domain.merchant.MerchantStore;
import com.memberpoints.domain.order.OrderStore;
import com.memberpoints.domain.settings.SettingsStore;
import com.memberpoints.domain.settings.AssignmentPolicy;
import com.memberpoints.domain.settings.Channels;
import com.memberpoints.domain.settings.CreditRule;
import com.memberpoints.domain.settings.CreditType;
import com.memberpoints.domain.settings.CreditValidity;
import com.memberpoints.domain.settings.EarnRate;
import com.memberpoints.domain.settings.EarnRule;
import com.memberpoints.domain.settings.ExpiryPolicy;
import com.memberpoints.domain.settings.MerchantSettings;
import com.memberpoints.domain.settings.OrderRewardCredits;
import com.memberpoints.domain.settings.PointsProgram;
import com.memberpoints.domain.settings.RedeemCap;
import com.memberpoints.domain.settings.RedeemRule;
import com.memberpoints.functions.platform.CapturedLog;
import com.memberpoints.functions.platform.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The three order handlers over the in-memory stores (or any given stores), a controlled clock and a recording
 * scheduler that can fire its schedules through {@link ScheduledAssignmentHandler} as EventBridge Scheduler would.
 */
final class HandlerHarness {
    static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");
    static final Currency TWD = Currency.getInstance("TWD");
    final MerchantId shop = MerchantId.of("shop-1");
    final MemberId alice = MemberId.of("m-42");
    final Merchant merchant = new Merchant(shop, "Shop One", TWD, TAIPEI, Locale.ENGLISH, Set.of(), true, true, Set.of());
    final OrderStore orders;
    final LedgerStore ledger;
    final SettingsStore settings;
    final MerchantStore merchants;
    final MemberStore members;
    final InMemoryAssignmentScheduler scheduler = new InMemoryAssignmentScheduler();
    final CapturedLog log = new CapturedLog();
    Instant now = local(2021, 11, 29, 10, 0);
    final OrderEventsHandler events;
    final ScheduledAssignmentHandler assignments;
    final DailySweepHandler sweep;

    HandlerHarness() {
        this(new InMemoryOrderStore(), new InMemoryLedgerStore(), new InMemorySettingsStore(),
                new InMemoryMerchantStore(), new InMemoryMemberStore());
    }

    HandlerHarness(OrderStore orders, LedgerStore ledger, SettingsStore settings, MerchantStore merchants,
                   MemberStore members) {
        this.orders = orders;
        this.ledger = ledger;
        this.settings = settings;
        this.merchants = merchants;
        this.members = members;
        // without the assignment spread: these rule tests read due dates as 00:00 local (AssignmentWindow has its own)
        OrderLifecycle lifecycle = new OrderLifecycle(orders, ledger, settings, merchants, members, scheduler,
                () -> now, com.memberpoints.domain.order.AssignmentWindow.NONE);
        events = new OrderEventsHandler(lifecycle, log.logger());
        assignments = new ScheduledAssignmentHandler(lifecycle, log.logger());
        sweep = new DailySweepHandler(merchants, new LedgerSweeps(ledger), lifecycle, () -> now,
                SweepSettings.DEFAULTS, log.logger());
        merchants.save(merchant);
    }

    static Instant local(int y, int m, int d, int h, int min) {
        return LocalDateTime.of(y, m, d, h, min).atZone(TAIPEI).toInstant();
    }

    void at(int y, int m, int d, int h, int min) {
        now = local(y, m, d, h, min);
    }

    /** Saves settings: store earn rate "spend → points", annual expiry 31 Dec, the given assignment and credit rule. */
    void settings(String spend, long points, AssignmentPolicy assignment, CreditRule credits) {
        long current = settings.current(shop).map(MerchantSettings::version).orElse(0L);
        MerchantSettings s = MerchantSettings.of(current + 1,
                new PointsProgram(true, new EarnRule(true, EarnRate.of(spend, points)), Channels.DEFAULT,
                        ExpiryPolicy.annual(12, 31), assignment),
                new RedeemRule(true, 10, BigDecimal.ZERO, RedeemCap.NONE), List.of(),
                new OrderRewardCredits(credits != null, credits != null ? credits
                        : new CreditRule(new BigDecimal("100"), CreditType.fixed("10", false), CreditValidity.NEVER)),
                Map.of());
        settings.save(shop, s, current, new SettingsStore.ChangeLogEntry(Actor.SYSTEM, now, List.of()));
    }

    static CreditRule credits(String minimum, String credit, boolean cumulative) {
        return new CreditRule(new BigDecimal(minimum), CreditType.fixed(credit, cumulative), CreditValidity.NEVER);
    }

    // ------------------------------------------------------------------------ events as the platform sends them

    JsonObject send(String detailType, String detailJson) {
        String envelope = "{\"version\":\"0\",\"id\":\"e-" + detailType + "\",\"source\":\"commerce.platform\","
                + "\"detail-type\":\"" + detailType + "\",\"account\":\"123456789012\",\"time\":\"" + now
                + "\",\"region\":\"us-east-1\",\"resources\":[],\"detail\":" + detailJson + "}";
        return events.handle(envelope);
    }

    JsonObject placed(String order, String subtotal, String checkout) {
        String member = checkout.equals("MEMBER_LOGGED_IN") ? "\"memberId\":\"" + alice.value() + "\"," : "";
        return send("OrderPlaced", "{\"merchantId\":\"shop-1\",\"orderId\":\"" + order + "\"," + member
                + "\"checkout\":\"" + checkout + "\",\"channel\":\"ONLINE\",\"amounts\":{\"currency\":\"TWD\","
                + "\"itemSubtotal\":\"" + subtotal + "\"},\"placedAt\":\"" + now + "\"}");
    }

    JsonObject placed(String order, String subtotal) {
        return placed(order, subtotal, "MEMBER_LOGGED_IN");
    }

    JsonObject paid(String order) {
        return send("OrderPaid", "{\"merchantId\":\"shop-1\",\"orderId\":\"" + order + "\",\"paidAt\":\"" + now + "\"}");
    }

    JsonObject delivery(String order, String status) {
        return send("OrderDeliveryStatusChanged", "{\"merchantId\":\"shop-1\",\"orderId\":\"" + order
                + "\",\"status\":\"" + status + "\",\"changedAt\":\"" + now + "\"}");
    }

    /** Placed by alice (logged in) with the delivery option {@code option} (SPEC §4a). */
    JsonObject placedWithOption(String order, String subtotal, String option) {
        return send("OrderPlaced", "{\"merchantId\":\"shop-1\",\"orderId\":\"" + order + "\",\"memberId\":\""
                + alice.value() + "\",\"checkout\":\"MEMBER_LOGGED_IN\",\"channel\":\"ONLINE\",\"amounts\":"
                + "{\"currency\":\"TWD\",\"itemSubtotal\":\"" + subtotal + "\"},\"placedAt\":\"" + now
                + "\",\"deliveryOption\":\"" + option + "\"}");
    }

    /** A delivery status change naming the delivery option {@code option}. */
    JsonObject delivery(String order, String status, String option) {
        return send("OrderDeliveryStatusChanged", "{\"merchantId\":\"shop-1\",\"orderId\":\"" + order
                + "\",\"status\":\"" + status + "\",\"changedAt\":\"" + now + "\",\"deliveryOption\":\""
                + option + "\"}");
    }

    JsonObject completed(String order) {
        return send("OrderCompleted", "{\"merchantId\":\"shop-1\",\"orderId\":\"" + order + "\",\"completedAt\":\""
                + now + "\"}");
    }

    JsonObject cancelled(String order) {
        return send("OrderCancelled", "{\"merchantId\":\"shop-1\",\"orderId\":\"" + order + "\",\"cancelledAt\":\""
                + now + "\"}");
    }

    JsonObject edited(String order, int revision, String subtotal) {
        return send("OrderEdited", "{\"merchantId\":\"shop-1\",\"orderId\":\"" + order + "\",\"revision\":" + revision
                + ",\"amounts\":{\"currency\":\"TWD\",\"itemSubtotal\":\"" + subtotal + "\"},\"editedAt\":\"" + now
                + "\"}");
    }

    JsonObject returned(String order, String returnId, String amount) {
        return send("OrderReturned", "{\"merchantId\":\"shop-1\",\"orderId\":\"" + order + "\",\"returnId\":\""
                + returnId + "\",\"currency\":\"TWD\",\"returnedAmount\":\"" + amount + "\",\"returnedAt\":\"" + now
                + "\"}");
    }

    JsonObject returnedInFull(String order, String returnId) {
        return send("OrderReturned", "{\"merchantId\":\"shop-1\",\"orderId\":\"" + order + "\",\"returnId\":\""
                + returnId + "\",\"currency\":\"TWD\",\"full\":true,\"returnedAt\":\"" + now + "\"}");
    }

    /** EventBridge Scheduler fires every schedule due at the current clock, through the handler. */
    List<JsonObject> fireDueSchedules() {
        List<JsonObject> results = new ArrayList<>();
        for (var e : List.copyOf(scheduler.pending().entrySet())) {
            if (!e.getValue().isAfter(now)) {
                scheduler.pending().remove(e.getKey());
                results.add(assignments.handle("{\"merchantId\":\"shop-1\",\"orderId\":\"" + e.getKey().value() + "\"}"));
            }
        }
        return results;
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

}
