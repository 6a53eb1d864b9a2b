package com.memberpoints.domain.settings;

import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.merchant.MerchantStore;
import com.memberpoints.domain.model.TimeSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reading and changing a merchant's settings with optimistic concurrency (SPEC §2). The version a
 * client read is the one it must name when saving; a save against any other version is a conflict, so
 * two admins never overwrite each other silently. Every saved change goes to the activity log with the
 * actor, the time and each field's old → new value ({@link SettingsDiff}).
 *
 * <p>A merchant that never saved settings reads as version 0 with {@link MerchantSettings#defaults()}'s
 * content; its first save names version 0 and stores version 1.
 */
public final class SettingsAdmin {

    private final SettingsStore settings;
    private final MerchantStore merchants;
    private final TimeSource clock;

    public SettingsAdmin(SettingsStore settings, MerchantStore merchants, TimeSource clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.merchants = Objects.requireNonNull(merchants, "merchants");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The settings in force and their version (0 = none saved yet: the defaults). */
    public record Current(long version, MerchantSettings settings) {}

    public Current current(MerchantId merchant) {
        Optional<MerchantSettings> stored = settings.current(merchant);
        return stored.map(s -> new Current(s.version(), s))
                .orElseGet(() -> new Current(0, MerchantSettings.defaults()));
    }

    public sealed interface Outcome {
        /** Stored as {@code settings.version()}, with these changes logged (empty: nothing changed, nothing written). */
        record Saved(MerchantSettings settings, List<SettingChange> changes) implements Outcome {}

        /** The stored version is not the one the client read. */
        record VersionConflict(long currentVersion) implements Outcome {}

        /** The store profile (currency, zone, tiers) must be set first: settings are validated against it. */
        record StoreNotConfigured() implements Outcome {}
    }

    /**
     * Saves {@code draft} (its own version number is ignored) over {@code expectedVersion}.
     *
     * @throws com.memberpoints.domain.model.InvalidInputException naming every invalid field
     */
    public Outcome update(MerchantId merchant, MerchantSettings draft, long expectedVersion, Actor actor) {
        Optional<Merchant> store = merchants.find(merchant);
        if (store.isEmpty()) {
            return new Outcome.StoreNotConfigured();
        }
        MerchantSettings next = draft.withVersion(expectedVersion + 1);
        SettingsValidator.requireValid(next, store.get());
        Current before = current(merchant);
        if (before.version() != expectedVersion) {
            return new Outcome.VersionConflict(before.version());
        }
        List<SettingChange> changes = SettingsDiff.between(before.settings(), next);
        if (changes.isEmpty() && before.version() > 0) {
            return new Outcome.Saved(before.settings(), List.of());
        }
        SettingsStore.ChangeLogEntry entry = new SettingsStore.ChangeLogEntry(actor, clock.now(), changes);
        return switch (settings.save(merchant, next, expectedVersion, entry)) {
            case SettingsStore.SaveResult.Saved s -> new Outcome.Saved(next.withVersion(s.version()), changes);
            case SettingsStore.SaveResult.Conflict c -> new Outcome.VersionConflict(c.currentVersion());
        };
    }
}
