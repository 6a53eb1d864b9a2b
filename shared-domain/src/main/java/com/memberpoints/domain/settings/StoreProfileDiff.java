package com.memberpoints.domain.settings;

import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.TierId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Old → new fields of the store profile for the activity log (section {@code store-profile}), named as in the
 * profile's JSON ({@code smsEnabled}, {@code open}, {@code membershipTiers} …). Sets are written sorted, so
 * reordering locales or tiers is not a change.
 */
public final class StoreProfileDiff {
    private StoreProfileDiff() {}

    /** The changes from {@code before} (empty: the profile is being created) to {@code after}. */
    public static List<SettingChange> between(Optional<Merchant> before, Merchant after) {
        Map<String, String> a = before.map(StoreProfileDiff::flatten).orElse(Map.of());
        Map<String, String> b = flatten(after);
        java.util.ArrayList<SettingChange> changes = new java.util.ArrayList<>();
        for (String key : new java.util.TreeSet<>(b.keySet())) {
            if (!b.get(key).equals(a.get(key))) {
                changes.add(new SettingChange(key, Optional.ofNullable(a.get(key)), Optional.of(b.get(key))));
            }
        }
        return changes;
    }

    /** Every field of the profile as name → text. */
    public static Map<String, String> flatten(Merchant m) {
        Map<String, String> f = new TreeMap<>();
        f.put("name", m.name());
        f.put("currency", m.currency().getCurrencyCode());
        f.put("timeZone", m.zone().getId());
        f.put("defaultLocale", m.defaultLocale().toLanguageTag());
        f.put("supportedLocales", String.join(",", m.supportedLocales().stream().map(Locale::toLanguageTag).sorted().toList()));
        f.put("smsEnabled", Boolean.toString(m.smsEnabled()));
        f.put("open", Boolean.toString(m.open()));
        f.put("membershipTiers", String.join(",", m.membershipTiers().stream().map(TierId::value).sorted().toList()));
        return f;
    }

    /** The profile's entity tag: 16 hex digits of a SHA-256 over its fields. */
    public static String tag(Merchant m) {
        StringBuilder text = new StringBuilder(SettingsSection.STORE_PROFILE).append('\n');
        flatten(m).forEach((k, v) -> text.append(k).append('=').append(v.length()).append(':').append(v).append('\n'));
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
