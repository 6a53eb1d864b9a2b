package com.memberpoints.domain.model;

/** Identifier of a order; opaque, 1-128 characters of [A-Za-z0-9._:@+-] (never contains '#' or '|'). */
public record OrderId(String value) {
    public OrderId {
        Ids.check("orderId", value);
    }

    public static OrderId of(String value) {
        return new OrderId(value);
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
