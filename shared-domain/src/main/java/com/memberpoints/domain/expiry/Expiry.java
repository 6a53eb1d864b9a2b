package com.memberpoints.domain.expiry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/** When a lot of points (or of reward credits) expires: never, or at an instant. */
public sealed interface Expiry {

    /** The expiry instant, empty for {@link Never}. */
    Optional<Instant> instant();

    /** True once {@code now} has reached the expiry instant; never true for {@link Never}. */
    boolean isExpiredAt(Instant now);

    record Never() implements Expiry {
        @Override
        public Optional<Instant> instant() {
            return Optional.empty();
        }

        @Override
        public boolean isExpiredAt(Instant now) {
            return false;
        }
    }

    /**
     * Expires at {@code at}: the last second (23:59:59 local) of {@code localDate} in the merchant zone.
     */
    record At(Instant at, LocalDate localDate) implements Expiry {
        public At {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(localDate, "localDate");
        }

        @Override
        public Optional<Instant> instant() {
            return Optional.of(at);
        }

        @Override
        public boolean isExpiredAt(Instant now) {
            return !now.isBefore(at);
        }
    }

    Expiry NEVER = new Never();
}
