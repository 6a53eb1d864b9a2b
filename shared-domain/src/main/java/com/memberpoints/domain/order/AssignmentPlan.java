package com.memberpoints.domain.order;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/** What to do about an order's points when a delivery or completion event arrives. */
public sealed interface AssignmentPlan {

    /** Create a one-time schedule firing at {@code dueAt} (local date {@code dueDate}). */
    record Schedule(Instant dueAt, LocalDate dueDate) implements AssignmentPlan {
        public Schedule {
            Objects.requireNonNull(dueAt, "dueAt");
            Objects.requireNonNull(dueDate, "dueDate");
        }
    }

    /**
     * Assign at {@code at} now; any pending schedule for the order must be removed (or must find the
     * order already assigned when it fires).
     */
    record AssignNow(Instant at) implements AssignmentPlan {
        public AssignNow {
            Objects.requireNonNull(at, "at");
        }
    }

    /** Nothing to do for this event; {@code why} says what the order is waiting for. */
    record Nothing(String why) implements AssignmentPlan {
        public Nothing {
            Objects.requireNonNull(why, "why");
        }
    }
}
