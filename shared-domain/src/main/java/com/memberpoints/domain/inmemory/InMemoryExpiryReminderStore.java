package com.memberpoints.domain.inmemory;

import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.notify.ExpiryReminder;
import com.memberpoints.domain.notify.ExpiryReminderStore;
import com.memberpoints.domain.notify.ReminderProgress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link ExpiryReminderStore} in memory: markers created once per wallet and expiry instant, progress per merchant. */
public final class InMemoryExpiryReminderStore implements ExpiryReminderStore {
    private record Key(WalletRef wallet, Instant expiresAt) {}

    private final Map<Key, ExpiryReminder> markers = new LinkedHashMap<>();
    private final Map<MerchantId, ReminderProgress> progress = new HashMap<>();

    @Override
    public synchronized Recorded record(ExpiryReminder reminder) {
        ExpiryReminder before = markers.putIfAbsent(new Key(reminder.wallet(), reminder.expiresAt()), reminder);
        return before == null ? new Recorded(reminder, true) : new Recorded(before, false);
    }

    @Override
    public synchronized Optional<ExpiryReminder> find(WalletRef wallet, Instant expiresAt) {
        return Optional.ofNullable(markers.get(new Key(wallet, expiresAt)));
    }

    @Override
    public synchronized Optional<ReminderProgress> progress(MerchantId merchant) {
        return Optional.ofNullable(progress.get(merchant));
    }

    @Override
    public synchronized void saveProgress(MerchantId merchant, ReminderProgress p) {
        progress.put(merchant, p);
    }

    /** Every marker, in the order written (tests and the local stack). */
    public synchronized List<ExpiryReminder> all() {
        return new ArrayList<>(markers.values());
    }
}
