package com.memberpoints.domain.order;

import com.memberpoints.domain.model.DeliveryOptionCode;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.Money;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.domain.model.CheckoutIdentity;
import com.memberpoints.domain.model.OrderKind;
import com.memberpoints.domain.model.SalesChannel;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An order event from the commerce platform, already parsed and validated. Every event names its
 * merchant and order and carries the platform's time of the change ({@link #at()}), which is what the
 * rules compute with (never the time the event happens to be processed).
 */
public sealed interface OrderEvent {

    MerchantId merchant();

    OrderId order();

    Instant at();

    /** The event type as it appears in the EventBridge {@code detail-type}. */
    default String type() {
        return getClass().getSimpleName();
    }

    /**
     * An order was placed; binds it to the settings in force and the member's tier. {@code deliveryOption} is the
     * order's delivery option (SPEC §4a), optional: without it the order's final delivery status follows the rule
     * for orders without an option (docs/decisions.md, "11.1").
     */
    record OrderPlaced(MerchantId merchant, OrderId order, Optional<MemberId> member, CheckoutIdentity identity,
                       SalesChannel channel, OrderKind kind, OrderAmounts amounts, Instant at,
                       Optional<DeliveryOptionCode> deliveryOption) implements OrderEvent {
        public OrderPlaced {
            Objects.requireNonNull(deliveryOption, "deliveryOption");
            Objects.requireNonNull(merchant, "merchant");
            Objects.requireNonNull(order, "order");
            Objects.requireNonNull(member, "member");
            Objects.requireNonNull(identity, "identity");
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(amounts, "amounts");
            Objects.requireNonNull(at, "at");
            if (identity == CheckoutIdentity.MEMBER_LOGGED_IN && member.isEmpty()) {
                throw new IllegalArgumentException("a logged-in member checkout needs a member id");
            }
        }

        /** A placement that names no delivery option. */
        public OrderPlaced(MerchantId merchant, OrderId order, Optional<MemberId> member, CheckoutIdentity identity,
                           SalesChannel channel, OrderKind kind, OrderAmounts amounts, Instant at) {
            this(merchant, order, member, identity, channel, kind, amounts, at, Optional.empty());
        }
    }

    /**
     * The payment status became Paid. {@code storeOpen} is the store's open flag at payment as the platform
     * saw it; when absent, the merchant profile's flag at processing time is used.
     */
    record OrderPaid(MerchantId merchant, OrderId order, Optional<Boolean> storeOpen, Instant at) implements OrderEvent {
        public OrderPaid {
            Objects.requireNonNull(merchant, "merchant");
            Objects.requireNonNull(order, "order");
            Objects.requireNonNull(storeOpen, "storeOpen");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * The delivery status changed. Only the final status of the order's delivery option starts the assignment
     * countdown (SPEC §4a, {@link FinalStatusRule}); {@code RETURNED} before the points are assigned means none.
     * {@code deliveryOption}, optional, names the order's option (it replaces the one named at placement).
     */
    record OrderDeliveryStatusChanged(MerchantId merchant, OrderId order, DeliveryStatus status, Instant at,
                                      Optional<DeliveryOptionCode> deliveryOption) implements OrderEvent {
        public OrderDeliveryStatusChanged {
            Objects.requireNonNull(merchant, "merchant");
            Objects.requireNonNull(order, "order");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(deliveryOption, "deliveryOption");
        }

        /** A status change that names no delivery option (the order's own, if any, applies). */
        public OrderDeliveryStatusChanged(MerchantId merchant, OrderId order, DeliveryStatus status, Instant at) {
            this(merchant, order, status, at, Optional.empty());
        }
    }

    /** The order status became Completed. */
    record OrderCompleted(MerchantId merchant, OrderId order, Instant at) implements OrderEvent {
        public OrderCompleted {
            Objects.requireNonNull(merchant, "merchant");
            Objects.requireNonNull(order, "order");
            Objects.requireNonNull(at, "at");
        }
    }

    /** The order was cancelled. */
    record OrderCancelled(MerchantId merchant, OrderId order, Instant at) implements OrderEvent {
        public OrderCancelled {
            Objects.requireNonNull(merchant, "merchant");
            Objects.requireNonNull(order, "order");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * The order was edited; {@code amounts} are the order's latest amounts (the whole new state, not a
     * difference). {@code revision} is the platform's edit counter for the order (1, 2, ...), optional: with it,
     * an edit older than one already applied is ignored; without it, edits apply in arrival order.
     */
    record OrderEdited(MerchantId merchant, OrderId order, OptionalLong revision, OrderAmounts amounts, Instant at)
            implements OrderEvent {
        public OrderEdited {
            Objects.requireNonNull(merchant, "merchant");
            Objects.requireNonNull(order, "order");
            Objects.requireNonNull(revision, "revision");
            Objects.requireNonNull(amounts, "amounts");
            Objects.requireNonNull(at, "at");
            if (revision.isPresent() && revision.getAsLong() < 1) {
                throw new IllegalArgumentException("revision starts at 1");
            }
        }

        /** An edit carrying its revision. */
        public OrderEdited(MerchantId merchant, OrderId order, long revision, OrderAmounts amounts, Instant at) {
            this(merchant, order, OptionalLong.of(revision), amounts, at);
        }
    }

    /**
     * The order ({@link #order()}, the parent) was split: it keeps {@code parentAmounts}, and each child gets
     * its own order id and amounts. Redeemed points and store credits are re-allocated as the amounts say.
     */
    record OrderSplit(MerchantId merchant, OrderId order, OrderAmounts parentAmounts, List<SplitChild> children,
                      Instant at) implements OrderEvent {
        public static final int MAX_CHILDREN = 50;

        public OrderSplit {
            Objects.requireNonNull(merchant, "merchant");
            Objects.requireNonNull(order, "order");
            Objects.requireNonNull(parentAmounts, "parentAmounts");
            Objects.requireNonNull(at, "at");
            children = List.copyOf(children);
            if (children.isEmpty() || children.size() > MAX_CHILDREN) {
                throw new IllegalArgumentException("a split has 1-" + MAX_CHILDREN + " children");
            }
            if (children.stream().map(SplitChild::order).distinct().count() != children.size()
                    || children.stream().anyMatch(c -> c.order().equals(order))) {
                throw new IllegalArgumentException("child order ids must be distinct and differ from the parent");
            }
        }
    }

    record SplitChild(OrderId order, OrderAmounts amounts) {
        public SplitChild {
            Objects.requireNonNull(order, "order");
            Objects.requireNonNull(amounts, "amounts");
        }
    }

    /**
     * Items (or money) of the order were returned or refunded (issue 12.3). {@code returnId} is the platform's id of
     * this return: each return applies once. {@code amount} is what the return takes off the order's earn base
     * (item amounts after their share of discounts, credits and point discount); {@code full} says the whole order
     * was returned, which voids its points like a cancellation (the amount may then be zero). {@code items} are
     * informative (they are not stored).
     */
    record OrderReturned(MerchantId merchant, OrderId order, String returnId, Money amount, List<ReturnedItem> items,
                         boolean full, Instant at) implements OrderEvent {
        public static final int MAX_ITEMS = 500;

        public OrderReturned {
            Objects.requireNonNull(merchant, "merchant");
            Objects.requireNonNull(order, "order");
            Objects.requireNonNull(returnId, "returnId");
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(at, "at");
            items = List.copyOf(Objects.requireNonNull(items, "items"));
            if (!OrderReturns.RETURN_ID.matcher(returnId).matches()) {
                throw new IllegalArgumentException("bad return id");
            }
            if (amount.isNegative()) {
                throw new IllegalArgumentException("a returned amount is not negative");
            }
            if (items.size() > MAX_ITEMS) {
                throw new IllegalArgumentException("a return lists at most " + MAX_ITEMS + " items");
            }
        }
    }

    /** One returned line: the product's SKU, how many, and their amount. */
    record ReturnedItem(String sku, long quantity, Money amount) {
        public ReturnedItem {
            Objects.requireNonNull(sku, "sku");
            Objects.requireNonNull(amount, "amount");
            if (quantity < 1) {
                throw new IllegalArgumentException("a returned quantity is at least 1");
            }
        }
    }
}
