package com.memberpoints.domain.order;

import com.memberpoints.domain.model.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The returns and refunds applied to an order (issue 12.3): each partial return once, by the platform's return id,
 * and whether the order was returned in full. Points follow the order's earn base minus the returned total
 * ({@link Order#netEarnBase()}); a full return voids the order's points like a cancellation ({@link Order#isVoided()}).
 *
 * @param applied the returns applied so far, oldest first (at most {@link #MAX_RETURNS})
 * @param full    a full return was applied: nothing is owed any more, redemptions go back to the member
 */
public record OrderReturns(List<Applied> applied, boolean full) {
    /** Returns one order may carry; a further one is refused (a platform sending more is misbehaving). */
    public static final int MAX_RETURNS = 100;
    /** The alphabet of return ids: the same as order ids. */
    public static final Pattern RETURN_ID = Pattern.compile("[A-Za-z0-9._:@+\\-]{1,128}");

    public OrderReturns {
        applied = List.copyOf(Objects.requireNonNull(applied, "applied"));
        if (applied.size() > MAX_RETURNS) {
            throw new IllegalArgumentException("an order carries at most " + MAX_RETURNS + " returns");
        }
        if (applied.stream().map(Applied::returnId).distinct().count() != applied.size()) {
            throw new IllegalArgumentException("return ids are distinct");
        }
    }

    /** No return yet. */
    public static final OrderReturns NONE = new OrderReturns(List.of(), false);

    /** One return as applied: its id, the amount it took off the earn base, when it happened. */
    public record Applied(String returnId, Money amount, Instant at) {
        public Applied {
            Objects.requireNonNull(returnId, "returnId");
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(at, "at");
            if (!RETURN_ID.matcher(returnId).matches()) {
                throw new IllegalArgumentException("bad return id");
            }
            if (amount.isNegative()) {
                throw new IllegalArgumentException("a returned amount is not negative");
            }
        }
    }

    public boolean contains(String returnId) {
        return applied.stream().anyMatch(a -> a.returnId().equals(returnId));
    }

    public boolean isEmpty() {
        return applied.isEmpty() && !full;
    }

    /** The total returned (zero in {@code currency} when none). */
    public Money total(Currency currency) {
        Money sum = Money.zero(currency);
        for (Applied a : applied) {
            sum = sum.plus(a.amount());
        }
        return sum;
    }

    /** With {@code a} applied; {@code fullReturn} marks the order returned in full. */
    public OrderReturns with(Applied a, boolean fullReturn) {
        List<Applied> next = new ArrayList<>(applied);
        next.add(a);
        return new OrderReturns(next, full || fullReturn);
    }
}
