package com.memberpoints.domain.order;

import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.InvalidInputException;
import com.memberpoints.domain.settings.AssignmentPolicy;
import com.memberpoints.domain.settings.DeliveryOptionMapping;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The order state machine: which transition an event makes, given the merchant's assignment policy and the time.
 * Pure — the transitions themselves are {@link Order}'s methods; reads and writes are {@link OrderLifecycle}'s.
 * See {@code docs/architecture.md#order-lifecycle}.
 *
 * @param merchant the order's store (time zone, open flag)
 * @param policy   when points and credits are assigned ({@code settings.points().assignment()} now)
 * @param now      the time of the call
 * @param deliveryOptions the merchant's delivery-option mapping in force now (SPEC §4a)
 */
record OrderTransitions(Merchant merchant, AssignmentPolicy policy, Instant now, AssignmentWindow window,
                        DeliveryOptionMapping deliveryOptions) {

    OrderTransitions {
        Objects.requireNonNull(merchant, "merchant");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(deliveryOptions, "deliveryOptions");
    }

    /** With the built-in delivery options only. */
    OrderTransitions(Merchant merchant, AssignmentPolicy policy, Instant now, AssignmentWindow window) {
        this(merchant, policy, now, window, DeliveryOptionMapping.EMPTY);
    }

    /** Without a spread: scheduled assignments fire at the start of their due local date (the rule tests). */
    OrderTransitions(Merchant merchant, AssignmentPolicy policy, Instant now) {
        this(merchant, policy, now, AssignmentWindow.NONE);
    }

    /** An event on an existing order (placement and splits are not handled here). */
    OrderRecords.Step apply(Order o, OrderEvent event) {
        return switch (event) {
            case OrderEvent.OrderPaid paid -> onPaid(o, paid);
            case OrderEvent.OrderDeliveryStatusChanged d -> onDelivery(o, d);
            case OrderEvent.OrderCompleted c -> onCompleted(o, c);
            case OrderEvent.OrderCancelled c -> o.status() == OrderStatus.CANCELLED
                    ? new OrderRecords.Step(o, "duplicate")
                    : new OrderRecords.Step(o.cancel(), "cancelled");
            case OrderEvent.OrderEdited e -> onEdited(o, e.amounts(), e.revision());
            case OrderEvent.OrderReturned r -> onReturned(o, r);
            case OrderEvent.OrderPlaced p -> throw new IllegalStateException("placement creates the order");
            case OrderEvent.OrderSplit s -> throw new IllegalStateException("handled by OrderSplit");
        };
    }

    /** The one-time schedule fired (or the reconcile found it overdue): assign if still owed, dated on the due date. */
    OrderRecords.Step onScheduleFired(Order o) {
        if (o.earned().scheduledFor().isEmpty() || !o.delivery().isFinal()) {
            return new OrderRecords.Step(o, "not-scheduled");
        }
        return switch (AssignmentPlanner.onScheduleFired(o.earned().hasAssignedPoints(), o.isVoided(), now)) {
            // Points belong to the due date: the expiry is computed from it even when the run is late.
            case AssignmentPlan.AssignNow a -> new OrderRecords.Step(o.assignPoints(o.earned().scheduledFor().get()),
                    "assigned");
            case AssignmentPlan.Nothing n -> new OrderRecords.Step(o, n.why());
            case AssignmentPlan.Schedule s -> new OrderRecords.Step(o, "unexpected");
        };
    }

    private OrderRecords.Step onPaid(Order o, OrderEvent.OrderPaid e) {
        if (o.isPaid()) {
            return new OrderRecords.Step(o, "duplicate");
        }
        Payment payment = new Payment(e.at(), e.storeOpen().orElse(merchant.open()));
        Order paid = o.pay(payment);
        if (!o.isVoided() && !o.earned().hasAwardedCredits()
                && AssignmentPlanner.creditsOnPaid(policy, e.at()) instanceof AssignmentPlan.AssignNow) {
            return new OrderRecords.Step(paid.awardCredits(payment.storeOpen(), e.at()), "paid-credits-decided");
        }
        return new OrderRecords.Step(paid, "paid");
    }

    /** The final-status rule of {@code o} once {@code e} is applied (the event's option replaces the order's). */
    FinalStatusRule finalStatusRule(Order o, OrderEvent.OrderDeliveryStatusChanged e) {
        return FinalStatusRule.of(e.deliveryOption().or(() -> o.delivery().option()), deliveryOptions);
    }

    /**
     * A delivery status change (SPEC §4, §4a; docs/decisions.md "11.1"). Only the final status of the order's own
     * option starts the countdown; another Arrived/Collected is recorded and starts nothing ("not-final-for-option").
     * Returned before the points are assigned: no points, the schedule dropped ("returned", or
     * "returned-schedule-removed" when one was pending), and every later status ignored ("ignored-returned"), so
     * the outcome does not depend on the order the events arrive in. After the assignment a status changes no
     * points (what is given back for a return is the order's amounts, §4 OrderEdited).
     */
    private OrderRecords.Step onDelivery(Order o, OrderEvent.OrderDeliveryStatusChanged e) {
        Order base = e.deliveryOption().isPresent() && !e.deliveryOption().equals(o.delivery().option())
                ? o.deliver(o.delivery().withOption(e.deliveryOption())) : o;
        boolean assigned = o.earned().hasAssignedPoints();
        if (o.delivery().isReturned() && !assigned) {
            return new OrderRecords.Step(o, e.status() == DeliveryStatus.RETURNED ? "duplicate" : "ignored-returned");
        }
        if (e.status() == DeliveryStatus.RETURNED && !assigned) {
            boolean scheduled = o.earned().scheduledFor().isPresent();
            return new OrderRecords.Step(base.returnedBeforeAssignment(),
                    scheduled ? "returned-schedule-removed" : "returned");
        }
        if (o.delivery().isFinal()) {
            return new OrderRecords.Step(base, base == o ? "duplicate" : "option-recorded");
        }
        if (!finalStatusRule(o, e).isFinal(e.status())) {
            if (o.delivery().status() == e.status()) {
                return new OrderRecords.Step(base, base == o ? "duplicate" : "option-recorded");
            }
            return new OrderRecords.Step(base.deliver(base.delivery().with(e.status(), Optional.empty())),
                    e.status().canBeFinal() ? "not-final-for-option" : "delivery-" + e.status());
        }
        Order d = base.deliver(base.delivery().with(e.status(), Optional.of(e.at())));
        if (o.isVoided() || assigned) {
            return new OrderRecords.Step(d, "delivered");
        }
        return switch (AssignmentPlanner.onDelivered(policy, e.at(), merchant.zone(), window, o.merchant(), o.id())) {
            case AssignmentPlan.AssignNow a -> new OrderRecords.Step(d.assignPoints(a.at()), "assigned");
            case AssignmentPlan.Schedule s -> {
                Order scheduled = d.scheduleAssignment(s.dueAt());
                // A late event whose due date has passed assigns now, dated on the due date.
                yield s.dueAt().isAfter(now)
                        ? new OrderRecords.Step(scheduled, "scheduled")
                        : new OrderRecords.Step(scheduled.assignPoints(s.dueAt()), "assigned");
            }
            case AssignmentPlan.Nothing n -> new OrderRecords.Step(d, "delivered");
        };
    }

    private OrderRecords.Step onCompleted(Order o, OrderEvent.OrderCompleted e) {
        if (o.status() == OrderStatus.COMPLETED) {
            return new OrderRecords.Step(o, "duplicate");
        }
        if (o.status() == OrderStatus.CANCELLED) {
            return new OrderRecords.Step(o, "ignored-cancelled");
        }
        Order c = o.complete(e.at());
        String what = "completed";
        if (o.delivery().isReturned() && !c.earned().hasAssignedPoints()) {
            what = "completed-returned"; // returned before assignment: no points (SPEC §4a), credits as usual
        } else if (!c.earned().hasAssignedPoints()
                && AssignmentPlanner.onCompleted(policy, e.at()) instanceof AssignmentPlan.AssignNow) {
            c = c.assignPoints(e.at());
            what = "assigned";
        }
        if (!c.earned().hasAwardedCredits()
                && AssignmentPlanner.creditsOnCompleted(policy, e.at()) instanceof AssignmentPlan.AssignNow) {
            boolean open = c.payment().map(Payment::storeOpen).orElse(merchant.open());
            c = c.awardCredits(open, e.at());
        }
        return new OrderRecords.Step(c, what);
    }

    /**
     * An edit carrying a revision at or below the last applied one is older than what the order holds: ignored
     * ("stale-edit"; equal = "duplicate"). One without a revision applies in arrival order and leaves the last
     * revision as it is (docs/decisions.md, "Order lifecycle").
     */
    OrderRecords.Step onEdited(Order o, OrderAmounts amounts, OptionalLong revision) {
        requireCurrency(amounts, "amounts");
        if (revision.isPresent() && revision.getAsLong() <= o.lastEditRevision()) {
            return new OrderRecords.Step(o, revision.getAsLong() == o.lastEditRevision() ? "duplicate" : "stale-edit");
        }
        long lastRevision = revision.orElse(o.lastEditRevision());
        if (amounts.equals(o.amounts())) {
            return lastRevision == o.lastEditRevision()
                    ? new OrderRecords.Step(o, "duplicate")
                    : new OrderRecords.Step(o.withLastEditRevision(lastRevision), "edited-same-amounts");
        }
        Order edited = o.edit(amounts, lastRevision);
        if (o.earned().hasAssignedPoints()) {
            return new OrderRecords.Step(edited.reassessPoints(), "edited-after-assignment");
        }
        return new OrderRecords.Step(edited, "edited");
    }

    /**
     * A return or refund (issue 12.3): applied once per return id. Before assignment it lowers what the order will
     * earn (the pending points); after assignment the points are re-decided on the net earn base under the bound
     * rule and the reconciliation takes back the difference. Reward credits are never retracted. A full return
     * voids the order like a cancellation of what remains. Returns reaching a cancelled or fully returned order
     * change nothing.
     */
    OrderRecords.Step onReturned(Order o, OrderEvent.OrderReturned r) {
        requireCurrency(r.amount(), "amount");
        if (o.returns().contains(r.returnId())) {
            return new OrderRecords.Step(o, "duplicate");
        }
        if (o.isVoided()) {
            return new OrderRecords.Step(o, o.status() == OrderStatus.CANCELLED ? "ignored-cancelled"
                    : "ignored-returned");
        }
        if (o.returns().applied().size() >= OrderReturns.MAX_RETURNS) {
            throw new InvalidInputException("returnId", "the order already has " + OrderReturns.MAX_RETURNS
                    + " returns; no more are accepted");
        }
        Order returned = o.applyReturn(new OrderReturns.Applied(r.returnId(), r.amount(), r.at()), r.full());
        if (o.earned().hasAssignedPoints()) {
            return new OrderRecords.Step(returned.reassessPoints(), r.full() ? "returned-in-full-after-assignment"
                    : "returned-after-assignment");
        }
        return new OrderRecords.Step(returned, r.full() ? "returned-in-full" : "returned");
    }

    /** @throws InvalidInputException naming {@code field} when {@code amounts} are not in the merchant currency */
    void requireCurrency(OrderAmounts amounts, String field) {
        requireCurrency(amounts.itemSubtotal(), field);
    }

    private void requireCurrency(com.memberpoints.domain.model.Money money, String field) {
        if (!money.currency().equals(merchant.currency())) {
            throw new InvalidInputException(field + ".currency", "must be the merchant currency "
                    + merchant.currency().getCurrencyCode());
        }
    }
}
