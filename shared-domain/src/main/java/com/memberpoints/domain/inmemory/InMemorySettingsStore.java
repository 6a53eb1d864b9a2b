package com.memberpoints.domain.inmemory;

import com.memberpoints.domain.model.Page;
import com.memberpoints.domain.model.PageRequest;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.settings.SettingsStore;
import com.memberpoints.domain.settings.MerchantSettings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@link SettingsStore} in memory, with the semantics of the DynamoDB store: every version kept, optimistic
 * saves, the activity log newest first with opaque cursors. One lock serialises every operation.
 */
public final class InMemorySettingsStore implements SettingsStore {

    private record Version(MerchantSettings settings, ActivityLogEntry entry) {}

    private final Map<MerchantId, TreeMap<Long, Version>> versions = new HashMap<>();

    @Override
    public synchronized Optional<MerchantSettings> current(MerchantId merchant) {
        TreeMap<Long, Version> all = versions.get(merchant);
        return all == null || all.isEmpty() ? Optional.empty() : Optional.of(all.lastEntry().getValue().settings());
    }

    @Override
    public synchronized Optional<MerchantSettings> byVersion(MerchantId merchant, long version) {
        TreeMap<Long, Version> all = versions.get(merchant);
        return all == null ? Optional.empty() : Optional.ofNullable(all.get(version)).map(Version::settings);
    }

    @Override
    public synchronized SaveResult save(
            MerchantId merchant, MerchantSettings settings, long expectedVersion, ChangeLogEntry entry) {
        Objects.requireNonNull(merchant, "merchant");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(entry, "entry");
        if (expectedVersion < 0 || settings.version() != expectedVersion + 1) {
            throw new IllegalArgumentException("settings must carry version expectedVersion + 1");
        }
        TreeMap<Long, Version> all = versions.computeIfAbsent(merchant, k -> new TreeMap<>());
        long stored = all.isEmpty() ? 0 : all.lastKey();
        if (stored != expectedVersion) {
            return new SaveResult.Conflict(stored);
        }
        all.put(settings.version(), new Version(settings, ActivityLogEntry.of(settings.version(), entry)));
        return new SaveResult.Saved(settings.version());
    }

    @Override
    public synchronized Page<ActivityLogEntry> activityLog(MerchantId merchant, PageRequest page) {
        long below = page.cursor().map(c -> parse(Cursors.decode(c, "a"))).orElse(Long.MAX_VALUE);
        TreeMap<Long, Version> all = versions.getOrDefault(merchant, new TreeMap<>());
        List<ActivityLogEntry> items = new ArrayList<>();
        for (Version v : all.headMap(below, false).descendingMap().values()) {
            if (items.size() == page.limit()) {
                break;
            }
            items.add(v.entry());
        }
        boolean more = !items.isEmpty() && all.lowerKey(items.getLast().version()) != null;
        return new Page<>(items, more
                ? Optional.of(Cursors.encode("a", Long.toString(items.getLast().version())))
                : Optional.empty());
    }

    private static long parse(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw Cursors.invalid();
        }
    }
}
