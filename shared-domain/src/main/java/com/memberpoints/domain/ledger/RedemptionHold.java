package com.memberpoints.domain.ledger;

import com.memberpoints.domain.model.OrderId;
import java.time.Instant;
import java.util.Objects;

/** A checkout redemption not yet confirmed by a placed order. */
public record RedemptionHold(WalletRef wallet, OrderId order, Instant heldAt) {
    public RedemptionHold {
        Objects.requireNonNull(wallet, "wallet");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(heldAt, "heldAt");
        heldAt = heldAt.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }
}
