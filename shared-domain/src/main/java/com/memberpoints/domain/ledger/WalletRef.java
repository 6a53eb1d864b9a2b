package com.memberpoints.domain.ledger;

import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import java.util.Objects;

/** One balance: a member's wallet at a merchant. */
public record WalletRef(MerchantId merchant, MemberId member, Wallet wallet) {
    public WalletRef {
        Objects.requireNonNull(merchant, "merchant");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(wallet, "wallet");
    }

    public static WalletRef points(MerchantId merchant, MemberId member) {
        return new WalletRef(merchant, member, Wallet.POINTS);
    }

    public static WalletRef credits(MerchantId merchant, MemberId member) {
        return new WalletRef(merchant, member, Wallet.CREDITS);
    }
}
