package com.memberpoints.domain.order;

import com.memberpoints.domain.model.CheckoutIdentity;
import com.memberpoints.domain.model.OrderKind;
import com.memberpoints.domain.model.SalesChannel;

import com.memberpoints.domain.earning.EarnFacts;
import com.memberpoints.domain.earning.Earning;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.Money;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.domain.settings.BoundRule;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An order as the points service knows it. {@code version} is the store's optimistic-concurrency counter
 * (0 for an order not yet stored).
 *
 * @param member         the member, empty for guest checkouts
 * @param identity       who checked out (only {@code MEMBER_LOGGED_IN} earns)
 * @param parentOrder    present exactly for split child orders
 * @param rule           the rule bound at placement
 * @param payment        present once the payment status became Paid
 * @param lastEditRevision the highest {@code OrderEdited} revision applied (0 = none carried a revision); an edit
 *                         with a revision at or below it is stale and ignored
 * @param returns          the returns and refunds applied (issue 12.3): points follow {@link #netEarnBase()}
 */
public record Order(
        MerchantId merchant,
        OrderId id,
        Optional<MemberId> member,
        CheckoutIdentity identity,
        SalesChannel channel,
        OrderKind kind,
        Optional<OrderId> parentOrder,
        Instant placedAt,
        OrderAmounts amounts,
        BoundRule rule,
        OrderStatus status,
        Optional<Payment> payment,
        Delivery delivery,
        Optional<Instant> completedAt,
        EarnRecord earned,
        long version,
        long lastEditRevision,
        OrderReturns returns) {

    public Order {
        Objects.requireNonNull(merchant, "merchant");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(parentOrder, "parentOrder");
        Objects.requireNonNull(placedAt, "placedAt");
        Objects.requireNonNull(amounts, "amounts");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(payment, "payment");
        Objects.requireNonNull(delivery, "delivery");
        Objects.requireNonNull(completedAt, "completedAt");
        Objects.requireNonNull(earned, "earned");
        Objects.requireNonNull(returns, "returns");
        if (identity == CheckoutIdentity.MEMBER_LOGGED_IN && member.isEmpty()) {
            throw new IllegalArgumentException("a logged-in member checkout needs a member id");
        }
        if (parentOrder.isPresent() && parentOrder.get().equals(id)) {
            throw new IllegalArgumentException("an order cannot be its own parent");
        }
        if (version < 0) {
            throw new IllegalArgumentException("version must not be negative");
        }
        if (lastEditRevision < 0) {
            throw new IllegalArgumentException("lastEditRevision must not be negative");
        }
    }

    /** An order no revised edit was applied to ({@code lastEditRevision} 0): the shape before revisions existed. */
    public Order(MerchantId merchant, OrderId id, Optional<MemberId> member, CheckoutIdentity identity,
                 SalesChannel channel, OrderKind kind, Optional<OrderId> parentOrder, Instant placedAt,
                 OrderAmounts amounts, BoundRule rule, OrderStatus status, Optional<Payment> payment, Delivery delivery,
                 Optional<Instant> completedAt, EarnRecord earned, long version) {
        this(merchant, id, member, identity, channel, kind, parentOrder, placedAt, amounts, rule, status, payment,
                delivery, completedAt, earned, version, 0, OrderReturns.NONE);
    }

    /** An order nothing was returned from: the shape before returns existed. */
    public Order(MerchantId merchant, OrderId id, Optional<MemberId> member, CheckoutIdentity identity,
                 SalesChannel channel, OrderKind kind, Optional<OrderId> parentOrder, Instant placedAt,
                 OrderAmounts amounts, BoundRule rule, OrderStatus status, Optional<Payment> payment, Delivery delivery,
                 Optional<Instant> completedAt, EarnRecord earned, long version, long lastEditRevision) {
        this(merchant, id, member, identity, channel, kind, parentOrder, placedAt, amounts, rule, status, payment,
                delivery, completedAt, earned, version, lastEditRevision, OrderReturns.NONE);
    }

    /** This order at another store version (everything else kept). */
    public Order withVersion(long newVersion) {
        return new Order(merchant, id, member, identity, channel, kind, parentOrder, placedAt, amounts, rule, status,
                payment, delivery, completedAt, earned, newVersion, lastEditRevision, returns);
    }

    // ------------------------------------------------------------------ transitions (each returns a new Order)

    /** A new order as placed: open, nothing paid, delivered or earned yet, not stored ({@code version} 0). */
    public static Order placed(OrderEvent.OrderPlaced e, BoundRule rule, java.util.Currency currency) {
        return new Order(e.merchant(), e.order(), e.member(), e.identity(), e.channel(), e.kind(), Optional.empty(),
                e.at(), e.amounts(), rule, OrderStatus.OPEN, Optional.empty(), Delivery.pending(e.deliveryOption()),
                Optional.empty(),
                EarnRecord.nothing(currency), 0);
    }

    /**
     * A split child of this order: its member, rule, payment, placement and delivery option, with its own amounts;
     * open.
     */
    public Order splitChild(OrderId child, OrderAmounts childAmounts, java.util.Currency currency) {
        return new Order(merchant, child, member, identity, channel, kind, Optional.of(id), placedAt, childAmounts,
                rule, OrderStatus.OPEN, payment, Delivery.pending(delivery.option()), Optional.empty(), EarnRecord.nothing(currency), 0);
    }

    /** Cancelled; everything else kept (the reconciliation takes back what it earned). */
    public Order cancel() {
        return with(OrderStatus.CANCELLED, payment, delivery, completedAt, amounts, earned, lastEditRevision);
    }

    /** Paid with {@code payment}. */
    public Order pay(Payment newPayment) {
        return with(status, Optional.of(newPayment), delivery, completedAt, amounts, earned, lastEditRevision);
    }

    /** At another delivery state. */
    public Order deliver(Delivery newDelivery) {
        return with(status, payment, newDelivery, completedAt, amounts, earned, lastEditRevision);
    }

    /** Completed at {@code at}. */
    public Order complete(Instant at) {
        return with(OrderStatus.COMPLETED, payment, delivery, Optional.of(at), amounts, earned, lastEditRevision);
    }

    /** Edited to {@code newAmounts}, {@code revision} the last edit revision applied. Earned points are not touched. */
    public Order edit(OrderAmounts newAmounts, long revision) {
        return with(status, payment, delivery, completedAt, newAmounts, earned, revision);
    }

    /** Only the last edit revision moves (an edit that repeats the amounts). */
    public Order withLastEditRevision(long revision) {
        return with(status, payment, delivery, completedAt, amounts, earned, revision);
    }

    /** The points of the latest amounts, net of returns, under the bound rule (0 when not earned or fully returned). */
    public long pointsOfLatestAmounts() {
        if (returns.full()) {
            return 0;
        }
        return Earning.points(rule, earnFacts(), netEarnBase()).points();
    }

    /** The earn base of the latest amounts minus everything returned, never below zero. */
    public Money netEarnBase() {
        Money base = amounts.earnBase();
        Money net = base.minus(returns.total(base.currency()).min(base));
        return returns.full() ? Money.zero(base.currency()) : net;
    }

    /** Cancelled or returned in full: the order earns nothing any more and its redemptions go back. */
    public boolean isVoided() {
        return status == OrderStatus.CANCELLED || returns.full();
    }

    /** With the return {@code r} applied ({@code full}: the whole order came back). Earned points are not touched. */
    public Order applyReturn(OrderReturns.Applied r, boolean full) {
        return new Order(merchant, id, member, identity, channel, kind, parentOrder, placedAt, amounts, rule, status,
                payment, delivery, completedAt, earned, version, lastEditRevision, returns.with(r, full));
    }

    /** With {@code points} more recorded as not recovered by the ledger (the member had spent them). */
    public Order notRecovered(long points) {
        return withEarned(earned.notRecovered(points));
    }

    /** Points assigned at {@code at}: the bound rule on the latest amounts. */
    public Order assignPoints(Instant at) {
        return withEarned(new EarnRecord(pointsOfLatestAmounts(), Optional.of(at), earned.scheduledFor(),
                earned.creditsAwarded(), earned.creditsAwardedAt(), earned.pointsNotRecovered()));
    }

    /**
     * Points already assigned, re-decided on the latest amounts (after an edit or a return); the assignment date
     * kept. A rise first absorbs points recorded as not recovered (the member already holds them).
     */
    public Order reassessPoints() {
        long points = pointsOfLatestAmounts();
        long rise = Math.max(0, points - earned.pointsAssigned());
        long notRecovered = earned.pointsNotRecovered() - Math.min(rise, earned.pointsNotRecovered());
        return withEarned(new EarnRecord(points, earned.pointsAssignedAt(), earned.scheduledFor(),
                earned.creditsAwarded(), earned.creditsAwardedAt(), notRecovered));
    }

    /**
     * Returned (or never collected) before its points were assigned (SPEC §4a): the delivery is Returned, no longer
     * final, and the scheduled assignment is dropped — the order will not earn points.
     */
    public Order returnedBeforeAssignment() {
        Order r = deliver(delivery.with(DeliveryStatus.RETURNED, Optional.empty()));
        return r.withEarned(new EarnRecord(earned.pointsAssigned(), earned.pointsAssignedAt(), Optional.empty(),
                earned.creditsAwarded(), earned.creditsAwardedAt()));
    }

    /** The assignment scheduled for {@code dueAt}. */
    public Order scheduleAssignment(Instant dueAt) {
        return withEarned(new EarnRecord(earned.pointsAssigned(), earned.pointsAssignedAt(), Optional.of(dueAt),
                earned.creditsAwarded(), earned.creditsAwardedAt(), earned.pointsNotRecovered()));
    }

    /** Reward credits decided at {@code at} on the latest amounts ({@code storeOpen}: the store flag at payment). */
    public Order awardCredits(boolean storeOpen, Instant at) {
        Money credits = Earning.credits(rule, earnFacts(), netEarnBase(), storeOpen).credits();
        return withEarned(new EarnRecord(earned.pointsAssigned(), earned.pointsAssignedAt(), earned.scheduledFor(),
                credits, Optional.of(at), earned.pointsNotRecovered()));
    }

    private Order withEarned(EarnRecord newEarned) {
        return with(status, payment, delivery, completedAt, amounts, newEarned, lastEditRevision);
    }

    private Order with(OrderStatus newStatus, Optional<Payment> newPayment, Delivery newDelivery,
                       Optional<Instant> newCompletedAt, OrderAmounts newAmounts, EarnRecord newEarned, long revision) {
        return new Order(merchant, id, member, identity, channel, kind, parentOrder, placedAt, newAmounts, rule,
                newStatus, newPayment, newDelivery, newCompletedAt, newEarned, version, revision, returns);
    }

    public boolean isPaid() {
        return payment.isPresent();
    }

    public boolean isSplitChild() {
        return parentOrder.isPresent();
    }

    /**
     * When the points assignment of this order falls due, while it is still owed: the order is not voided
     * (cancelled or returned in full), its points are not assigned yet and an assignment is scheduled
     * ({@link EarnRecord#scheduledFor()}).
     * Empty otherwise. The stores index orders by this instant ({@code OrderStore.awaitingAssignment}).
     */
    public Optional<Instant> assignmentDueAt() {
        if (isVoided() || earned.hasAssignedPoints() || delivery.isReturned()) {
            return Optional.empty();
        }
        return earned.scheduledFor();
    }

    /**
     * The points this order will still earn, with what they wait for; empty when it will earn none: no member,
     * not a logged-in member checkout, voided (cancelled or returned in full), returned by the carrier before
     * assignment (SPEC §4a), already assigned, or its latest amounts net of returns earn 0 under the bound rule. The
     * points are those the bound rule gives the latest amounts net of returns (what an assignment now would give).
     * The stores index the member's orders by {@link PendingPoints#sortInstant()} while this is present
     * ({@code OrderStore.pendingForMember}).
     */
    public Optional<PendingPoints> pendingPoints() {
        if (member.isEmpty() || isVoided() || earned.hasAssignedPoints() || delivery.isReturned()) {
            return Optional.empty();
        }
        long points = pointsOfLatestAmounts();
        if (points <= 0) {
            return Optional.empty();
        }
        if (earned.scheduledFor().isPresent()) {
            return Optional.of(new PendingPoints(points, PendingPoints.Waiting.SCHEDULED, earned.scheduledFor()));
        }
        PendingPoints.Waiting waiting = delivery.isFinal()
                ? PendingPoints.Waiting.COMPLETION : PendingPoints.Waiting.DELIVERY;
        return Optional.of(new PendingPoints(points, waiting, Optional.empty()));
    }

    /**
     * Points an order will still earn.
     *
     * @param dueAt when the assignment is scheduled; present exactly when {@code waiting} is {@code SCHEDULED}
     */
    public record PendingPoints(long points, Waiting waiting, Optional<Instant> dueAt) {
        public PendingPoints {
            Objects.requireNonNull(waiting, "waiting");
            Objects.requireNonNull(dueAt, "dueAt");
            if (points <= 0) {
                throw new IllegalArgumentException("pending points are positive");
            }
            if ((waiting == Waiting.SCHEDULED) != dueAt.isPresent()) {
                throw new IllegalArgumentException("dueAt is present exactly for a scheduled assignment");
            }
        }

        /** What the assignment waits for. */
        public enum Waiting {
            /** A schedule assigns on {@code dueAt}. */
            SCHEDULED,
            /** The final status of the order's delivery option not reported yet: the date is not known. */
            DELIVERY,
            /** Delivered, assigned on completion (completion mode): the date is not known. */
            COMPLETION
        }
    }

    /** The facts that decide eligibility to earn. */
    public EarnFacts earnFacts() {
        return new EarnFacts(identity, channel, kind, isSplitChild());
    }
}
