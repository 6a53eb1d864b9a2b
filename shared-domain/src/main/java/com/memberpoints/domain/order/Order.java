package com.memberpoints.domain.order;

import com.memberpoints.domain.earning.EarnFacts;
import com.memberpoints.domain.model.MemberId;
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
        long version) {

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
        if (identity == CheckoutIdentity.MEMBER_LOGGED_IN && member.isEmpty()) {
            throw new IllegalArgumentException("a logged-in member checkout needs a member id");
        }
        if (parentOrder.isPresent() && parentOrder.get().equals(id)) {
            throw new IllegalArgumentException("an order cannot be its own parent");
        }
        if (version < 0) {
            throw new IllegalArgumentException("version must not be negative");
        }
    }

    public boolean isPaid() {
        return payment.isPresent();
    }

    public boolean isSplitChild() {
        return parentOrder.isPresent();
    }

    /**
     * When the points assignment of this order falls due, while it is still owed: the order is not cancelled,
     * its points are not assigned yet and an assignment is scheduled ({@link EarnRecord#scheduledFor()}).
     * Empty otherwise. The stores index orders by this instant ({@code OrderStore.awaitingAssignment}).
     */
    public Optional<Instant> assignmentDueAt() {
        if (status == OrderStatus.CANCELLED || earned.hasAssignedPoints()) {
            return Optional.empty();
        }
        return earned.scheduledFor();
    }

    /** The facts that decide eligibility to earn. */
    public EarnFacts earnFacts() {
        return new EarnFacts(identity, channel, kind, isSplitChild());
    }
}
