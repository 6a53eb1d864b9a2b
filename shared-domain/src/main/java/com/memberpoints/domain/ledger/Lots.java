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
 *
 * <p>A wallet holds at most {@link #MAX_EXPIRING_LOTS} lots with an expiry (plus the never-expiring
 * lot): credits and reverts go through {@link #add}, which merges a lot that would go past the cap
 * into an earlier one, so no unit ever expires later than the instant it was credited with. This
 * bounds the balance item and every journal entry ({@link JournalEntry#MAX_LOT_CHANGES}) whatever
 * the history of expiry settings.
 */
public final class Lots {

    /**
     * Most lots with an expiry one wallet holds (the never-expiring lot comes on top). A wallet only
     * gets there with a thousand distinct expiry instants alive at once (the yearly rule makes one a
     * year; store credits valid N days one a day at most).
     */
    public static final int MAX_EXPIRING_LOTS = 1_000;

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

    /** How many lots have an expiry (the never-expiring lot is not counted). */
    public int expiringCount() {
        return expiringCount(byExpiry);
    }

    private static int expiringCount(Map<Optional<Instant>, Long> map) {
        return map.containsKey(Optional.<Instant>empty()) ? map.size() - 1 : map.size();
    }

    /** Adds {@code amount} (> 0) to the lot expiring at {@code expiresAt}, with no cap (for tests and fixtures). */
    public Lots credit(Optional<Instant> expiresAt, long amount) {
        return apply(List.of(new LotChange(expiresAt, amount)));
    }

    /** What {@link #add} did: the lots after, and the net change made to each lot, in spending order. */
    public record Addition(Lots lots, List<LotChange> changes) {
        public Addition {
            Objects.requireNonNull(lots, "lots");
            changes = List.copyOf(changes);
        }
    }

    /**
     * Adds positive changes (a credit, or the units a revert gives back) as of {@code at}, keeping the
     * wallet within {@link #MAX_EXPIRING_LOTS}. Each change goes to its own lot when that lot exists,
     * never expires, or the wallet has room. Otherwise one merge makes room, always into the earlier
     * lot and never across {@code at} (a lot still valid never joins one already past expiry, nor
     * the other way round):
     * <ol>
     *   <li>the new units join the nearest earlier lot, when it is on the same side of {@code at};</li>
     *   <li>otherwise the two adjacent lots on the same side of {@code at} with the shortest time
     *       between them merge into the earlier (the new lot may be one of them).</li>
     * </ol>
     * A wallet read with more lots than the cap (written before it) never grows. The changes returned
     * are net per lot: applying them to these lots gives {@link Addition#lots()}.
     */
    public Addition add(List<LotChange> additions, Instant at) {
        Objects.requireNonNull(at, "at");
        TreeMap<Optional<Instant>, Long> map = new TreeMap<>(byExpiry);
        TreeMap<Optional<Instant>, Long> net = new TreeMap<>(SPENDING_ORDER);
        for (LotChange c : additions) {
            if (c.delta() <= 0) {
                throw new IllegalArgumentException("an addition is positive, got " + c.delta());
            }
            boolean newLot = c.expiresAt().isPresent() && !map.containsKey(c.expiresAt());
            deposit(map, net, c.expiresAt(), c.delta());
            if (newLot && expiringCount(map) > Math.max(MAX_EXPIRING_LOTS, expiringCount())) {
                makeRoom(map, net, c.expiresAt(), at);
            }
        }
        net.values().removeIf(v -> v == 0);
        List<LotChange> changes = new ArrayList<>(net.size());
        net.forEach((k, v) -> changes.add(new LotChange(k, v)));
        return new Addition(new Lots(map), changes);
    }

    private static void makeRoom(TreeMap<Optional<Instant>, Long> map, TreeMap<Optional<Instant>, Long> net,
                                 Optional<Instant> added, Instant at) {
        Optional<Instant> earlier = map.lowerKey(added);
        if (earlier != null && sameSide(earlier, added, at)) {
            merge(map, net, added, earlier);
            return;
        }
        Optional<Instant> bestFrom = null;
        Optional<Instant> bestInto = null;
        long bestGap = Long.MAX_VALUE;
        Optional<Instant> previous = null;
        for (Optional<Instant> key : map.keySet()) {
            if (key.isEmpty()) {
                break;
            }
            if (previous != null && sameSide(previous, key, at)) {
                long gap = key.get().getEpochSecond() - previous.get().getEpochSecond();
                if (gap < bestGap) {
                    bestGap = gap;
                    bestFrom = key;
                    bestInto = previous;
                }
            }
            previous = key;
        }
        // More than two expiring lots: one side of 'at' holds two adjacent ones.
        merge(map, net, bestFrom, bestInto);
    }

    private static boolean sameSide(Optional<Instant> a, Optional<Instant> b, Instant at) {
        return isValidAt(a, at) == isValidAt(b, at);
    }

    /** Puts {@code amount} new units into lot {@code into}. */
    private static void deposit(TreeMap<Optional<Instant>, Long> map, TreeMap<Optional<Instant>, Long> net,
                                Optional<Instant> into, long amount) {
        map.merge(into, amount, Math::addExact);
        net.merge(into, amount, Math::addExact);
    }

    /** Moves every unit of lot {@code from} into lot {@code into}. */
    private static void merge(TreeMap<Optional<Instant>, Long> map, TreeMap<Optional<Instant>, Long> net,
                              Optional<Instant> from, Optional<Instant> into) {
        long amount = map.remove(from);
        net.merge(from, -amount, Math::addExact);
        deposit(map, net, into, amount);
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
