package com.memberpoints.domain.order;

import com.memberpoints.domain.expiry.ExpiryCalculator;
import com.memberpoints.domain.earning.CreditsOutcome;
import com.memberpoints.domain.earning.Earning;
import com.memberpoints.domain.ledger.EntryKind;
import com.memberpoints.domain.ledger.JournalEntry;
import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.ledger.LedgerResult;
import com.memberpoints.domain.ledger.LedgerStore;
import com.memberpoints.domain.model.Page;
import com.memberpoints.domain.model.PageRequest;
import com.memberpoints.domain.ledger.Wallet;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.member.MemberProfile;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.InvalidInputException;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.domain.member.MemberStore;
import com.memberpoints.domain.merchant.MerchantStore;
import com.memberpoints.domain.settings.SettingsStore;
import com.memberpoints.domain.model.TimeSource;
import com.memberpoints.domain.settings.AssignmentPolicy;
import com.memberpoints.domain.settings.BoundRule;
import com.memberpoints.domain.settings.CreditRule;
import com.memberpoints.domain.settings.MerchantSettings;
import com.memberpoints.domain.model.TierId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The order lifecycle: applies order events to the order record and the ledger, and fires scheduled and
 * reconciled assignments. See {@code docs/architecture.md#order-lifecycle} for the state machine.
 *
 * <p>Every call has two steps. (1) <b>Transition</b>: the order record is read, the event applied to it by a
 * pure function, and the result saved with the record's optimistic version (re-read and re-applied on a
 * conflict). An event that changes nothing (a duplicate, a late event the state already covers) is not
 * written. (2) <b>Reconcile</b>: the ledger is brought to what the saved record says the order has earned,
 * with deterministic operation ids: points {@code EARN} once per order, then {@code EARN_ADJUST} entries by
 * the difference after edits or cancellation; reward credits {@code REWARD_CREDIT} once per order; redemption
 * holds confirmed on placement, reverted on cancellation. Reconciling reads the order's journal entries
 * first and writes only what is missing, so repeating it — a duplicate event, a retry after a crash
 * between the two steps — never changes the ledger twice.
 */
public final class OrderLifecycle {
    /** Attempts of the read-transition-save loop under concurrent writers of one order. */
    static final int MAX_SAVE_ATTEMPTS = 8;
    /** Attempts of reconciling the ledger (a concurrent reconciler may have changed the order's entries). */
    static final int MAX_RECONCILE_ROUNDS = 4;

    private final OrderStore orders;
    private final LedgerStore ledger;
    private final SettingsStore settings;
    private final MerchantStore merchants;
    private final MemberStore members;
    private final AssignmentScheduler scheduler;
    private final TimeSource clock;
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
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.merchants = Objects.requireNonNull(merchants, "merchants");
        this.members = Objects.requireNonNull(members, "members");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.clock = Objects.requireNonNull(clock, "clock");
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
        if (event instanceof OrderEvent.OrderSplit split) {
            return split(merchant, split);
        }
        Context ctx = new Context(merchant, currentSettings(merchant.id()), clock.now());
        Saved saved = transition(event.merchant(), event.order(), existing -> apply(ctx, existing, event));
        List<LedgerResult> results = new ArrayList<>();
        if (event instanceof OrderEvent.OrderPlaced) {
            confirmHolds(saved.order(), results);
        }
        reconcileLedger(ctx, saved.order(), results);
        reconcileSchedule(ctx, saved.order(), event);
        return new LifecycleOutcome(event.order(), saved.transition(), results);
    }

    /** The one-time schedule of an order fired (or the daily reconcile found it overdue): assign if still owed. */
    public LifecycleOutcome assignDue(MerchantId merchantId, OrderId orderId) {
        Merchant merchant = merchant(merchantId, orderId);
        Context ctx = new Context(merchant, currentSettings(merchantId), clock.now());
        Saved saved = transition(merchantId, orderId, existing -> {
            Order o = existing.orElseThrow(() -> new OrderNotKnownException(merchantId, orderId));
            if (o.earned().scheduledFor().isEmpty() || !o.delivery().status().isFinal()) {
                return new Step(o, "not-scheduled");
            }
            return switch (AssignmentPlanner.onScheduleFired(o.earned().hasAssignedPoints(),
                    o.status() == OrderStatus.CANCELLED, ctx.now())) {
                // Points belong to the due date: the expiry is computed from it even when the run is late.
                case AssignmentPlan.AssignNow a -> new Step(assign(o, o.earned().scheduledFor().get()), "assigned");
                case AssignmentPlan.Nothing n -> new Step(o, n.why());
                case AssignmentPlan.Schedule s -> new Step(o, "unexpected");
            };
        });
        List<LedgerResult> results = new ArrayList<>();
        reconcileLedger(ctx, saved.order(), results);
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

    // ------------------------------------------------------------------------------------------ transitions

    private record Context(Merchant merchant, MerchantSettings settings, Instant now) {
        AssignmentPolicy policy() {
            return settings.points().assignment();
        }
    }

    /** The record after an event, and a word for the log. Returning the same record means "nothing to save". */
    private record Step(Order order, String transition) {}

    private record Saved(Order order, String transition) {}

    private Step apply(Context ctx, Optional<Order> existing, OrderEvent event) {
        if (event instanceof OrderEvent.OrderPlaced placed) {
            return existing.map(o -> new Step(o, "duplicate")).orElseGet(() -> new Step(place(ctx, placed), "placed"));
        }
        Order o = existing.orElseThrow(() -> new OrderNotKnownException(event.merchant(), event.order()));
        return switch (event) {
            case OrderEvent.OrderPaid paid -> onPaid(ctx, o, paid);
            case OrderEvent.OrderDeliveryStatusChanged d -> onDelivery(ctx, o, d);
            case OrderEvent.OrderCompleted c -> onCompleted(ctx, o, c);
            case OrderEvent.OrderCancelled c -> o.status() == OrderStatus.CANCELLED
                    ? new Step(o, "duplicate")
                    : new Step(with(o, OrderStatus.CANCELLED, o.payment(), o.delivery(), o.completedAt(), o.amounts(),
                            o.earned()), "cancelled");
            case OrderEvent.OrderEdited e -> onEdited(ctx, o, e.amounts(), e.revision());
            case OrderEvent.OrderPlaced p -> throw new IllegalStateException("handled above");
            case OrderEvent.OrderSplit s -> throw new IllegalStateException("handled by split()");
        };
    }

    private Order place(Context ctx, OrderEvent.OrderPlaced e) {
        requireCurrency(ctx, e.amounts(), "amounts");
        Optional<TierId> tier = e.member().flatMap(m -> members.find(e.merchant(), m)).flatMap(MemberProfile::tier);
        BoundRule rule = BoundRule.bind(settingsInForceAt(ctx, e.at()), tier);
        return new Order(e.merchant(), e.order(), e.member(), e.identity(), e.channel(), e.kind(), Optional.empty(),
                e.at(), e.amounts(), rule, OrderStatus.OPEN, Optional.empty(), Delivery.PENDING, Optional.empty(),
                EarnRecord.nothing(ctx.merchant().currency()), 0);
    }

    private Step onPaid(Context ctx, Order o, OrderEvent.OrderPaid e) {
        if (o.isPaid()) {
            return new Step(o, "duplicate");
        }
        Payment payment = new Payment(e.at(), e.storeOpen().orElse(ctx.merchant().open()));
        EarnRecord earned = o.earned();
        String what = "paid";
        if (o.status() != OrderStatus.CANCELLED && !earned.hasAwardedCredits()
                && AssignmentPlanner.creditsOnPaid(ctx.policy(), e.at()) instanceof AssignmentPlan.AssignNow) {
            earned = awardCredits(o, earned, payment.storeOpen(), e.at());
            what = "paid-credits-decided";
        }
        return new Step(with(o, o.status(), Optional.of(payment), o.delivery(), o.completedAt(), o.amounts(), earned),
                what);
    }

    private Step onDelivery(Context ctx, Order o, OrderEvent.OrderDeliveryStatusChanged e) {
        if (o.delivery().status().isFinal()) {
            return new Step(o, "duplicate");
        }
        if (!e.status().isFinal()) {
            if (o.delivery().status() == e.status()) {
                return new Step(o, "duplicate");
            }
            return new Step(with(o, o.status(), o.payment(), new Delivery(e.status(), Optional.empty()),
                    o.completedAt(), o.amounts(), o.earned()), "delivery-" + e.status());
        }
        Delivery delivered = new Delivery(e.status(), Optional.of(e.at()));
        Order d = with(o, o.status(), o.payment(), delivered, o.completedAt(), o.amounts(), o.earned());
        if (o.status() == OrderStatus.CANCELLED || o.earned().hasAssignedPoints()) {
            return new Step(d, "delivered");
        }
        return switch (AssignmentPlanner.onDelivered(ctx.policy(), e.at(), ctx.merchant().zone(), window,
                o.merchant(), o.id())) {
            case AssignmentPlan.AssignNow a -> new Step(assign(d, a.at()), "assigned");
            case AssignmentPlan.Schedule s -> {
                EarnRecord er = d.earned();
                Order scheduled = withEarned(d, new EarnRecord(er.pointsAssigned(), er.pointsAssignedAt(),
                        Optional.of(s.dueAt()), er.creditsAwarded(), er.creditsAwardedAt()));
                // A late event whose due date has passed assigns now, dated on the due date.
                yield s.dueAt().isAfter(ctx.now())
                        ? new Step(scheduled, "scheduled")
                        : new Step(assign(scheduled, s.dueAt()), "assigned");
            }
            case AssignmentPlan.Nothing n -> new Step(d, "delivered");
        };
    }

    private Step onCompleted(Context ctx, Order o, OrderEvent.OrderCompleted e) {
        if (o.status() == OrderStatus.COMPLETED) {
            return new Step(o, "duplicate");
        }
        if (o.status() == OrderStatus.CANCELLED) {
            return new Step(o, "ignored-cancelled");
        }
        Order c = with(o, OrderStatus.COMPLETED, o.payment(), o.delivery(), Optional.of(e.at()), o.amounts(),
                o.earned());
        String what = "completed";
        if (!c.earned().hasAssignedPoints()
                && AssignmentPlanner.onCompleted(ctx.policy(), e.at()) instanceof AssignmentPlan.AssignNow) {
            c = assign(c, e.at());
            what = "assigned";
        }
        if (!c.earned().hasAwardedCredits()
                && AssignmentPlanner.creditsOnCompleted(ctx.policy(), e.at()) instanceof AssignmentPlan.AssignNow) {
            boolean open = c.payment().map(Payment::storeOpen).orElse(ctx.merchant().open());
            c = withEarned(c, awardCredits(c, c.earned(), open, e.at()));
        }
        return new Step(c, what);
    }

    /**
     * An edit carrying a revision at or below the last applied one is older than what the order holds: ignored
     * ("stale-edit"; equal = "duplicate"). One without a revision applies in arrival order and leaves the last
     * revision as it is (docs/decisions.md, "Order lifecycle").
     */
    private Step onEdited(Context ctx, Order o, OrderAmounts amounts, OptionalLong revision) {
        requireCurrency(ctx, amounts, "amounts");
        if (revision.isPresent() && revision.getAsLong() <= o.lastEditRevision()) {
            return new Step(o, revision.getAsLong() == o.lastEditRevision() ? "duplicate" : "stale-edit");
        }
        long lastRevision = revision.orElse(o.lastEditRevision());
        if (amounts.equals(o.amounts())) {
            return lastRevision == o.lastEditRevision()
                    ? new Step(o, "duplicate")
                    : new Step(withRevision(o, lastRevision), "edited-same-amounts");
        }
        Order edited = withRevision(with(o, o.status(), o.payment(), o.delivery(), o.completedAt(), amounts,
                o.earned()), lastRevision);
        if (o.earned().hasAssignedPoints()) {
            EarnRecord er = o.earned();
            long points = Earning.points(o.rule(), o.earnFacts(), amounts.earnBase()).points();
            edited = withEarned(edited, new EarnRecord(points, er.pointsAssignedAt(), er.scheduledFor(),
                    er.creditsAwarded(), er.creditsAwardedAt()));
            return new Step(edited, "edited-after-assignment");
        }
        return new Step(edited, "edited");
    }

    /** Points decided at {@code at} under the bound rule on the latest amounts (0 when not earned). */
    private static Order assign(Order o, Instant at) {
        long points = Earning.points(o.rule(), o.earnFacts(), o.amounts().earnBase()).points();
        EarnRecord er = o.earned();
        return withEarned(o, new EarnRecord(points, Optional.of(at), er.scheduledFor(), er.creditsAwarded(),
                er.creditsAwardedAt()));
    }

    private static EarnRecord awardCredits(Order o, EarnRecord er, boolean storeOpen, Instant at) {
        CreditsOutcome credits = Earning.credits(o.rule(), o.earnFacts(), o.amounts().earnBase(), storeOpen);
        return new EarnRecord(er.pointsAssigned(), er.pointsAssignedAt(), er.scheduledFor(), credits.credits(),
                Optional.of(at));
    }

    private static Order with(Order o, OrderStatus status, Optional<Payment> payment, Delivery delivery,
                              Optional<Instant> completedAt, OrderAmounts amounts, EarnRecord earned) {
        return new Order(o.merchant(), o.id(), o.member(), o.identity(), o.channel(), o.kind(), o.parentOrder(),
                o.placedAt(), amounts, o.rule(), status, payment, delivery, completedAt, earned, o.version(),
                o.lastEditRevision());
    }

    private static Order withRevision(Order o, long lastEditRevision) {
        return new Order(o.merchant(), o.id(), o.member(), o.identity(), o.channel(), o.kind(), o.parentOrder(),
                o.placedAt(), o.amounts(), o.rule(), o.status(), o.payment(), o.delivery(), o.completedAt(),
                o.earned(), o.version(), lastEditRevision);
    }

    private static Order withEarned(Order o, EarnRecord earned) {
        return with(o, o.status(), o.payment(), o.delivery(), o.completedAt(), o.amounts(), earned);
    }

    private static Order withVersion(Order o, long version) {
        return o.withVersion(version);
    }

    /** Read, apply, save with the optimistic version; on a conflict start again from a fresh read. */
    private Saved transition(MerchantId merchant, OrderId order, java.util.function.Function<Optional<Order>, Step> f) {
        for (int attempt = 1; ; attempt++) {
            Optional<Order> existing = orders.find(merchant, order);
            Step step = f.apply(existing);
            if (existing.isPresent() && step.order().equals(existing.get())) {
                return new Saved(step.order(), step.transition());
            }
            switch (orders.save(step.order())) {
                case OrderStore.SaveResult.Saved s -> {
                    return new Saved(withVersion(step.order(), s.version()), step.transition());
                }
                case OrderStore.SaveResult.Conflict c -> {
                    if (attempt >= MAX_SAVE_ATTEMPTS) {
                        throw new OrderStore.OrderStoreException("order " + order.value() + " kept changing under "
                                + attempt + " attempts to save it", null);
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------ reconcile

    private void confirmHolds(Order o, List<LedgerResult> results) {
        if (o.member().isEmpty() || o.status() == OrderStatus.CANCELLED) {
            return;
        }
        ledger.confirmHold(WalletRef.points(o.merchant(), o.member().get()), o.id());
        ledger.confirmHold(WalletRef.credits(o.merchant(), o.member().get()), o.id());
    }

    /**
     * Brings the ledger to what {@code o} says: points net = assigned points (0 once cancelled), reward
     * credits once, redemptions reverted once cancelled. Idempotent.
     */
    private void reconcileLedger(Context ctx, Order o, List<LedgerResult> results) {
        if (o.member().isEmpty()) {
            return;
        }
        MemberId member = o.member().get();
        boolean cancelled = o.status() == OrderStatus.CANCELLED;
        if (cancelled) {
            for (WalletRef w : List.of(WalletRef.points(o.merchant(), member), WalletRef.credits(o.merchant(), member))) {
                results.add(ledger.apply(LedgerCommand.revertRedemption(w, o.id(), Actor.SYSTEM,
                        ctx.now())));
                if (!o.isSplitChild()) {
                    // A split parent's remaining share lives under its remainder id (NotApplicable otherwise).
                    results.add(ledger.apply(LedgerCommand.revertRedemption(w, splitRemainderId(o.id()),
                            Actor.SYSTEM, ctx.now())));
                }
            }
        }
        boolean pointsOwed = o.earned().hasAssignedPoints();
        boolean creditsOwed = o.earned().hasAwardedCredits() && o.earned().creditsAwarded().isPositive();
        if (!pointsOwed && !creditsOwed) {
            return;
        }
        for (int round = 1; round <= MAX_RECONCILE_ROUNDS; round++) {
            List<JournalEntry> entries = ledger.entriesForOrder(o.merchant(), member, o.id());
            Optional<LedgerCommand> next = nextCommand(ctx, o, member, entries);
            if (next.isEmpty()) {
                return;
            }
            LedgerResult r = ledger.apply(next.get());
            results.add(r);
            if (r instanceof LedgerResult.InsufficientBalance ib && next.get() instanceof LedgerCommand.Debit d) {
                // The member already spent the points: take back what is there now; the rest is forgiven
                // (logged by the caller from the outcome).
                if (ib.available() > 0) {
                    results.add(ledger.apply(new LedgerCommand.Debit(d.wallet(), d.kind(), ib.available(), d.order(),
                            d.reference() + "-partial", "", d.actor(), d.at(), false)));
                }
                return;
            }
            if (r instanceof LedgerResult.OperationIdConflict || r instanceof LedgerResult.NotApplicable) {
                continue;
            }
        }
    }

    /** The next command the order's entries are missing, if any (one at a time, re-reading in between). */
    private Optional<LedgerCommand> nextCommand(Context ctx, Order o, MemberId member, List<JournalEntry> entries) {
        EarnRecord er = o.earned();
        boolean hasEarn = false;
        long pointsNet = 0;
        int adjustments = 0;
        boolean hasCredit = false;
        for (JournalEntry e : entries) {
            if (e.wallet().wallet() == Wallet.POINTS) {
                switch (e.kind()) {
                    case EARN -> {
                        hasEarn = true;
                        pointsNet += e.delta();
                    }
                    case EARN_ADJUST_ADD, EARN_ADJUST_DEDUCT -> {
                        adjustments++;
                        pointsNet += e.delta();
                    }
                    default -> { }
                }
            } else if (e.kind() == EntryKind.REWARD_CREDIT) {
                hasCredit = true;
            }
        }
        if (er.hasAwardedCredits() && er.creditsAwarded().isPositive() && !hasCredit) {
            Instant at = er.creditsAwardedAt().get();
            Optional<Instant> expires = Earning.applicableCreditRule(o.rule()).map(CreditRule::validity)
                    .flatMap(v -> ExpiryCalculator.creditsExpiry(v, at, ctx.merchant().zone()).instant());
            return Optional.of(LedgerCommand.rewardCredit(o.merchant(), member, o.id(), er.creditsAwarded().toMinor(),
                    expires, at));
        }
        if (!er.hasAssignedPoints()) {
            return Optional.empty();
        }
        long target = o.status() == OrderStatus.CANCELLED ? 0 : er.pointsAssigned();
        Instant assignedAt = er.pointsAssignedAt().get();
        Optional<Instant> expires = ExpiryCalculator.pointsExpiry(o.rule().expiry(), assignedAt, ctx.merchant().zone())
                .instant();
        if (!hasEarn) {
            return target > 0
                    ? Optional.of(LedgerCommand.earn(o.merchant(), member, o.id(), target, expires, assignedAt))
                    : Optional.empty();
        }
        if (pointsNet == target) {
            return Optional.empty();
        }
        // One adjustment per step, named by how many came before: the same snapshot gives the same id.
        String reference = "adj" + (adjustments + 1);
        return Optional.of(LedgerCommand.earnAdjust(o.merchant(), member, o.id(), reference, target - pointsNet,
                expires, ctx.now()));
    }

    private void reconcileSchedule(Context ctx, Order o, OrderEvent event) {
        Optional<Instant> due = o.earned().scheduledFor();
        if (due.isEmpty()) {
            return;
        }
        boolean owed = o.status() != OrderStatus.CANCELLED && !o.earned().hasAssignedPoints();
        if (owed && event instanceof OrderEvent.OrderDeliveryStatusChanged) {
            scheduler.schedule(o.merchant(), o.id(), due.get(), ctx.merchant().zone());
        } else if (!owed && (event instanceof OrderEvent.OrderCancelled || event instanceof OrderEvent.OrderCompleted)
                && due.get().isAfter(ctx.now())) {
            scheduler.cancel(o.merchant(), o.id());
        }
    }

    // ------------------------------------------------------------------------------------------ split

    /**
     * Splits: the parent's redemption (points and store credits) is reverted to its original lots, then
     * re-allocated: each child redeems its share under its own order id, the parent's remaining share under
     * {@link #splitRemainderId} (the ledger allows one redemption per order and wallet, and the parent's is
     * spent). Child order records are created with the parent's member, rule and payment.
     */
    private LifecycleOutcome split(Merchant merchant, OrderEvent.OrderSplit e) {
        Context ctx = new Context(merchant, currentSettings(merchant.id()), clock.now());
        requireCurrency(ctx, e.parentAmounts(), "parentAmounts");
        for (int i = 0; i < e.children().size(); i++) {
            requireCurrency(ctx, e.children().get(i).amounts(), "children[" + i + "].amounts");
        }
        Order parent = orders.find(e.merchant(), e.order())
                .orElseThrow(() -> new OrderNotKnownException(e.merchant(), e.order()));
        List<LedgerResult> results = new ArrayList<>();
        Optional<MemberId> member = parent.member();
        // Check the shares against what was redeemed before writing anything.
        List<JournalEntry> parentEntries = member.map(m -> ledger.entriesForOrder(e.merchant(), m, e.order()))
                .orElse(List.of());
        long redeemedPoints = redeemed(parentEntries, Wallet.POINTS);
        long redeemedCredits = redeemed(parentEntries, Wallet.CREDITS);
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
        Saved savedParent = transition(e.merchant(), e.order(), existing -> {
            Order o = existing.orElseThrow(() -> new OrderNotKnownException(e.merchant(), e.order()));
            Step s = onEdited(ctx, o, e.parentAmounts(), OptionalLong.empty());
            return new Step(s.order(), s.transition().equals("duplicate") ? "duplicate" : "split");
        });
        for (OrderEvent.SplitChild c : e.children()) {
            transition(e.merchant(), c.order(), existing -> existing.map(o -> new Step(o, "duplicate"))
                    .orElseGet(() -> new Step(new Order(e.merchant(), c.order(), parent.member(), parent.identity(),
                            parent.channel(), parent.kind(), Optional.of(parent.id()), parent.placedAt(), c.amounts(),
                            parent.rule(), OrderStatus.OPEN, parent.payment(), Delivery.PENDING, Optional.empty(),
                            EarnRecord.nothing(merchant.currency()), 0), "child-created")));
        }
        if (member.isPresent() && savedParent.order().status() != OrderStatus.CANCELLED) {
            for (Wallet wallet : Wallet.values()) {
                long original = wallet == Wallet.POINTS ? redeemedPoints : redeemedCredits;
                if (original == 0) {
                    continue;
                }
                WalletRef ref = new WalletRef(e.merchant(), member.get(), wallet);
                results.add(ledger.apply(LedgerCommand.revertRedemption(ref, e.order(),
                        Actor.SYSTEM, e.at())));
                long parentShare = share(e.parentAmounts(), wallet);
                if (parentShare > 0) {
                    results.add(ledger.apply(LedgerCommand.redeem(ref, splitRemainderId(e.order()), parentShare, false,
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
        reconcileLedger(ctx, savedParent.order(), results);
        return new LifecycleOutcome(e.order(), savedParent.transition(), results);
    }

    /**
     * The ledger order id under which a split parent's remaining redemption is held: the parent id with
     * {@code +rest} (ids never contain '+rest' from the platform in practice; bounded to 128 characters).
     */
    public static OrderId splitRemainderId(OrderId parent) {
        String v = parent.value();
        String base = v.length() <= 123 ? v : v.substring(0, 110) + Integer.toHexString(v.hashCode());
        return OrderId.of(base + "+rest");
    }

    private static long share(OrderAmounts amounts, Wallet wallet) {
        return wallet == Wallet.POINTS ? amounts.redeemedPoints() : amounts.storeCredits().toMinor();
    }

    private static long redeemed(List<JournalEntry> entries, Wallet wallet) {
        long total = 0;
        for (JournalEntry e : entries) {
            if (e.wallet().wallet() == wallet && e.kind() == EntryKind.REDEEM) {
                total -= e.delta();
            }
        }
        return total;
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
    private MerchantSettings settingsInForceAt(Context ctx, Instant placedAt) {
        MerchantSettings current = ctx.settings();
        Optional<String> cursor = Optional.empty();
        for (int page = 0; page < MAX_LOG_PAGES; page++) {
            Page<SettingsStore.ActivityLogEntry> log = settings.activityLog(ctx.merchant().id(),
                    new PageRequest(cursor, 20));
            for (SettingsStore.ActivityLogEntry entry : log.items()) {
                if (!entry.at().isAfter(placedAt)) {
                    return entry.version() == current.version()
                            ? current
                            : settings.byVersion(ctx.merchant().id(), entry.version()).orElse(current);
                }
            }
            if (log.nextCursor().isEmpty()) {
                return current;
            }
            cursor = log.nextCursor();
        }
        return current;
    }

    private MerchantSettings currentSettings(MerchantId merchant) {
        return settings.current(merchant).orElseGet(MerchantSettings::defaults);
    }

    private static void requireCurrency(Context ctx, OrderAmounts amounts, String field) {
        if (!amounts.itemSubtotal().currency().equals(ctx.merchant().currency())) {
            throw new InvalidInputException(field + ".currency", "must be the merchant currency "
                    + ctx.merchant().currency().getCurrencyCode());
        }
    }
}
