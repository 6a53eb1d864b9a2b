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
        SettingsStore.ChangeLogEntry entry = new SettingsStore.ChangeLogEntry(actor, clock.now(), changes,
                SettingsSection.ALL);
        return switch (settings.save(merchant, next, expectedVersion, entry)) {
            case SettingsStore.SaveResult.Saved s -> new Outcome.Saved(next.withVersion(s.version()), changes);
            case SettingsStore.SaveResult.Conflict c -> new Outcome.VersionConflict(c.currentVersion());
        };
    }

    // ------------------------------------------------------------------ sections (docs/decisions.md, 11.6)

    /** Attempts of {@link #updateSection} when concurrent updates of other sections keep moving the version. */
    static final int SECTION_ATTEMPTS = 8;

    /** One section as stored: the document version in force, the settings, and the section's entity tag. */
    public record SectionView(SettingsSection section, long version, MerchantSettings settings, String tag) {}

    public SectionView currentSection(MerchantId merchant, SettingsSection section) {
        Current c = current(merchant);
        return new SectionView(section, c.version(), c.settings(), section.tag(c.settings()));
    }

    public sealed interface SectionOutcome {
        /** Stored (a new document version) with these changes logged; empty changes: nothing changed, nothing written. */
        record Saved(SectionView section, List<SettingChange> changes) implements SectionOutcome {}

        /** The section changed since the client read it: {@code currentTag} is its tag now. */
        record Stale(String currentTag) implements SectionOutcome {}

        /** The store profile must be set first. */
        record StoreNotConfigured() implements SectionOutcome {}
    }

    /**
     * Replaces {@code section}'s parts with those of {@code source} (its other parts are ignored) if the section still
     * has the tag {@code expectedTag} the client read. The save is a new document version conditioned on the version
     * just read; when a concurrent update (of another section) got in first, the section is read again: unchanged, the
     * update is re-applied on top of the other change, so neither is lost and neither fails; changed, it is
     * {@link SectionOutcome.Stale}. Only the section's fields are validated (a stale field elsewhere cannot block it).
     *
     * @throws com.memberpoints.domain.model.InvalidInputException naming every invalid field of the section
     * @throws com.memberpoints.domain.model.StoreBusyException when other updates won {@value #SECTION_ATTEMPTS} times running
     */
    public SectionOutcome updateSection(MerchantId merchant, SettingsSection section, MerchantSettings source,
                                        String expectedTag, Actor actor) {
        Optional<Merchant> store = merchants.find(merchant);
        if (store.isEmpty()) {
            return new SectionOutcome.StoreNotConfigured();
        }
        for (int attempt = 0; attempt < SECTION_ATTEMPTS; attempt++) {
            Current before = current(merchant);
            String tag = section.tag(before.settings());
            if (!tag.equals(expectedTag)) {
                return new SectionOutcome.Stale(tag);
            }
            MerchantSettings next = section.takeFrom(before.settings(), source).withVersion(before.version() + 1);
            List<com.memberpoints.domain.model.FieldError> errors =
                    section.errorsIn(SettingsValidator.validate(next, store.get()));
            if (!errors.isEmpty()) {
                throw new com.memberpoints.domain.model.InvalidInputException(errors);
            }
            List<SettingChange> changes = SettingsDiff.between(before.settings(), next);
            if (changes.isEmpty()) {
                return new SectionOutcome.Saved(new SectionView(section, before.version(), before.settings(), tag),
                        List.of());
            }
            SettingsStore.ChangeLogEntry entry = new SettingsStore.ChangeLogEntry(actor, clock.now(), changes,
                    section.name());
            if (settings.save(merchant, next, before.version(), entry) instanceof SettingsStore.SaveResult.Saved s) {
                MerchantSettings saved = next.withVersion(s.version());
                return new SectionOutcome.Saved(new SectionView(section, s.version(), saved, section.tag(saved)), changes);
            }
        }
        throw new com.memberpoints.domain.model.StoreBusyException(
                "settings of " + merchant + " kept changing during a section update", null);
    }

    // ------------------------------------------------------------------ store profile (section store-profile)

    public sealed interface ProfileOutcome {
        /** Saved ({@code created}: there was none), with these changes logged (empty: nothing changed, nothing logged). */
        record Saved(Merchant profile, boolean created, List<SettingChange> changes) implements ProfileOutcome {}

        /** The currency is fixed once set. */
        record CurrencyLocked(String currency) implements ProfileOutcome {}

        /** {@code If-Match} named another state of the profile: {@code currentTag} is its tag now (empty: no profile). */
        record Stale(Optional<String> currentTag) implements ProfileOutcome {}
    }

    /**
     * Creates or replaces the store profile and logs each changed field, old → new, with the actor, in the activity
     * log as section {@code store-profile} (SMS on/off and open/closed change who is messaged and who earns). When
     * {@code expectedTag} is present the profile must still have it ({@link StoreProfileDiff#tag}). The currency is
     * fixed once set: every ledger amount of credits and every money rule is in it.
     */
    public ProfileOutcome saveStoreProfile(Merchant profile, Optional<String> expectedTag, Actor actor) {
        Optional<Merchant> existing = merchants.find(profile.id());
        if (expectedTag.isPresent() && !existing.map(StoreProfileDiff::tag).equals(expectedTag)) {
            return new ProfileOutcome.Stale(existing.map(StoreProfileDiff::tag));
        }
        if (existing.isPresent() && !existing.get().currency().equals(profile.currency())) {
            return new ProfileOutcome.CurrencyLocked(existing.get().currency().getCurrencyCode());
        }
        List<SettingChange> changes = StoreProfileDiff.between(existing, profile);
        if (changes.isEmpty()) {
            return new ProfileOutcome.Saved(existing.get(), false, List.of());
        }
        merchants.save(profile);
        settings.appendActivity(profile.id(), new SettingsStore.ChangeLogEntry(actor, clock.now(), changes,
                SettingsSection.STORE_PROFILE));
        return new ProfileOutcome.Saved(profile, existing.isEmpty(), changes);
    }
}
