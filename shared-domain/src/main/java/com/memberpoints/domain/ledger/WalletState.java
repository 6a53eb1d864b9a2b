package com.memberpoints.domain.ledger;

import java.time.Instant;
import java.util.Objects;

/**
 * A wallet's balance and lots as read in one read. {@code version} counts the entries applied
 * (0 = nothing ever written); it is the optimistic-concurrency token of the stores.
 */
public record WalletState(WalletRef ref, long version, Lots lots) {
    public WalletState {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(lots, "lots");
        if (version < 0) {
            throw new IllegalArgumentException("version must not be negative");
        }
    }

    public static WalletState initial(WalletRef ref) {
        return new WalletState(ref, 0, Lots.empty());
    }

    /** Book balance (sum of the lots). */
    public long balance() {
        return lots.total();
    }

    /** Spendable at {@code asOf}: lots past their expiry are not spendable even before the sweep. */
    public long available(Instant asOf) {
        return lots.available(asOf);
    }
}
