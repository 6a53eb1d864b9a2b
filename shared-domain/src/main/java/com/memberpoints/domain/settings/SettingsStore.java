package com.memberpoints.domain.settings;

import com.memberpoints.domain.model.Page;
import com.memberpoints.domain.model.PageRequest;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.MerchantId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Versioned merchant settings. Every saved version is kept (orders are bound to the version in force at
 * placement) together with its activity-log entry. Saving is optimistic: it succeeds only when the current
 * version equals {@code expectedVersion} (0 = no settings yet), and the new settings must carry
 * {@code expectedVersion + 1}. Failures of the underlying store are thrown as {@link SettingsStoreException}.
 */
public interface SettingsStore {

    Optional<MerchantSettings> current(MerchantId merchant);

    /** The settings in force: the current ones, or {@link MerchantSettings#defaults()} for a merchant that never saved any. */
    default MerchantSettings currentOrDefaults(MerchantId merchant) {
        return current(merchant).orElseGet(MerchantSettings::defaults);
    }

    Optional<MerchantSettings> byVersion(MerchantId merchant, long version);

    SaveResult save(MerchantId merchant, MerchantSettings settings, long expectedVersion, ChangeLogEntry entry);

    /**
     * The activity log: one entry per saved version, newest first, paged with an opaque cursor. A cursor that
     * this listing did not return is refused with {@code InvalidInputException("cursor")}.
     */
    Page<ActivityLogEntry> activityLog(MerchantId merchant, PageRequest page);

    /**
     * Appends an activity-log entry that produces no settings version: a change made outside the settings document
     * (the store profile, section {@code store-profile}). It is listed with the entries of the versions, in the order
     * it was appended, and carries the settings version in force when it was written ({@code 0} = none saved yet).
     */
    void appendActivity(MerchantId merchant, ChangeLogEntry entry);

    /**
     * One line of the activity log: the version a change produced (for an entry appended with
     * {@link #appendActivity}: the version in force), who changed what, when, and in which section
     * ({@link SettingsSection#ALL} for a change of the whole document and for entries written before sections existed).
     */
    record ActivityLogEntry(long version, Actor actor, Instant at, List<SettingChange> changes, String section) {
        public ActivityLogEntry {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(at, "at");
            changes = List.copyOf(Objects.requireNonNull(changes, "changes"));
            SettingsSection.requireName(section);
            if (version < 0) {
                throw new IllegalArgumentException("version must not be negative");
            }
        }

        /** An entry of the whole document (section {@code all}). */
        public ActivityLogEntry(long version, Actor actor, Instant at, List<SettingChange> changes) {
            this(version, actor, at, changes, SettingsSection.ALL);
        }

        public static ActivityLogEntry of(long version, ChangeLogEntry entry) {
            return new ActivityLogEntry(version, entry.actor(), entry.at(), entry.changes(), entry.section());
        }
    }

    /** Who changed what and when, for the activity log, and the section changed ({@code all}: the whole document). */
    record ChangeLogEntry(Actor actor, Instant at, List<SettingChange> changes, String section) {
        public ChangeLogEntry {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(at, "at");
            changes = List.copyOf(Objects.requireNonNull(changes, "changes"));
            SettingsSection.requireName(section);
        }

        /** A change of the whole document (section {@code all}). */
        public ChangeLogEntry(Actor actor, Instant at, List<SettingChange> changes) {
            this(actor, at, changes, SettingsSection.ALL);
        }
    }

    sealed interface SaveResult {
        /** Stored as {@code version}. */
        record Saved(long version) implements SaveResult {}

        /** The current version is not the expected one; {@code currentVersion} is what is stored (0 = none). */
        record Conflict(long currentVersion) implements SaveResult {}
    }

    final class SettingsStoreException extends RuntimeException {
        public SettingsStoreException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
