package com.memberpoints.domain.merchant;

import java.util.Objects;

/**
 * Setting a merchant's store profile (name, currency, time zone, locales, SMS, open flag, tiers). The currency
 * is fixed once set: every ledger amount of credits and every money rule is in it, so changing it would
 * silently revalue them.
 */
public final class StoreProfiles {
    private final MerchantStore merchants;

    public StoreProfiles(MerchantStore merchants) {
        this.merchants = Objects.requireNonNull(merchants, "merchants");
    }

    public sealed interface Outcome {
        record Saved(Merchant merchant, boolean created) implements Outcome {}

        record CurrencyLocked(String currency) implements Outcome {}
    }

    public Outcome save(Merchant profile) {
        var existing = merchants.find(profile.id());
        if (existing.isPresent() && !existing.get().currency().equals(profile.currency())) {
            return new Outcome.CurrencyLocked(existing.get().currency().getCurrencyCode());
        }
        merchants.save(profile);
        return new Outcome.Saved(profile, existing.isEmpty());
    }
}
