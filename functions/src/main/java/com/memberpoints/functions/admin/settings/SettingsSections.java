package com.memberpoints.functions.admin.settings;

import static com.memberpoints.functions.platform.http.Permission.MEMBERSHIP_TIERS;
import static com.memberpoints.functions.platform.http.Permission.MEMBER_POINTS;
import static com.memberpoints.functions.platform.http.Permission.SETTINGS;
import static com.memberpoints.functions.platform.http.Permission.STORE_CREDITS;

import com.memberpoints.domain.settings.MerchantSettings;
import com.memberpoints.domain.settings.SettingsSection;
import com.memberpoints.functions.platform.http.Permission;
import com.memberpoints.functions.platform.json.FieldReader;
import com.memberpoints.functions.platform.json.JsonObject;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * THE registry of settings sections (docs/decisions.md, "11.6 Who may change what"): for each section, its name in
 * {@code GET|PUT /v1/admin/settings/{section}}, the {@link MerchantSettings} parts it owns, who may read it, who may
 * update it, and its JSON (the owned members of the whole document, in the same form, so a 400 names a field exactly
 * as the whole-document route does).
 *
 * <p>To add a section for a new settings part {@code fooBar} (a record component appended to MerchantSettings,
 * flattened by SettingsDiff under paths starting {@code fooBar.}): add ONE entry below —
 * {@code new Entry(SettingsSection.of("foo-bar", "fooBar"), Set.of(...readers), Set.of(...updaters),
 * s -> SettingsJson.members(s, "fooBar"), SettingsJson::readFooBar)} — with {@code readFooBar} reading the member into
 * {@code MerchantSettings.defaults()} with that part replaced; then add the name to the {@code SettingsSectionName}
 * enum and a schema to {@code SettingsSection} in docs/openapi.yaml, and a row to the matrix in docs/decisions.md.
 * {@code SettingsSectionsTest} fails until every part of MerchantSettings belongs to exactly one section.
 *
 * <p>{@code settings} may read and update every section (it may replace the whole document anyway).
 */
public final class SettingsSections {
    private SettingsSections() {}

    /** One section: its domain definition, who may read and update it, and its JSON. */
    public record Entry(SettingsSection section, Set<Permission> readers, Set<Permission> updaters,
                        Function<MerchantSettings, JsonObject> write, Function<FieldReader, MerchantSettings> read) {
        public Entry {
            Objects.requireNonNull(section, "section");
            readers = Set.copyOf(readers);
            updaters = Set.copyOf(updaters);
            Objects.requireNonNull(write, "write");
            Objects.requireNonNull(read, "read");
            if (!readers.containsAll(updaters)) {
                throw new IllegalArgumentException("whoever may update " + section.name() + " must be able to read it");
            }
        }

        public String name() {
            return section.name();
        }
    }

    private static final List<Entry> ENTRIES = List.of(
            // Customer Management > Member Points: the rules. member_points may read them (2023 article §1).
            new Entry(SettingsSection.of("member-points", "points", "redeem", "rulesText"),
                    Set.of(MEMBER_POINTS, SETTINGS), Set.of(SETTINGS),
                    s -> SettingsJson.members(s, "points", "redeem", "rulesText"), SettingsJson::readMemberPoints),
            // Customer Management > Store Credits: the store's order reward credits (credits article notes 4-6).
            new Entry(SettingsSection.of("order-reward-credits", "credits"),
                    Set.of(STORE_CREDITS, SETTINGS), Set.of(STORE_CREDITS, SETTINGS),
                    s -> SettingsJson.members(s, "credits"), SettingsJson::readCredits),
            // Customer Management > Membership Tier: each tier's own earn rate and reward credits (note 6: without
            // the Store Credits page; note 5: the Store Credits page alone cannot set them).
            new Entry(SettingsSection.of("membership-tiers", "tiers"),
                    Set.of(MEMBERSHIP_TIERS, SETTINGS), Set.of(MEMBERSHIP_TIERS, SETTINGS),
                    s -> SettingsJson.members(s, "tiers"), SettingsJson::readTiers),
            // Expiry reminders (issue 12.2): part of the member-points program, read and changed like its rules.
            new Entry(SettingsSection.of("expiry-reminders", "expiryReminders"),
                    Set.of(MEMBER_POINTS, SETTINGS), Set.of(SETTINGS),
                    s -> SettingsJson.members(s, "expiryReminders"), SettingsJson::readExpiryReminders),
            // The merchant's own delivery options and their final status (SPEC §4a, issue 11.1): they decide when
            // points are given, like the member-points rules.
            new Entry(SettingsSection.of("delivery-options", "deliveryOptions"),
                    Set.of(MEMBER_POINTS, SETTINGS), Set.of(SETTINGS),
                    s -> SettingsJson.members(s, "deliveryOptions"), SettingsJson::readDeliveryOptions));

    public static List<Entry> all() {
        return ENTRIES;
    }

    public static Optional<Entry> named(String name) {
        for (Entry e : ENTRIES) {
            if (e.name().equals(name)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** The section named {@code name}; {@link IllegalArgumentException} when there is none. */
    static Entry require(String name) {
        return named(name).orElseThrow(() -> new IllegalArgumentException("no section " + name));
    }

    /** Who may read section {@code name} (empty: no such section). */
    public static Set<Permission> readers(String name) {
        return named(name).map(Entry::readers).orElse(Set.of());
    }

    /** Who may update section {@code name} (empty: no such section). */
    public static Set<Permission> updaters(String name) {
        return named(name).map(Entry::updaters).orElse(Set.of());
    }

    /** The section a changed field belongs to; {@code fallback} (the entry's own section) when none owns it. */
    public static String sectionOf(String fieldPath, String fallback) {
        for (Entry e : ENTRIES) {
            if (e.section().owns(fieldPath)) {
                return e.name();
            }
        }
        return fallback;
    }

    static final String UNKNOWN = "There is no such settings section; see GET /v1/admin/settings/{section} in the API.";
}
