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
    /**
     * The activity log by position: {@code <12-digit version>} for a version's entry, {@code <version in force>#<6-digit
     * sequence>} for an appended one, so appended entries sort after the version in force and before the next.
     */
    private final Map<MerchantId, TreeMap<String, ActivityLogEntry>> log = new HashMap<>();

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
        ActivityLogEntry logged = ActivityLogEntry.of(settings.version(), entry);
        all.put(settings.version(), new Version(settings, logged));
        log.computeIfAbsent(merchant, k -> new TreeMap<>()).put(String.format("%012d", settings.version()), logged);
        return new SaveResult.Saved(settings.version());
    }

    @Override
    public synchronized void appendActivity(MerchantId merchant, ChangeLogEntry entry) {
        Objects.requireNonNull(merchant, "merchant");
        Objects.requireNonNull(entry, "entry");
        long inForce = current(merchant).map(MerchantSettings::version).orElse(0L);
        TreeMap<String, ActivityLogEntry> entries = log.computeIfAbsent(merchant, k -> new TreeMap<>());
        String base = String.format("%012d", inForce);
        int sequence = entries.subMap(base + "#", base + "$").size() + 1;
        entries.put(base + "#" + String.format("%06d", sequence), ActivityLogEntry.of(inForce, entry));
    }

    @Override
    public synchronized Page<ActivityLogEntry> activityLog(MerchantId merchant, PageRequest page) {
        TreeMap<String, ActivityLogEntry> all = log.getOrDefault(merchant, new TreeMap<>());
        java.util.NavigableMap<String, ActivityLogEntry> older = page.cursor()
                .map(c -> all.headMap(position(Cursors.decode(c, "a")), false))
                .orElse(all).descendingMap();
        List<ActivityLogEntry> items = new ArrayList<>();
        String last = null;
        for (Map.Entry<String, ActivityLogEntry> e : older.entrySet()) {
            if (items.size() == page.limit()) {
                break;
            }
            items.add(e.getValue());
            last = e.getKey();
        }
        boolean more = last != null && all.lowerKey(last) != null;
        return new Page<>(items, more ? Optional.of(Cursors.encode("a", last)) : Optional.empty());
    }

    private static String position(String p) {
        if (!p.matches("[0-9]{12}(#[0-9]{6})?")) {
            throw Cursors.invalid();
        }
        return p;
    }
}
