package com.memberpoints.functions.platform.http;

import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.model.InvalidInputException;
import java.util.Optional;

/**
 * The client's idempotency key of a write route: the {@code Idempotency-Key} header or the body's
 * {@code idempotencyKey} field (not two different values), 1-100 characters of letters, digits and {@code ._:@+-}.
 */
public final class IdempotencyKeys {
    public static final String RULE = "must be 1-100 characters of letters, digits and ._:@+-";

    private IdempotencyKeys() {}

    /** Header or field (not two different values); required. */
    public static String required(ApiRequest request, Optional<String> field) {
        Optional<String> header = request.header("idempotency-key");
        if (header.isPresent()) {
            try {
                check(header.get());
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("Idempotency-Key", RULE);
            }
            if (field.isPresent() && !field.get().equals(header.get())) {
                throw new InvalidInputException("idempotencyKey", "differs from the Idempotency-Key header");
            }
            return header.get();
        }
        return field.orElseThrow(() -> new InvalidInputException("Idempotency-Key",
                "is required (header, or the idempotencyKey field): retries must reuse it"));
    }

    /** Header or field when either is sent; empty when neither is. */
    public static Optional<String> optional(ApiRequest request, Optional<String> field) {
        return request.header("idempotency-key").isPresent() || field.isPresent()
                ? Optional.of(required(request, field)) : Optional.empty();
    }

    /** The key itself when it follows {@link #RULE}; an {@link IllegalArgumentException} otherwise. */
    public static String check(String key) {
        if (key.length() > 100 || !LedgerCommand.REFERENCE.matcher(key).matches()) {
            throw new IllegalArgumentException("bad key");
        }
        return key;
    }
}
