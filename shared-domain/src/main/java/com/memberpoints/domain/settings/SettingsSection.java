package com.memberpoints.domain.settings;

import com.memberpoints.domain.model.FieldError;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One section of a merchant's settings (docs/decisions.md, "11.6 Who may change what"): a name and the
 * {@link MerchantSettings} record components it owns ({@code points}, {@code redeem}, {@code rulesText} …). A section
 * is read and replaced on its own, so a staff user who may change one section never overwrites another:
 * {@link #takeFrom} copies only the owned components, every other component (including components added later)
 * stays as stored.
 *
 * <p>Optimistic concurrency is per section: {@link #tag} is a digest of the section's content as the activity log
 * flattens it ({@link SettingsDiff#flatten}), so it changes when, and only when, the section's content changes — a
 * concurrent update of another section does not make it stale.
 *
 * <p>Field paths (validator errors, activity-log changes) begin with the component's name ({@code points.earn.spend},
 * {@code tiers[0].tier}, {@code rulesText.en}); {@link #owns(String)} relies on it.
 */
public record SettingsSection(String name, Set<String> components) {

    /** The section named by a change of the whole document ({@code PUT /v1/admin/settings}). */
    public static final String ALL = "all";
    /** The section named by a change of the store profile (not part of {@link MerchantSettings}). */
    public static final String STORE_PROFILE = "store-profile";

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    public SettingsSection {
        requireName(name);
        components = Set.copyOf(Objects.requireNonNull(components, "components"));
        if (components.isEmpty()) {
            throw new IllegalArgumentException("section " + name + " owns no component");
        }
        Set<String> known = componentNames();
        for (String c : components) {
            if (c.equals("version") || !known.contains(c)) {
                throw new IllegalArgumentException("section " + name + ": " + c + " is not a part of MerchantSettings");
            }
        }
    }

    public static SettingsSection of(String name, String... components) {
        return new SettingsSection(name, Set.of(components));
    }

    /** A section name: 1-40 characters of {@code a-z 0-9 -}, starting with a letter. */
    public static String requireName(String name) {
        Objects.requireNonNull(name, "section");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("bad section name: " + name);
        }
        return name;
    }

    /** Every part of {@link MerchantSettings} a section may own (every record component but {@code version}). */
    public static Set<String> componentNames() {
        return Arrays.stream(MerchantSettings.class.getRecordComponents()).map(RecordComponent::getName)
                .filter(n -> !n.equals("version")).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** The component a field path names: its text up to the first {@code .} or {@code [}. */
    public static String componentOf(String fieldPath) {
        int end = fieldPath.length();
        for (int i = 0; i < fieldPath.length(); i++) {
            char c = fieldPath.charAt(i);
            if (c == '.' || c == '[') {
                end = i;
                break;
            }
        }
        return fieldPath.substring(0, end);
    }

    /** True when {@code fieldPath} is a field of this section. */
    public boolean owns(String fieldPath) {
        return components.contains(componentOf(fieldPath));
    }

    /**
     * {@code target} with this section's components taken from {@code source}; every other component, and the
     * version, stay {@code target}'s.
     */
    public MerchantSettings takeFrom(MerchantSettings target, MerchantSettings source) {
        RecordComponent[] parts = MerchantSettings.class.getRecordComponents();
        Object[] values = new Object[parts.length];
        Class<?>[] types = new Class<?>[parts.length];
        try {
            for (int i = 0; i < parts.length; i++) {
                types[i] = parts[i].getType();
                MerchantSettings from = components.contains(parts[i].getName()) ? source : target;
                values[i] = parts[i].getAccessor().invoke(from);
            }
            Constructor<MerchantSettings> canonical = MerchantSettings.class.getDeclaredConstructor(types);
            return canonical.newInstance(values);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot copy the parts of MerchantSettings", e);
        }
    }

    /** The section's entity tag: 16 hex digits of a SHA-256 over its flattened fields (equal content, equal tag). */
    public String tag(MerchantSettings settings) {
        StringBuilder text = new StringBuilder(name).append('\n');
        for (Map.Entry<String, String> field : SettingsDiff.flatten(settings).entrySet()) { // sorted by path
            if (owns(field.getKey())) {
                text.append(field.getKey().length()).append(':').append(field.getKey())
                        .append(field.getValue().length()).append(':').append(field.getValue()).append('\n');
            }
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    /** The errors among {@code errors} that name a field of this section. */
    public List<FieldError> errorsIn(List<FieldError> errors) {
        return errors.stream().filter(e -> owns(e.field())).toList();
    }
}
