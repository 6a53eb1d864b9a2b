package com.memberpoints.domain.liability;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The instants one {@link LiabilityCounters#tally} sums the expiry buckets up to, in ascending order (equal instants
 * allowed). Like the buckets, cut-offs count to the second: a lot expiring at second {@code s} is at or before a
 * cut-off {@code c} when {@code s <= c.getEpochSecond()}. Empty: only the totals are read.
 */
public record CutOffs(List<Instant> instants) {

    /** No cut-off: a tally of the totals alone. */
    public static final CutOffs NONE = new CutOffs(List.of());

    public CutOffs {
        instants = List.copyOf(Objects.requireNonNull(instants, "instants"));
        for (int i = 1; i < instants.size(); i++) {
            if (instants.get(i).isBefore(instants.get(i - 1))) {
                throw new IllegalArgumentException("cut-offs must be in ascending order: " + instants);
            }
        }
    }

    public static CutOffs of(Instant... instants) {
        return new CutOffs(List.of(instants));
    }

    public int size() {
        return instants.size();
    }

    public boolean isEmpty() {
        return instants.isEmpty();
    }

    public Instant get(int i) {
        return instants.get(i);
    }

    /** The latest cut-off: a tally reads the buckets up to it. */
    public Instant last() {
        if (instants.isEmpty()) {
            throw new IllegalStateException("no cut-off");
        }
        return instants.getLast();
    }

    /** Position of {@code cutOff} among these (the first equal one). */
    int indexOf(Instant cutOff) {
        int i = instants.indexOf(Objects.requireNonNull(cutOff, "cutOff"));
        if (i < 0) {
            throw new IllegalArgumentException(cutOff + " is not one of the cut-offs read: " + instants);
        }
        return i;
    }
}
