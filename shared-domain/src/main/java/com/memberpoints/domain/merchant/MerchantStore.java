package com.memberpoints.domain.merchant;

import com.memberpoints.domain.model.MerchantId;
import java.util.List;
import java.util.Optional;

/**
 * Merchant (store) profiles: currency, time zone, locales, SMS and open flags, tiers. A deployment usually
 * serves one merchant, but every record is merchant-scoped, and the daily sweep walks {@link #all()}.
 * Failures of the underlying store are thrown as {@link MerchantStoreException}.
 */
public interface MerchantStore {

    Optional<Merchant> find(MerchantId merchant);

    /** The merchant's profile. @throws UnknownMerchantException when it has none */
    default Merchant require(MerchantId merchant) {
        return find(merchant).orElseThrow(() -> new UnknownMerchantException(merchant));
    }

    /** Creates or replaces the profile. */
    void save(Merchant merchant);

    /** Every merchant id, in a stable order. */
    List<MerchantId> all();

    final class MerchantStoreException extends RuntimeException {
        public MerchantStoreException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
