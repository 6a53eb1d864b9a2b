package com.memberpoints.domain.model;

/** Identifier of a member; opaque, 1-128 characters of [A-Za-z0-9._:@+-] (never contains '#' or '|'). */
public record MemberId(String value) {
    public MemberId {
        Ids.check("memberId", value);
    }

    public static MemberId of(String value) {
        return new MemberId(value);
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
