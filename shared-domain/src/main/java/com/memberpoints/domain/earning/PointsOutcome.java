package com.memberpoints.domain.earning;

import com.memberpoints.domain.settings.EarnRate;
import java.util.Objects;

/** What an order earns in points, or why it earns none. */
public sealed interface PointsOutcome {

    /** Points earned; 0 when the base is below one "spend" step. */
    long points();

    record Earns(long points, EarnRate rate, RateSource source) implements PointsOutcome {
        public Earns {
            if (points < 0) {
                throw new IllegalArgumentException("points must not be negative");
            }
            Objects.requireNonNull(rate, "rate");
            Objects.requireNonNull(source, "source");
        }
    }

    record NotEarned(NotEarnedReason reason) implements PointsOutcome {
        public NotEarned {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public long points() {
            return 0;
        }
    }
}
