package com.memberpoints.domain.settings;

import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.Page;
import com.memberpoints.domain.model.PageRequest;
import com.memberpoints.domain.model.TimeSource;
import com.memberpoints.domain.model.TtlCache;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link SettingsStore} decorator that keeps each merchant's current settings for at most {@code ttl} per
 * container (docs/decisions.md, "Settings and merchant cache"). What it changes and what it does not:
 * <ul>
 *   <li>{@link #current} may answer a version up to {@code ttl} old: a save made in another container is seen
 *       here at most {@code ttl} later; a save through this decorator is seen at once (the entry is dropped).</li>
 *   <li>{@link #byVersion} is cached without expiry: a saved version never changes.</li>
 *   <li>{@link #activityLog} and {@link #save} always go to the store: placement finds the version in force at
 *       the order's placement time in the log, so the rule an order binds does not depend on this cache.</li>
 * </ul>
 */
public final class CachingSettingsStore implements SettingsStore {

    private record VersionKey(MerchantId merchant, long version) {}

    private final SettingsStore store;
    private final TtlCache<MerchantId, Optional<MerchantSettings>> current;
    private final TtlCache<VersionKey, Optional<MerchantSettings>> versions;

    public CachingSettingsStore(SettingsStore store, Duration ttl, TimeSource clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.current = new TtlCache<>(ttl, clock, 256);
        this.versions = new TtlCache<>(Duration.ofDays(36_500), clock, 1024);
    }

    @Override
    public Optional<MerchantSettings> current(MerchantId merchant) {
        return current.get(merchant, store::current);
    }

    @Override
    public Optional<MerchantSettings> byVersion(MerchantId merchant, long version) {
        Optional<MerchantSettings> found = versions.get(new VersionKey(merchant, version),
                k -> store.byVersion(k.merchant(), k.version()));
        if (found.isEmpty()) {
            versions.invalidate(new VersionKey(merchant, version)); // not saved yet: ask again next time
        }
        return found;
    }

    @Override
    public SaveResult save(MerchantId merchant, MerchantSettings settings, long expectedVersion, ChangeLogEntry entry) {
        try {
            return store.save(merchant, settings, expectedVersion, entry);
        } finally {
            current.invalidate(merchant);
        }
    }

    @Override
    public void appendActivity(MerchantId merchant, ChangeLogEntry entry) {
        store.appendActivity(merchant, entry);
    }

    @Override
    public Page<ActivityLogEntry> activityLog(MerchantId merchant, PageRequest page) {
        return store.activityLog(merchant, page);
    }
}
