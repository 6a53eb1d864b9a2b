package com.memberpoints.domain.ledger;

import java.util.Objects;

/**
 * Deterministic identity of one ledger mutation within a member's ledger (the merchant and member
 * are the scope). Built only from what identifies the business operation (order id + wallet + kind,
 * request id, job id, lot expiry), never from a clock or a random source, so that a retried or
 * re-delivered operation maps to the same id.
 *
 * <p>Shape: order-linked operations start with {@code O#<orderId>#} (so every entry of an order can
 * be found by prefix); others start with {@code N#}.
 */
public record OperationId(String value) {
    public static final int MAX_LENGTH = 400;

    public OperationId {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("operation id must be 1-" + MAX_LENGTH + " characters");
        }
    }

    public boolean isForOrder() {
        return value.startsWith("O#");
    }

    @Override
    public String toString() {
        return value;
    }
}
