package com.memberpoints.domain.ledger;

import java.time.Instant;
import java.util.Objects;

/** A wallet whose soonest-expiring lot expires at {@code expiresAt} (what the expiry sweep reads). */
public record ExpiringLot(WalletRef wallet, Instant expiresAt) {
    public ExpiringLot {
        Objects.requireNonNull(wallet, "wallet");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
