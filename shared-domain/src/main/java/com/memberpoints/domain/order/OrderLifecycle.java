package com.memberpoints.domain.order;

import com.memberpoints.domain.ledger.LedgerResult;
import com.memberpoints.domain.ledger.LedgerStore;
import com.memberpoints.domain.model.Page;
import com.memberpoints.domain.model.PageRequest;
import com.memberpoints.domain.member.MemberProfile;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.InvalidInputException;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.domain.member.MemberStore;
import com.memberpoints.domain.merchant.MerchantStore;
import com.memberpoints.domain.settings.SettingsStore;
import com.memberpoints.domain.model.TimeSource;
import com.memberpoints.domain.settings.BoundRule;
import com.memberpoints.domain.settings.MerchantSettings;
import com.memberpoints.domain.model.TierId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The order lifecycle: applies order events to the order record and the ledger, and fires scheduled and
 * reconciled assignments. Orchestration only: the state machine is {@link OrderTransitions} over {@link Order}'s
 * transition methods, the read-transition-save loop {@link OrderRecords}, the ledger side
 * {@link OrderLedgerReconciliation}, splits {@link OrderSplit}. See {@code docs/architecture.md#order-lifecycle}.
 *
 * <p>Every call has two steps. (1) <b>Transition</b>: the order record is read, the event applied to it by a
 * pure function, and the result saved with the record's optimistic version (re-read and re-applied on a
 * conflict). An event that changes nothing (a duplicate, a late event the state already covers) is not
 * written. (2) <b>Reconcile</b>: the ledger is brought to what the saved record says the order has earned
 * ({@link OrderLedgerReconciliation}); repeating it never changes the ledger twice.
 */
public final class OrderLifecycle {
    private final OrderRecords records;
    private final OrderStore orders;
    private final SettingsStore settings;
    private final MerchantStore merchants;
    private final MemberStore members;
    private final AssignmentScheduler scheduler;
    private final TimeSource clock;
    private final OrderLedgerReconciliation reconciliation;
    private final OrderSplit splits;
    private final AssignmentWindow window;

    /** With the {@link AssignmentWindow#DEFAULT} spread of scheduled assignments. */
    public OrderLifecycle(OrderStore orders, LedgerStore ledger, SettingsStore settings, MerchantStore merchants,
                          MemberStore members, AssignmentScheduler scheduler, TimeSource clock) {
        this(orders, ledger, settings, merchants, members, scheduler, clock, AssignmentWindow.DEFAULT);
    }

    /** @param window the window after the start of a due date over which scheduled assignments are spread */
    public OrderLifecycle(OrderStore orders, LedgerStore ledger, SettingsStore settings, MerchantStore merchants,
                          MemberStore members, AssignmentScheduler scheduler, TimeSource clock,
                          AssignmentWindow window) {
        this.window = Objects.requireNonNull(window, "window");
        this.orders = Objects.requireNonNull(orders, "orders");
        this.records = new OrderRecords(orders);
        this.settings = Objects.requireNonNull(settings, "settings");
        this.merchants = Objects.requireNonNull(merchants, "merchants");
        this.members = Objects.requireNonNull(members, "members");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.reconciliation = new OrderLedgerReconciliation(Objects.requireNonNull(ledger, "ledger"));
        this.splits = new OrderSplit(records, ledger, reconciliation);
    }

    // ------------------------------------------------------------------------------------------ entry points

    /** A member profile changed on the platform; older profiles never replace newer ones. */
    public MemberStore.UpsertResult upsertMember(MemberProfile profile) {
        return members.upsert(profile);
    }

    /**
     * Applies one order event.
     *
     * @throws OrderNotKnownException  the order (or its merchant) is not known yet: retry later
     * @throws InvalidInputException   the event contradicts what is known (wrong currency, a split that
     *                                 re-allocates more than was redeemed); nothing was written
     */
    public LifecycleOutcome handle(OrderEvent event) {
        Objects.requireNonNull(event, "event");
        Merchant merchant = merchant(event.merchant(), event.order());
        MerchantSettings current = settings.currentOrDefaults(merchant.id());
        OrderTransitions rules = new OrderTransitions(merchant, current.points().assignment(), clock.now(), window,
                current.deliveryOptions());
        if (event instanceof OrderEvent.OrderSplit split) {
            return splits.split(rules, split);
        }
        Function<Optional<Order>, OrderRecords.Step> step = existing -> {
            if (event instanceof OrderEvent.OrderPlaced placed) {
                return existing.map(o -> new OrderRecords.Step(o, "duplicate"))
                        .orElseGet(() -> new OrderRecords.Step(place(rules, current, placed), "placed"));
            }
            Order o = existing.orElseThrow(() -> new OrderNotKnownException(event.merchant(), event.order()));
            return rules.apply(o, event);
        };
        OrderRecords.Saved saved = event instanceof OrderEvent.OrderPlaced placed
                ? placeBlind(rules, current, placed).map(fresh -> records.create(fresh, "placed", step))
                        .orElseGet(() -> records.transition(event.merchant(), event.order(), step))
                : records.transition(event.merchant(), event.order(), step);
        List<LedgerResult> results = new ArrayList<>();
        if (event instanceof OrderEvent.OrderPlaced) {
            reconciliation.confirmHolds(saved.order());
        }
        Order reconciled = reconcile(merchant, saved.order(), rules.now(), results);
        reconcileSchedule(rules, reconciled, event);
        if (saved.transition().equals("returned-schedule-removed")) {
            scheduler.cancel(saved.order().merchant(), saved.order().id()); // SPEC §4a: returned before assignment
        }
        Optional<FinalStatusRule> rule = event instanceof OrderEvent.OrderDeliveryStatusChanged d
                ? Optional.of(FinalStatusRule.of(d.deliveryOption().or(() -> saved.order().delivery().option()),
                        current.deliveryOptions()))
                : Optional.empty();
        return new LifecycleOutcome(event.order(), saved.transition(), results, rule);
    }

    /** The one-time schedule of an order fired (or the daily reconcile found it overdue): assign if still owed. */
    public LifecycleOutcome assignDue(MerchantId merchantId, OrderId orderId) {
        Merchant merchant = merchant(merchantId, orderId);
        OrderTransitions rules = new OrderTransitions(merchant,
                settings.currentOrDefaults(merchantId).points().assignment(), clock.now(), window);
        OrderRecords.Saved saved = records.transition(merchantId, orderId, existing -> rules.onScheduleFired(
                existing.orElseThrow(() -> new OrderNotKnownException(merchantId, orderId))));
        List<LedgerResult> results = new ArrayList<>();
        reconcile(merchant, saved.order(), rules.now(), results);
        return new LifecycleOutcome(orderId, saved.transition(), results);
    }

    /** What the reconcile run of one merchant did. */
    public record ReconcileReport(int examined, int assigned, boolean complete) {}

    /**
     * Assigns every order of {@code merchant} whose assignment fell due before {@code now - grace} and was
     * not made (a schedule lost or dead-lettered). Reads only such orders (the store's due index).
     */
    public ReconcileReport reconcileOverdue(MerchantId merchant, Duration grace, int maxOrders) {
        Instant dueBefore = clock.now().minus(grace);
        int examined = 0;
        int assigned = 0;
        Optional<String> cursor = Optional.empty();
        do {
            Page<Order> page = orders.awaitingAssignment(merchant, dueBefore, new PageRequest(cursor, 100));
            for (Order o : page.items()) {
                if (examined >= maxOrders) {
                    return new ReconcileReport(examined, assigned, false);
                }
                examined++;
                LifecycleOutcome out = assignDue(merchant, o.id());
                if (out.transition().equals("assigned")) {
                    assigned++;
                }
            }
            cursor = page.nextCursor();
        } while (cursor.isPresent());
        return new ReconcileReport(examined, assigned, true);
    }

    /**
     * The placed order, built before the record is read (a first placement then needs no read: {@link
     * OrderRecords#create}); empty when the event is refused, so the read path decides — a duplicate of an order
     * already stored stays a "duplicate" whatever it carries, anything else is refused as before.
     */
    private Optional<Order> placeBlind(OrderTransitions rules, MerchantSettings current, OrderEvent.OrderPlaced e) {
        try {
            return Optional.of(place(rules, current, e));
        } catch (InvalidInputException refused) {
            return Optional.empty();
        }
    }

    /** A new order, bound to the rule in force at its placement for its member's tier. */
    private Order place(OrderTransitions rules, MerchantSettings current, OrderEvent.OrderPlaced e) {
        rules.requireCurrency(e.amounts(), "amounts");
        Optional<TierId> tier = e.member().flatMap(m -> members.find(e.merchant(), m)).flatMap(MemberProfile::tier);
        BoundRule rule = BoundRule.bind(settingsInForceAt(rules.merchant(), current, e.at()), tier);
        return Order.placed(e, rule, rules.merchant().currency());
    }

    /**
     * Reconciles the ledger with {@code o}; points the member had already spent when the order's points went down
     * are recorded on the order as not recovered (a second, rare write), so no later event tries again.
     */
    private Order reconcile(Merchant merchant, Order o, Instant now, List<LedgerResult> results) {
        long notRecovered = reconciliation.reconcile(merchant, o, now, results);
        if (notRecovered <= 0) {
            return o;
        }
        return records.transition(o.merchant(), o.id(), existing -> {
            Order current = existing.orElseThrow(() -> new OrderNotKnownException(o.merchant(), o.id()));
            return new OrderRecords.Step(current.notRecovered(notRecovered), "points-not-recovered");
        }).order();
    }

    private void reconcileSchedule(OrderTransitions rules, Order o, OrderEvent event) {
        Optional<Instant> due = o.earned().scheduledFor();
        if (due.isEmpty()) {
            return;
        }
        boolean owed = !o.isVoided() && !o.earned().hasAssignedPoints();
        if (owed && event instanceof OrderEvent.OrderDeliveryStatusChanged) {
            scheduler.schedule(o.merchant(), o.id(), due.get(), rules.merchant().zone());
        } else if (!owed && (event instanceof OrderEvent.OrderCancelled || event instanceof OrderEvent.OrderCompleted
                || event instanceof OrderEvent.OrderReturned) && due.get().isAfter(rules.now())) {
            scheduler.cancel(o.merchant(), o.id());
        }
    }

    // ------------------------------------------------------------------------------------------ helpers

    private Merchant merchant(MerchantId merchant, OrderId order) {
        return merchants.find(merchant).orElseThrow(() -> new OrderNotKnownException(merchant, order));
    }

    /** Activity-log pages read at most to find the version in force at a placement (newest first). */
    static final int MAX_LOG_PAGES = 5;

    /**
     * The settings version in force at {@code placedAt}: the newest version saved at or before it, found in the
     * activity log (newest first; usually its first entry, the current version). A placement event delayed across
     * a settings change thus binds the version the order was placed under. Falls back to the current settings
     * when the log does not reach that far back (or the merchant has saved none).
     */
    private MerchantSettings settingsInForceAt(Merchant merchant, MerchantSettings current, Instant placedAt) {
        Optional<String> cursor = Optional.empty();
        for (int page = 0; page < MAX_LOG_PAGES; page++) {
            Page<SettingsStore.ActivityLogEntry> log = settings.activityLog(merchant.id(),
                    new PageRequest(cursor, 20));
            for (SettingsStore.ActivityLogEntry entry : log.items()) {
                if (!entry.at().isAfter(placedAt)) {
                    return entry.version() == current.version()
                            ? current
                            : settings.byVersion(merchant.id(), entry.version()).orElse(current);
                }
            }
            if (log.nextCursor().isEmpty()) {
                return current;
            }
            cursor = log.nextCursor();
        }
        return current;
    }

}
