package com.memberpoints.domain.notify;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How far a merchant's reminder passes got along the expiry index. Every wallet whose soonest lot expires before
 * {@code from} has been considered; when {@code cursor} is present, a walk starting at {@code from} stopped at its
 * limit after the index position {@code cursor} (whose expiry instant is {@code position}) and the next pass goes on
 * from there.
 */
public record ReminderProgress(Instant from, Optional<String> cursor, Instant position) {
    public ReminderProgress {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(cursor, "cursor");
        Objects.requireNonNull(position, "position");
    }

    /** Everything before {@code upTo} considered, no walk in progress. */
    public static ReminderProgress upTo(Instant upTo) {
        return new ReminderProgress(upTo, Optional.empty(), upTo);
    }
}
