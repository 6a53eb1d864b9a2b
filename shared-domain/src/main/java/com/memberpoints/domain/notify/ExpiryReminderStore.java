package com.memberpoints.domain.notify;

import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.model.MerchantId;
import java.time.Instant;
import java.util.Optional;

/**
 * Expiry-reminder markers (one per wallet and expiry instant, never changed once written) and each merchant's
 * reminder progress along the expiry index. Failures of the underlying store are thrown as
 * {@link DeliveryStore.DeliveryStoreException}.
 */
public interface ExpiryReminderStore {

    /**
     * Creates the marker unless one exists for its wallet and expiry instant (a conditional create); answers the
     * stored marker: this one when created, else the one written before (whatever amount it recorded).
     */
    Recorded record(ExpiryReminder reminder);

    Optional<ExpiryReminder> find(WalletRef wallet, Instant expiresAt);

    Optional<ReminderProgress> progress(MerchantId merchant);

    void saveProgress(MerchantId merchant, ReminderProgress progress);

    /** The stored marker, and whether this call created it. */
    record Recorded(ExpiryReminder reminder, boolean created) {
        public Recorded {
            java.util.Objects.requireNonNull(reminder, "reminder");
        }
    }
}
