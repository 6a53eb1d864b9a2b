package com.memberpoints.domain.inmemory;

import com.memberpoints.domain.model.Page;
import com.memberpoints.domain.model.PageRequest;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.domain.order.Order;
import com.memberpoints.domain.order.OrderStore;
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
 * ordered by (instant, order id) with opaque cursors. Keyed by domain ids; it knows nothing of DynamoDB keys. One lock serialises every operation.
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

    @Override
    public synchronized List<Order> pendingForMember(MerchantId merchant, MemberId member, int max) {
        if (max < 1 || max > MAX_PENDING) {
            throw new IllegalArgumentException("max must be in 1.." + MAX_PENDING);
        }
        record Row(PendingPosition key, Order order) {}
        List<Row> rows = new ArrayList<>();
        for (Order o : orders.values()) {
            if (o.merchant().equals(merchant) && o.member().equals(Optional.of(member))) {
                pendingPosition(o).ifPresent(k -> rows.add(new Row(k, o)));
            }
        }
        // As the DynamoDB store: the MAX_PENDING oldest placed (its index key), then listed by position, then max.
        rows.sort(Comparator.comparing(r -> position(r.order().placedAt(), r.order().id())));
        List<Row> read = new ArrayList<>(rows.subList(0, Math.min(rows.size(), MAX_PENDING)));
        read.sort(Comparator.comparing(Row::key));
        return read.stream().limit(max).map(Row::order).toList();
    }

    /**
     * Position of an order among its member's pending orders: orders with a due date first, by due instant, then
     * the undated ones by placement (each then by order id).
     */
    private record PendingPosition(boolean undated, ListingPosition at) implements Comparable<PendingPosition> {
        @Override
        public int compareTo(PendingPosition other) {
            int c = Boolean.compare(undated, other.undated);
            return c != 0 ? c : at.compareTo(other.at);
        }
    }

    private static Optional<PendingPosition> pendingPosition(Order o) {
        return o.pendingPoints().map(p -> p.dueAt()
                .map(due -> new PendingPosition(false, position(due, o.id())))
                .orElseGet(() -> new PendingPosition(true, position(o.placedAt(), o.id()))));
    }

    private Page<Order> list(MerchantId merchant, PageRequest page, String tag, Function<Order, Optional<Instant>> sortKey) {
        Optional<ListingPosition> after = page.cursor().map(c -> ListingPosition.parse(Cursors.decode(c, tag)));
        record Row(ListingPosition key, Order order) {}
        List<Row> rows = new ArrayList<>();
        for (Order o : orders.values()) {
            if (!o.merchant().equals(merchant)) {
                continue;
            }
            sortKey.apply(o).map(at -> new Row(position(at, o.id()), o))
                    .filter(r -> after.isEmpty() || r.key().compareTo(after.get()) > 0)
                    .ifPresent(rows::add);
        }
        rows.sort(Comparator.comparing(Row::key));
        List<Order> items = rows.stream().limit(page.limit()).map(Row::order).toList();
        Optional<String> next = rows.size() > page.limit()
                ? Optional.of(Cursors.encode(tag, rows.get(page.limit() - 1).key().text()))
                : Optional.empty();
        return new Page<>(items, next);
    }

    /** Position in a listing: the instant's epoch millisecond, then the order id (the order the listings promise). */
    private static ListingPosition position(Instant at, OrderId id) {
        return ListingPosition.of(at.toEpochMilli(), id.value());
    }

    static Order withVersion(Order o, long version) {
        return o.withVersion(version);
    }
}
