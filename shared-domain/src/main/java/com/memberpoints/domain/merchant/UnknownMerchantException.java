package com.memberpoints.domain.merchant;

import com.memberpoints.domain.model.MerchantId;

/** The caller's merchant has no store profile: nothing can be quoted or shown (HTTP: 404). */
public final class UnknownMerchantException extends RuntimeException {
    private final transient MerchantId merchant;

    public UnknownMerchantException(MerchantId merchant) {
        super("no merchant profile for " + merchant.value(), null, false, false);
        this.merchant = merchant;
    }

    public MerchantId merchant() {
        return merchant;
    }
}
