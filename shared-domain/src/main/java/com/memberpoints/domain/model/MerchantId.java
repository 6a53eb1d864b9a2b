package com.memberpoints.domain.model;

/** Identifier of a merchant; opaque, 1-128 characters of [A-Za-z0-9._:@+-] (never contains '#' or '|'). */
public record MerchantId(String value) {
    public MerchantId {
        Ids.check("merchantId", value);
    }

    public static MerchantId of(String value) {
        return new MerchantId(value);
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
