package com.memberpoints.domain.order;

import com.memberpoints.domain.earning.Earning;
import com.memberpoints.domain.earning.NotEarnedReason;
import com.memberpoints.domain.earning.PointsOutcome;
import com.memberpoints.domain.earning.RateSource;
import com.memberpoints.domain.ledger.EntryKind;
import com.memberpoints.domain.ledger.JournalEntry;
import com.memberpoints.domain.ledger.LedgerStore;
import com.memberpoints.domain.ledger.OrderJournal;
import com.memberpoints.domain.ledger.Wallet;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.merchant.MerchantStore;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.Money;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.domain.settings.AssignmentPolicy;
import com.memberpoints.domain.settings.EarnRate;
import com.memberpoints.domain.settings.GivenWhen;
import com.memberpoints.domain.settings.SettingsStore;
import com.memberpoints.domain.notify.NotificationTemplates;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The admin order view use case (issue 11.5): one order's points and credits state from the order record
 * ({@link OrderStore#find}) and the order's journal entries ({@link LedgerStore#orderJournal}, one query; none for a
 * guest order), plus the current assignment mode (settings, cached) for "when given". Reads only the caller's store:
 * another merchant's order is simply not found.
 */
public final class OrderViews {
    private final OrderStore orders;
    private final LedgerStore ledger;
    private final SettingsStore settings;
    private final MerchantStore merchants;

    public OrderViews(OrderStore orders, LedgerStore ledger, SettingsStore settings, MerchantStore merchants) {
        this.orders = Objects.requireNonNull(orders, "orders");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.merchants = Objects.requireNonNull(merchants, "merchants");
    }

    /** The caller's store profile, if it has one (admin routes answer "set the store up first" otherwise). */
    public Optional<Merchant> store(MerchantId merchant) {
        return merchants.find(merchant);
    }

    /** The order's points and credits state, texts in the store's default locale; empty when there is no such order. */
    public Optional<OrderPointsView> view(Merchant merchant, OrderId id) {
        return view(merchant, id, Optional.empty());
    }

    /**
     * The order's points and credits state, "when given" worded in {@code locale} (a template locale, else the store
     * default's); empty when {@code merchant} has no such order.
     */
    public Optional<OrderPointsView> view(Merchant merchant, OrderId id, Optional<Locale> locale) {
        Optional<Order> found = orders.find(merchant.id(), id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Order order = found.get();
        OrderJournal journal = order.member().isPresent()
                ? ledger.orderJournal(merchant.id(), order.member().get(), id) : OrderJournal.EMPTY;
        AssignmentPolicy mode = settings.currentOrDefaults(merchant.id()).points().assignment();
        return Optional.of(of(order, journal, mode, merchant.zone(),
                NotificationTemplates.resolve(locale, merchant.defaultLocale())));
    }

    /** The view of {@code order} whose journal is {@code journal}, under the assignment mode in force. Pure. */
    public static OrderPointsView of(Order order, OrderJournal journal, AssignmentPolicy mode, ZoneId zone, Locale locale) {
        PointsOutcome outcome = Earning.points(order.rule(), order.earnFacts(), Money.zero(order.amounts().itemSubtotal().currency()));
        Optional<EarnRate> rate = outcome instanceof PointsOutcome.Earns e ? Optional.of(e.rate()) : Optional.empty();
        Optional<RateSource> source = outcome instanceof PointsOutcome.Earns e ? Optional.of(e.source()) : Optional.empty();
        Optional<NotEarnedReason> why = outcome instanceof PointsOutcome.NotEarned n ? Optional.of(n.reason()) : Optional.empty();
        OrderPointsView.BoundRuleView rule = new OrderPointsView.BoundRuleView(order.rule(), rate, source, why,
                Earning.applicableCreditRule(order.rule()));

        long earnedNet = 0, adjustedAdd = 0, adjustedDeduct = 0, redeemedPoints = 0, revertedPoints = 0;
        long earnEntry = 0, creditsInLedger = 0, redeemedCredits = 0, revertedCredits = 0;
        Optional<Instant> expiresAt = Optional.empty();
        for (JournalEntry e : journal.entries()) {
            boolean points = e.wallet().wallet() == Wallet.POINTS;
            EntryKind k = e.kind();
            if (points && k == EntryKind.EARN) {
                earnEntry += e.delta();
                earnedNet += e.delta();
                expiresAt = e.lots().isEmpty() ? Optional.empty() : e.lots().get(0).expiresAt();
            } else if (points && k == EntryKind.EARN_ADJUST_ADD) {
                adjustedAdd += e.delta();
                earnedNet += e.delta();
            } else if (points && k == EntryKind.EARN_ADJUST_DEDUCT) {
                adjustedDeduct -= e.delta();
                earnedNet += e.delta();
            } else if (k == EntryKind.REDEEM) {
                if (points) { redeemedPoints -= e.delta(); } else { redeemedCredits -= e.delta(); }
            } else if (k == EntryKind.REDEEM_REVERT) {
                if (points) { revertedPoints += e.delta(); } else { revertedCredits += e.delta(); }
            } else if (!points && k == EntryKind.REWARD_CREDIT) {
                creditsInLedger += e.delta();
            }
        }
        EarnRecord earned = order.earned();
        Optional<OrderPointsView.Pending> pending = order.pendingPoints().map(p -> new OrderPointsView.Pending(
                p.points(), p.waiting(), p.dueAt(), p.dueAt().map(d -> LocalDate.ofInstant(d, zone))));
        Optional<OrderPointsView.Assigned> assigned = earned.pointsAssignedAt().isEmpty() ? Optional.empty()
                : Optional.of(new OrderPointsView.Assigned(earned.pointsAssignedAt().get(),
                        pointsGivenBy(order, earned.pointsAssignedAt().get()), earnEntry, expiresAt));
        var currency = order.amounts().itemSubtotal().currency();
        OrderPointsView.PointsSide pointsSide = new OrderPointsView.PointsSide(
                GivenWhen.points(mode).worded(GivenWhen.What.POINTS, locale), pending, assigned,
                earnedNet, adjustedAdd, adjustedDeduct, redeemedPoints, revertedPoints);
        OrderPointsView.CreditsSide creditsSide = new OrderPointsView.CreditsSide(
                GivenWhen.credits(mode).worded(GivenWhen.What.CREDITS, locale),
                earned.creditsAwarded(), earned.creditsAwardedAt(),
                earned.creditsAwardedAt().map(at -> creditsGivenBy(order, at)),
                Money.ofMinor(creditsInLedger, currency), Money.ofMinor(redeemedCredits, currency),
                Money.ofMinor(revertedCredits, currency));
        OrderPointsView.ReturnsView returns = new OrderPointsView.ReturnsView(order.returns().applied(),
                order.returns().full(), order.returns().total(currency), earned.pointsNotRecovered());
        return new OrderPointsView(order.id(), order.member(), order.status(), order.placedAt(), order.completedAt(),
                order.delivery(), order.amounts(), rule, pointsSide, creditsSide, returns);
    }

    /**
     * What assigned the points, inferred from the record (the order keeps no event name, and the lifecycle's state
     * machine makes the inference exact): dated on the schedule's instant → the schedule (or its catch-up); at the
     * completion instant → completion; at the final delivery instant → delivery with 0 days.
     */
    static OrderPointsView.GivenBy pointsGivenBy(Order order, Instant at) {
        if (order.earned().scheduledFor().isPresent() && order.earned().scheduledFor().get().equals(at)) {
            return OrderPointsView.GivenBy.ASSIGNMENT_SCHEDULE;
        }
        if (order.completedAt().isPresent() && order.completedAt().get().equals(at)) {
            return OrderPointsView.GivenBy.ORDER_COMPLETED;
        }
        return OrderPointsView.GivenBy.ORDER_DELIVERED;
    }

    /** Credits are decided on payment (delivery mode) or on completion (completion mode). */
    static OrderPointsView.GivenBy creditsGivenBy(Order order, Instant at) {
        if (order.payment().isPresent() && order.payment().get().paidAt().equals(at)) {
            return OrderPointsView.GivenBy.ORDER_PAID;
        }
        return OrderPointsView.GivenBy.ORDER_COMPLETED;
    }
}
