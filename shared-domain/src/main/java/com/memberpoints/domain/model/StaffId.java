package com.memberpoints.domain.model;

/** Identifier of a staff; opaque, 1-128 characters of [A-Za-z0-9._:@+-] (never contains '#' or '|'). */
public record StaffId(String value) {
    public StaffId {
        Ids.check("staffId", value);
    }

    public static StaffId of(String value) {
        return new StaffId(value);
    }

    /** True when {@code value} would be accepted by the constructor. */
    public static boolean isValid(String value) {
        return Ids.valid(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
