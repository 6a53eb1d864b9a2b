package com.memberpoints.domain.liability;

import com.memberpoints.domain.ledger.Wallet;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One read of a merchant's liability counters ({@link LiabilityCounters#tally}): per wallet kind, the total and the
 * lots expiring at or before each of {@code cutOffs} (cumulative, to the second).
 */
public record LiabilityTally(CutOffs cutOffs, Counts points, Counts credits) {

    /**
     * One wallet kind's counters, in its units.
     *
     * @param total        sum of every recorded change (what members hold, expired-but-unswept lots included)
     * @param expiringUpTo element {@code i}: sum of the lots expiring at or before cut-off {@code i}
     */
    public record Counts(long total, List<Long> expiringUpTo) {
        public Counts {
            expiringUpTo = List.copyOf(Objects.requireNonNull(expiringUpTo, "expiringUpTo"));
        }
    }

    public LiabilityTally {
        Objects.requireNonNull(cutOffs, "cutOffs");
        Objects.requireNonNull(points, "points");
        Objects.requireNonNull(credits, "credits");
        if (points.expiringUpTo().size() != cutOffs.size() || credits.expiringUpTo().size() != cutOffs.size()) {
            throw new IllegalArgumentException("one expiring sum per cut-off, per wallet kind");
        }
    }

    public Counts of(Wallet wallet) {
        return switch (wallet) {
            case POINTS -> points;
            case CREDITS -> credits;
        };
    }

    public long total(Wallet wallet) {
        return of(wallet).total();
    }

    /** Lots of {@code wallet} expiring at or before {@code cutOff}, which must be one of the cut-offs read. */
    public long upTo(Wallet wallet, Instant cutOff) {
        return of(wallet).expiringUpTo().get(cutOffs.indexOf(cutOff));
    }

    /**
     * Lots of {@code wallet} expiring in {@code (after, upTo]}, to the second (both cut-offs read); zero unless
     * {@code upTo} is after {@code after}.
     */
    public long between(Wallet wallet, Instant after, Instant upTo) {
        return upTo.isAfter(after) ? Math.subtractExact(upTo(wallet, upTo), upTo(wallet, after)) : 0;
    }
}
