package com.memberpoints.domain.model;

/** Who made a change: a staff member, or the system itself (order events, schedules, sweeps). */
public sealed interface Actor {

    /** Stable text form used in journals and logs: {@code staff:<id>} or {@code system}. */
    String label();

    record Staff(StaffId staffId) implements Actor {
        public Staff {
            java.util.Objects.requireNonNull(staffId, "staffId");
        }

        @Override
        public String label() {
            return "staff:" + staffId.value();
        }
    }

    record System() implements Actor {
        @Override
        public String label() {
            return "system";
        }
    }

    Actor SYSTEM = new System();

    static Actor staff(String staffId) {
        return new Staff(StaffId.of(staffId));
    }

    /** Inverse of {@link #label()}. */
    static Actor parse(String label) {
        if ("system".equals(label)) {
            return SYSTEM;
        }
        if (label != null && label.startsWith("staff:")) {
            return staff(label.substring("staff:".length()));
        }
        throw new IllegalArgumentException("not an actor label: " + label);
    }
}
