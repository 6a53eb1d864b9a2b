package com.memberpoints.domain.order;

import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.OrderId;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The order record's read-transition-save loop: read, apply a pure transition, save with the record's optimistic
 * version; on a conflict start again from a fresh read. A transition that returns the record unchanged is not
 * written.
 */
final class OrderRecords {
    /** Attempts of the read-transition-save loop under concurrent writers of one order. */
    static final int MAX_SAVE_ATTEMPTS = 8;

    /** The record after an event, and a word for the log. Returning the same record means "nothing to save". */
    record Step(Order order, String transition) {}

    /** The record as saved (with its new version), and the word for the log. */
    record Saved(Order order, String transition) {}

    private final OrderStore orders;

    OrderRecords(OrderStore orders) {
        this.orders = Objects.requireNonNull(orders, "orders");
    }

    Optional<Order> find(MerchantId merchant, OrderId order) {
        return orders.find(merchant, order);
    }

    /**
     * A new record saved without reading first: the save creates it only if absent (version 0), so the common case
     * (a first placement) costs one conditional write and no read. When the record exists already (a duplicate or
     * concurrent placement) the ordinary read-transition-save loop with {@code f} decides, exactly as if it had been
     * read first.
     */
    Saved create(Order fresh, String word, Function<Optional<Order>, Step> f) {
        if (fresh.version() == 0 && orders.save(fresh) instanceof OrderStore.SaveResult.Saved s) {
            return new Saved(fresh.withVersion(s.version()), word);
        }
        return transition(fresh.merchant(), fresh.id(), f);
    }

    /** Read, apply, save with the optimistic version; on a conflict start again from a fresh read. */
    Saved transition(MerchantId merchant, OrderId order, Function<Optional<Order>, Step> f) {
        for (int attempt = 1; ; attempt++) {
            Optional<Order> existing = orders.find(merchant, order);
            Step step = f.apply(existing);
            if (existing.isPresent() && step.order().equals(existing.get())) {
                return new Saved(step.order(), step.transition());
            }
            switch (orders.save(step.order())) {
                case OrderStore.SaveResult.Saved s -> {
                    return new Saved(step.order().withVersion(s.version()), step.transition());
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
}
