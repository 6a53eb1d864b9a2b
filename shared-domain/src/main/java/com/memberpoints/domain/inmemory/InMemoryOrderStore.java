package com.memberpoints.domain.inmemory;

import com.memberpoints.domain.ledger.Page;
import com.memberpoints.domain.ledger.PageRequest;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.domain.order.Order;
import com.memberpoints.domain.port.OrderStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@link OrderStore} in memory, with the semantics of the DynamoDB store: optimistic versions, and listings
 * ordered by (instant, order id) with opaque cursors. One lock serialises every operation.
 */
public final class InMemoryOrderStore implements OrderStore {

    private record Key(MerchantId merchant, OrderId order) {}

    private final Map<Key, Order> orders = new HashMap<>();

    @Override
    public synchronized Optional<Order> find(MerchantId merchant, OrderId order) {
        return Optional.ofNullable(orders.get(new Key(merchant, order)));
    }

    @Override
    public synchronized SaveResult save(Order order) {
        Objects.requireNonNull(order, "order");
        Key key = new Key(order.merchant(), order.id());
        Order stored = orders.get(key);
        long current = stored == null ? 0 : stored.version();
        if (current != order.version()) {
            return new SaveResult.Conflict(current);
        }
        long next = order.version() + 1;
        orders.put(key, withVersion(order, next));
        return new SaveResult.Saved(next);
    }

    @Override
    public synchronized Page<Order> awaitingAssignment(MerchantId merchant, Instant dueBefore, PageRequest page) {
        return list(merchant, page, "w", o -> o.assignmentDueAt().filter(d -> !d.isAfter(dueBefore)));
    }

    @Override
    public synchronized Page<Order> placedBetween(MerchantId merchant, Instant from, Instant to, PageRequest page) {
        return list(merchant, page, "p",
                o -> !o.placedAt().isBefore(from) && o.placedAt().isBefore(to) ? Optional.of(o.placedAt()) : Optional.empty());
    }

    private Page<Order> list(MerchantId merchant, PageRequest page, String tag, Function<Order, Optional<Instant>> sortKey) {
        String after = page.cursor().map(c -> Cursors.decode(c, tag)).orElse("");
        record Row(String key, Order order) {}
        List<Row> rows = new ArrayList<>();
        for (Order o : orders.values()) {
            if (!o.merchant().equals(merchant)) {
                continue;
            }
            sortKey.apply(o).map(at -> new Row(position(at, o.id()), o))
                    .filter(r -> r.key().compareTo(after) > 0)
                    .ifPresent(rows::add);
        }
        rows.sort(Comparator.comparing(Row::key));
        List<Order> items = rows.stream().limit(page.limit()).map(Row::order).toList();
        Optional<String> next = rows.size() > page.limit()
                ? Optional.of(Cursors.encode(tag, rows.get(page.limit() - 1).key()))
                : Optional.empty();
        return new Page<>(items, next);
    }

    /** Sortable position: epoch millis zero-padded, then the order id (same order as the DynamoDB indexes). */
    static String position(Instant at, OrderId id) {
        return String.format("%015d#%s", at.toEpochMilli(), id.value());
    }

    static Order withVersion(Order o, long version) {
        return new Order(o.merchant(), o.id(), o.member(), o.identity(), o.channel(), o.kind(), o.parentOrder(),
                o.placedAt(), o.amounts(), o.rule(), o.status(), o.payment(), o.delivery(), o.completedAt(),
                o.earned(), version);
    }
}
