package com.memberpoints.domain.ledger;

import java.util.Objects;

/** Both wallets of a member, read together (one read: what a checkout quote needs). */
public record MemberWallets(WalletState points, WalletState credits) {
    public MemberWallets {
        Objects.requireNonNull(points, "points");
        Objects.requireNonNull(credits, "credits");
        if (points.ref().wallet() != Wallet.POINTS || credits.ref().wallet() != Wallet.CREDITS) {
            throw new IllegalArgumentException("points and credits wallets swapped");
        }
    }
}
