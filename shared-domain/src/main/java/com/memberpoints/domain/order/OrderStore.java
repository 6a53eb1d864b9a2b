package com.memberpoints.domain.order;

import com.memberpoints.domain.model.Page;
import com.memberpoints.domain.model.PageRequest;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.domain.model.MemberId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Orders as the points service knows them, with optimistic concurrency: {@link #save} writes only when the
 * stored version equals {@code order.version()} (0 = the order must not exist yet) and stores it as
 * version + 1. Failures of the underlying store are thrown as {@link OrderStoreException}.
 */
public interface OrderStore {

    Optional<Order> find(MerchantId merchant, OrderId order);

    SaveResult save(Order order);

    /**
     * Orders whose points assignment is due at or before {@code dueBefore} and not yet made
     * ({@link Order#assignmentDueAt()} present), soonest due first (ties by order id). The daily sweep uses it
     * to assign orders whose scheduled assignment was lost.
     */
    Page<Order> awaitingAssignment(MerchantId merchant, Instant dueBefore, PageRequest page);

    /** Orders placed in {@code [from, to)}, oldest first (ties by order id), for the orders report. */
    Page<Order> placedBetween(MerchantId merchant, Instant from, Instant to, PageRequest page);

    /** Largest {@code max} of {@link #pendingForMember}. */
    int MAX_PENDING = 100;

    /**
     * The orders of {@code member} that will still earn points ({@link Order#pendingPoints()} present), at most
     * {@code max}: scheduled ones first, soonest due first, then those whose date is not known yet (awaiting
     * delivery or completion), oldest placement first; ties by order id. Reads only the member's pending orders
     * (a sparse index), never the member's order history.
     *
     * @throws IllegalArgumentException when {@code max} is not in {@code 1..MAX_PENDING}
     */
    List<Order> pendingForMember(MerchantId merchant, MemberId member, int max);

    sealed interface SaveResult {
        /** Written; the order is now stored at {@code version}. */
        record Saved(long version) implements SaveResult {}

        /** Someone else wrote first; {@code currentVersion} is what is stored (0 = no such order). */
        record Conflict(long currentVersion) implements SaveResult {}
    }

    final class OrderStoreException extends RuntimeException {
        public OrderStoreException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
