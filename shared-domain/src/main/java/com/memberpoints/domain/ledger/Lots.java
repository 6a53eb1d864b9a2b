package com.memberpoints.domain.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The lots of one wallet, keyed by expiry instant, in spending order: soonest-expiring first,
 * never-expiring last. Immutable; every amount is positive (an emptied lot disappears).
 *
 * <p>Allocation of a debit ({@link #allocate}) takes from the soonest-expiring lot that is still
 * valid at the time of the debit; its exact reversal ({@link #restore}) puts every unit back into
 * the lot (same expiry instant) it was taken from.
 */
public final class Lots {

    /** Spending order: present expiries ascending, then "never". */
    public static final Comparator<Optional<Instant>> SPENDING_ORDER = (a, b) -> {
        if (a.isPresent() && b.isPresent()) {
            return a.get().compareTo(b.get());
        }
        return Boolean.compare(a.isEmpty(), b.isEmpty());
    };

    private static final Lots EMPTY = new Lots(new TreeMap<>(SPENDING_ORDER));

    private final TreeMap<Optional<Instant>, Long> byExpiry;
    private final long total;

    private Lots(TreeMap<Optional<Instant>, Long> byExpiry) {
        this.byExpiry = byExpiry;
        long sum = 0;
        for (long v : byExpiry.values()) {
            sum = Math.addExact(sum, v);
        }
        this.total = sum;
    }

    public static Lots empty() {
        return EMPTY;
    }

    public static Lots of(List<Lot> lots) {
        TreeMap<Optional<Instant>, Long> map = new TreeMap<>(SPENDING_ORDER);
        for (Lot lot : lots) {
            map.merge(lot.expiresAt(), lot.amount(), Math::addExact);
        }
        return new Lots(map);
    }

    /** Expiry instants are stored at whole-second precision (the rules produce 23:59:59 local). */
    static Instant requireWholeSeconds(Instant instant) {
        if (instant.getNano() != 0) {
            throw new IllegalArgumentException("expiry instants must be whole seconds: " + instant);
        }
        if (instant.isBefore(Instant.EPOCH) || instant.getEpochSecond() > 99_999_999_999L) {
            throw new IllegalArgumentException("expiry instant out of range: " + instant);
        }
        return instant;
    }

    /** Book balance: every unit held, including lots past expiry that have not been expired yet. */
    public long total() {
        return total;
    }

    /** What can be spent at {@code asOf}: lots whose expiry is after {@code asOf}, plus never-expiring. */
    public long available(Instant asOf) {
        long sum = 0;
        for (Map.Entry<Optional<Instant>, Long> e : byExpiry.entrySet()) {
            if (isValidAt(e.getKey(), asOf)) {
                sum += e.getValue();
            }
        }
        return sum;
    }

    /** A lot is valid strictly before its expiry instant. */
    public static boolean isValidAt(Optional<Instant> expiresAt, Instant asOf) {
        return expiresAt.isEmpty() || asOf.isBefore(expiresAt.get());
    }

    public long amountAt(Optional<Instant> expiresAt) {
        return byExpiry.getOrDefault(expiresAt, 0L);
    }

    /** Soonest expiry instant among the lots (empty when none expires). */
    public Optional<Instant> nextExpiry() {
        return byExpiry.isEmpty() ? Optional.empty() : byExpiry.firstKey();
    }

    public boolean isEmpty() {
        return byExpiry.isEmpty();
    }

    /** The lots in spending order. */
    public List<Lot> asList() {
        List<Lot> out = new ArrayList<>(byExpiry.size());
        byExpiry.forEach((k, v) -> out.add(new Lot(k, v)));
        return Collections.unmodifiableList(out);
    }

    /** Expiry → amount in spending order. */
    public Map<Optional<Instant>, Long> asMap() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(byExpiry));
    }

    /** Adds {@code amount} (> 0) to the lot expiring at {@code expiresAt}. */
    public Lots credit(Optional<Instant> expiresAt, long amount) {
        return apply(List.of(new LotChange(expiresAt, amount)));
    }

    /**
     * Allocates a debit of {@code amount} (> 0) soonest-expiring first over the lots valid at
     * {@code asOf}. Empty when they hold less than {@code amount}. The changes are negative, one
     * per lot touched, in spending order.
     */
    public Optional<List<LotChange>> allocate(long amount, Instant asOf) {
        if (amount <= 0) {
            throw new IllegalArgumentException("a debit allocates a positive amount, got " + amount);
        }
        Objects.requireNonNull(asOf, "asOf");
        List<LotChange> changes = new ArrayList<>();
        long remaining = amount;
        for (Map.Entry<Optional<Instant>, Long> e : byExpiry.entrySet()) {
            if (remaining == 0) {
                break;
            }
            if (!isValidAt(e.getKey(), asOf)) {
                continue;
            }
            long take = Math.min(remaining, e.getValue());
            changes.add(new LotChange(e.getKey(), -take));
            remaining -= take;
        }
        return remaining == 0 ? Optional.of(List.copyOf(changes)) : Optional.empty();
    }

    /** The exact reversal of an allocation (or of any changes): every unit back to its own lot. */
    public Lots restore(List<LotChange> applied) {
        List<LotChange> inverse = new ArrayList<>(applied.size());
        for (LotChange c : applied) {
            inverse.add(c.negate());
        }
        return apply(inverse);
    }

    /** Applies signed changes; refuses any that would make a lot negative. */
    public Lots apply(List<LotChange> changes) {
        TreeMap<Optional<Instant>, Long> map = new TreeMap<>(byExpiry);
        for (LotChange c : changes) {
            long next = Math.addExact(map.getOrDefault(c.expiresAt(), 0L), c.delta());
            if (next < 0) {
                throw new IllegalArgumentException("lot " + c.expiresAt() + " would become negative: " + next);
            }
            if (next == 0) {
                map.remove(c.expiresAt());
            } else {
                map.put(c.expiresAt(), next);
            }
        }
        return new Lots(map);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Lots other && byExpiry.equals(other.byExpiry);
    }

    @Override
    public int hashCode() {
        return byExpiry.hashCode();
    }

    @Override
    public String toString() {
        return "Lots" + byExpiry;
    }
}
