package com.memberpoints.functions.admin.settings;

import com.memberpoints.domain.model.InvalidInputException;
import com.memberpoints.domain.settings.SettingChange;
import com.memberpoints.domain.settings.AssignmentPolicy;
import com.memberpoints.domain.settings.Channels;
import com.memberpoints.domain.settings.CreditRule;
import com.memberpoints.domain.settings.CreditType;
import com.memberpoints.domain.settings.CreditValidity;
import com.memberpoints.domain.settings.DeliveryOptionMapping;
import com.memberpoints.domain.settings.EarnRate;
import com.memberpoints.domain.settings.FinalDeliveryStatus;
import com.memberpoints.domain.settings.EarnRule;
import com.memberpoints.domain.settings.ExpiryPolicy;
import com.memberpoints.domain.settings.ExpiryReminders;
import com.memberpoints.domain.settings.MerchantSettings;
import com.memberpoints.domain.settings.OrderRewardCredits;
import com.memberpoints.domain.settings.PointsProgram;
import com.memberpoints.domain.settings.RedeemCap;
import com.memberpoints.domain.settings.RedeemRule;
import com.memberpoints.domain.settings.SettingsValidator;
import com.memberpoints.domain.model.TierId;
import com.memberpoints.domain.settings.TierRule;
import com.memberpoints.functions.platform.json.FieldReader;
import com.memberpoints.functions.platform.json.JsonArray;
import com.memberpoints.functions.platform.json.JsonObject;
import com.memberpoints.functions.platform.json.JsonValue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The JSON form of {@link MerchantSettings}. Field paths are exactly those {@link SettingsValidator} and
 * the activity log ({@code SettingsDiff}) use ({@code points.earn.spend}, {@code redeem.cap.percent},
 * {@code tiers[0].credits.type.credit}, {@code rulesText.zh-TW}), so a 400 names the field as sent.
 * Amounts are decimal strings; ranges are left to the validator (this reader checks only types and gross
 * bounds), so every bad field is reported at once.
 */
final class SettingsJson {
    private SettingsJson() {}

    private static final BigDecimal MAX = new BigDecimal("1000000000000");
    private static final int SCALE = 9;

    // ------------------------------------------------------------------ write

    static JsonObject write(long version, MerchantSettings s) {
        PointsProgram p = s.points();
        JsonObject.Builder expiry = JsonObject.builder();
        switch (p.expiry()) {
            case ExpiryPolicy.Never n -> expiry.put("type", "NEVER");
            case ExpiryPolicy.AnnualDate(int month, int day) -> expiry.put("type", "ANNUAL_DATE").put("month", month)
                    .put("day", day);
        }
        JsonObject.Builder assignment = JsonObject.builder();
        switch (p.assignment()) {
            case AssignmentPolicy.OnCompletion c -> assignment.put("type", "ON_COMPLETION");
            case AssignmentPolicy.AfterDelivery(int days) -> assignment.put("type", "AFTER_DELIVERY").put("days", days);
        }
        JsonObject.Builder cap = JsonObject.builder();
        switch (s.redeem().cap()) {
            case RedeemCap.None n -> cap.put("type", "NONE");
            case RedeemCap.Fixed(BigDecimal amount) -> cap.put("type", "FIXED").putDecimalString("amount", amount);
            case RedeemCap.Percent(BigDecimal percent) -> cap.put("type", "PERCENT").putDecimalString("percent", percent);
        }
        List<JsonValue> tiers = new ArrayList<>();
        for (TierRule t : s.tiers()) {
            JsonObject.Builder tier = JsonObject.builder().put("tier", t.tier().value());
            t.earn().ifPresent(rate -> tier.put("earn", rate(rate).build()));
            t.credits().ifPresent(rule -> tier.put("credits", creditRule(rule).build()));
            tiers.add(tier.build());
        }
        JsonObject.Builder rules = JsonObject.builder();
        s.rulesText().forEach(rules::put);
        return JsonObject.builder()
                .put("version", version)
                .put("points", JsonObject.builder()
                        .put("enabled", p.enabled())
                        .put("earn", rate(p.earn().rate()).put("enabled", p.earn().enabled()).build())
                        .put("channels", JsonObject.builder().put("retailEnabled", p.channels().retailEnabled()).build())
                        .put("expiry", expiry.build())
                        .put("assignment", assignment.build())
                        .build())
                .put("redeem", JsonObject.builder()
                        .put("enabled", s.redeem().enabled())
                        .put("pointsPerUnit", s.redeem().pointsPerUnit())
                        .putDecimalString("minimumOrderAmount", s.redeem().minimumOrderAmount())
                        .put("cap", cap.build())
                        .build())
                .put("tiers", new JsonArray(tiers))
                .put("credits", creditRule(s.credits().rule()).put("enabled", s.credits().enabled()).build())
                .put("rulesText", rules.build())
                .put("expiryReminders", expiryReminders(s.expiryReminders()))
                .put("deliveryOptions", deliveryOptions(s.deliveryOptions()))
                .build();
    }

    // ------------------------------------------------------------------ sections (SettingsSections)

    /** The members of the whole document that {@code names} lists, in the document's own form. */
    static JsonObject members(MerchantSettings s, String... names) {
        JsonObject whole = write(s.version(), s);
        JsonObject.Builder part = JsonObject.builder();
        for (String name : names) {
            part.put(name, whole.get(name).orElseThrow());
        }
        return part.build();
    }

    /** Section {@code member-points}: {@code points}, {@code redeem}, {@code rulesText}. */
    static MerchantSettings readMemberPoints(FieldReader r) {
        PointsProgram points = r.object("points", SettingsJson::points);
        RedeemRule redeem = r.object("redeem", SettingsJson::redeem);
        Map<String, String> rulesText = r.object("rulesText", SettingsJson::rulesText);
        if (points == null || redeem == null || rulesText == null) {
            return null;
        }
        MerchantSettings d = MerchantSettings.defaults();
        return MerchantSettings.of(1, points, redeem, d.tiers(), d.credits(), rulesText);
    }

    /** Section {@code order-reward-credits}: {@code credits}. */
    static MerchantSettings readCredits(FieldReader r) {
        OrderRewardCredits credits = r.object("credits", SettingsJson::rewardCredits);
        if (credits == null) {
            return null;
        }
        MerchantSettings d = MerchantSettings.defaults();
        return MerchantSettings.of(1, d.points(), d.redeem(), d.tiers(), credits, d.rulesText());
    }

    /** Section {@code expiry-reminders}: {@code expiryReminders} (issue 12.2). */
    static MerchantSettings readExpiryReminders(FieldReader r) {
        ExpiryReminders reminders = r.object("expiryReminders", SettingsJson::expiryReminders);
        return reminders == null ? null : MerchantSettings.defaults().withExpiryReminders(reminders);
    }

    /** Section {@code delivery-options}: {@code deliveryOptions} (SPEC §4a, issue 11.1). */
    static MerchantSettings readDeliveryOptions(FieldReader r) {
        DeliveryOptionMapping mapping = r.object("deliveryOptions", SettingsJson::deliveryOptions);
        return mapping == null ? null : MerchantSettings.defaults().withDeliveryOptions(mapping);
    }

    /** Section {@code membership-tiers}: {@code tiers}. */
    static MerchantSettings readTiers(FieldReader r) {
        List<TierRule> tiers = r.objects("tiers", 0, SettingsValidator.MAX_TIERS, SettingsJson::tier);
        if (tiers.contains(null)) {
            return null;
        }
        MerchantSettings d = MerchantSettings.defaults();
        return MerchantSettings.of(1, d.points(), d.redeem(), tiers, d.credits(), d.rulesText());
    }

    /** The expiry-reminders part, a self-contained object (it can be served as a settings section of its own). */
    static JsonObject expiryReminders(ExpiryReminders r) {
        return JsonObject.builder().put("enabled", r.enabled()).put("daysBefore", r.daysBefore())
                .put("email", r.email()).put("sms", r.sms()).build();
    }

    /** Reads the expiry-reminders object; every field is required (null when one was bad: the errors are recorded). */
    static ExpiryReminders expiryReminders(FieldReader r) {
        boolean enabled = r.bool("enabled");
        long days = r.integer("daysBefore", -100_000, 100_000);
        boolean email = r.bool("email");
        boolean sms = r.bool("sms");
        return new ExpiryReminders(enabled, (int) days, email, sms);
    }

    /** {@code {"finalStatus": {"my_courier": "ARRIVED", "my_locker": "COLLECTED"}}} (SPEC §4a; self-contained). */
    static JsonObject deliveryOptions(DeliveryOptionMapping mapping) {
        JsonObject.Builder finalStatus = JsonObject.builder();
        mapping.finalStatus().forEach((code, status) -> finalStatus.put(code, status.name()));
        return JsonObject.builder().put("finalStatus", finalStatus.build()).build();
    }

    /** The {@code deliveryOptions} object; each code's status must be ARRIVED or COLLECTED (codes: the validator). */
    static DeliveryOptionMapping deliveryOptions(FieldReader r) {
        return r.object("finalStatus", f -> {
            Map<String, FinalDeliveryStatus> m = new TreeMap<>();
            for (String code : f.memberNames()) {
                FinalDeliveryStatus status = f.choice(code, FinalDeliveryStatus.class);
                if (status != null) {
                    m.put(code, status);
                }
            }
            return DeliveryOptionMapping.of(m);
        });
    }

    private static JsonObject.Builder rate(EarnRate rate) {
        return JsonObject.builder().putDecimalString("spend", rate.spend()).put("points", rate.points());
    }

    private static JsonObject.Builder creditRule(CreditRule rule) {
        JsonObject.Builder type = JsonObject.builder();
        switch (rule.type()) {
            case CreditType.Fixed(BigDecimal credit, boolean cumulative) -> type.put("kind", "FIXED")
                    .putDecimalString("credit", credit).put("cumulative", cumulative);
            case CreditType.Percent(BigDecimal percent) -> type.put("kind", "PERCENT").putDecimalString("percent", percent);
        }
        JsonObject.Builder validity = JsonObject.builder();
        switch (rule.validity()) {
            case CreditValidity.Never n -> validity.put("type", "NEVER");
            case CreditValidity.Days(int days) -> validity.put("type", "DAYS").put("days", days);
        }
        return JsonObject.builder().putDecimalString("minimum", rule.minimum()).put("type", type.build())
                .put("validity", validity.build());
    }

    // ------------------------------------------------------------------ read

    /** A PUT body: the settings and, optionally, the version read ({@code If-Match} may carry it instead). */
    record Update(MerchantSettings settings, Optional<Long> version) {}

    enum ExpiryType { NEVER, ANNUAL_DATE }

    enum AssignmentType { AFTER_DELIVERY, ON_COMPLETION }

    enum CapType { NONE, FIXED, PERCENT }

    enum CreditKind { FIXED, PERCENT }

    enum ValidityType { NEVER, DAYS }

    static Update read(FieldReader r) {
        Optional<Long> version = r.optionalInteger("version", 0, Long.MAX_VALUE / 2);
        PointsProgram points = r.object("points", SettingsJson::points);
        RedeemRule redeem = r.object("redeem", SettingsJson::redeem);
        List<TierRule> tiers = r.objects("tiers", 0, SettingsValidator.MAX_TIERS, SettingsJson::tier);
        OrderRewardCredits credits = r.object("credits", SettingsJson::rewardCredits);
        Map<String, String> rulesText = r.object("rulesText", SettingsJson::rulesText);
        // Absent = off (a client written before the part existed); present, every field is required.
        ExpiryReminders reminders = r.optionalObject("expiryReminders", SettingsJson::expiryReminders)
                .orElse(ExpiryReminders.OFF);
        // optional: absent = no merchant options (the document is replaced whole; GET returns it to send back)
        DeliveryOptionMapping deliveryOptions = r.optionalObject("deliveryOptions", SettingsJson::deliveryOptions)
                .orElse(DeliveryOptionMapping.EMPTY);
        if (points == null || redeem == null || credits == null || rulesText == null || tiers.contains(null)) {
            return null; // field errors were recorded; the reader throws them
        }
        return new Update(MerchantSettings.of(1, points, redeem, tiers, credits, rulesText)
                .withExpiryReminders(reminders).withDeliveryOptions(deliveryOptions), version);
    }

    private static OrderRewardCredits rewardCredits(FieldReader c) {
        boolean enabled = c.bool("enabled");
        CreditRule rule = creditRule(c);
        return rule == null ? null : new OrderRewardCredits(enabled, rule);
    }

    private static Map<String, String> rulesText(FieldReader t) {
        Map<String, String> m = new TreeMap<>();
        for (String tag : t.memberNames()) {
            m.put(tag, t.multilineText(tag, 0, SettingsValidator.MAX_RULES_TEXT_LENGTH));
        }
        return m;
    }

    private static PointsProgram points(FieldReader p) {
        boolean enabled = p.bool("enabled");
        EarnRule earn = p.object("earn", e -> {
            boolean on = e.bool("enabled");
            EarnRate rate = rate(e);
            return rate == null ? null : new EarnRule(on, rate);
        });
        Channels channels = p.object("channels", c -> new Channels(c.bool("retailEnabled")));
        ExpiryPolicy expiry = p.object("expiry", e -> switch (e.choice("type", ExpiryType.class)) {
            case NEVER -> ExpiryPolicy.NEVER;
            case ANNUAL_DATE -> ExpiryPolicy.annual((int) e.integer("month", -1000, 1000), (int) e.integer("day", -1000, 1000));
            case null -> null;
        });
        AssignmentPolicy assignment = p.object("assignment", a -> switch (a.choice("type", AssignmentType.class)) {
            case ON_COMPLETION -> AssignmentPolicy.ON_COMPLETION;
            case AFTER_DELIVERY -> AssignmentPolicy.afterDelivery((int) a.integer("days", -100_000, 100_000));
            case null -> null;
        });
        if (earn == null || channels == null || expiry == null || assignment == null) {
            return null;
        }
        return new PointsProgram(enabled, earn, channels, expiry, assignment);
    }

    private static EarnRate rate(FieldReader r) {
        BigDecimal spend = r.decimal("spend", MAX.negate(), MAX, SCALE);
        long points = r.integer("points", -1_000_000_000L, 1_000_000_000L);
        return spend == null ? null : new EarnRate(spend, points);
    }

    private static RedeemRule redeem(FieldReader r) {
        boolean enabled = r.bool("enabled");
        long perUnit = r.integer("pointsPerUnit", -1_000_000_000L, 1_000_000_000L);
        BigDecimal minimum = r.decimal("minimumOrderAmount", MAX.negate(), MAX, SCALE);
        RedeemCap cap = r.object("cap", c -> switch (c.choice("type", CapType.class)) {
            case NONE -> RedeemCap.NONE;
            case FIXED -> {
                BigDecimal amount = c.decimal("amount", MAX.negate(), MAX, SCALE);
                yield amount == null ? null : new RedeemCap.Fixed(amount);
            }
            case PERCENT -> {
                BigDecimal percent = c.decimal("percent", MAX.negate(), MAX, SCALE);
                yield percent == null ? null : new RedeemCap.Percent(percent);
            }
            case null -> null;
        });
        return minimum == null || cap == null ? null : new RedeemRule(enabled, perUnit, minimum, cap);
    }

    private static TierRule tier(FieldReader t) {
        TierId id = t.id("tier", TierId::of);
        Optional<EarnRate> earn = t.optionalObject("earn", SettingsJson::rate);
        Optional<CreditRule> credits = t.optionalObject("credits", SettingsJson::creditRule);
        return id == null ? null : new TierRule(id, earn, credits);
    }

    private static CreditRule creditRule(FieldReader r) {
        BigDecimal minimum = r.decimal("minimum", MAX.negate(), MAX, SCALE);
        CreditType type = r.object("type", t -> switch (t.choice("kind", CreditKind.class)) {
            case FIXED -> {
                BigDecimal credit = t.decimal("credit", MAX.negate(), MAX, SCALE);
                boolean cumulative = t.bool("cumulative");
                yield credit == null ? null : new CreditType.Fixed(credit, cumulative);
            }
            case PERCENT -> {
                BigDecimal percent = t.decimal("percent", MAX.negate(), MAX, SCALE);
                yield percent == null ? null : new CreditType.Percent(percent);
            }
            case null -> null;
        });
        CreditValidity validity = r.object("validity", v -> switch (v.choice("type", ValidityType.class)) {
            case NEVER -> CreditValidity.NEVER;
            case DAYS -> CreditValidity.days((int) v.integer("days", -100_000, 100_000));
            case null -> null;
        });
        return minimum == null || type == null || validity == null ? null : new CreditRule(minimum, type, validity);
    }

    /** The settings version as the {@code ETag} header value. */
    static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** A section's tag as the {@code ETag} header value. */
    static String sectionEtag(String tag) {
        return "\"" + tag + "\"";
    }

    /** The section tag a client sent in {@code If-Match} ({@code "<16 hex>"}, {@code W/} allowed); required. */
    static String parseSectionEtag(Optional<String> header) {
        String message = "must be the ETag returned by GET /v1/admin/settings/{section}";
        String v = header.orElseThrow(() -> new InvalidInputException("If-Match", "is required: " + message)).strip();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            v = v.substring(1, v.length() - 1);
        }
        if (!v.matches("[0-9a-f]{16}")) {
            throw new InvalidInputException("If-Match", message);
        }
        return v;
    }

    /** The answer to a section update: the section, the settings version, the changes logged. */
    static JsonObject sectionSaved(SettingsSections.Entry entry,
                                   com.memberpoints.domain.settings.SettingsAdmin.SectionView view,
                                   List<SettingChange> changes) {
        return JsonObject.builder()
                .put("section", entry.name())
                .put("settingsVersion", view.version())
                .put("settings", entry.write().apply(view.settings()))
                .put("changes", changes(changes, entry.name()))
                .build();
    }

    static JsonArray changes(List<SettingChange> changes) {
        return changes(changes, com.memberpoints.domain.settings.SettingsSection.ALL);
    }

    /**
     * Changes as {@code {field, section, old, new}}. The section is the entry's; for a whole-document entry
     * ({@code all}) each change names the section that owns its field.
     */
    static JsonArray changes(List<SettingChange> changes, String entrySection) {
        List<JsonValue> out = new ArrayList<>(changes.size());
        for (SettingChange c : changes) {
            String section = entrySection.equals(com.memberpoints.domain.settings.SettingsSection.ALL)
                    ? SettingsSections.sectionOf(c.field(), entrySection) : entrySection;
            JsonObject.Builder b = JsonObject.builder().put("field", c.field()).put("section", section);
            if (c.oldValue().isPresent()) {
                b.put("old", c.oldValue().get());
            } else {
                b.putNull("old");
            }
            if (c.newValue().isPresent()) {
                b.put("new", c.newValue().get());
            } else {
                b.putNull("new");
            }
            out.add(b.build());
        }
        return new JsonArray(out);
    }

    /** {@code "3"}, {@code W/"3"} or {@code 3}; anything else is a 400 naming the header. */
    static long parseEtag(String value) {
        String v = value.strip();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            v = v.substring(1, v.length() - 1);
        }
        try {
            long n = Long.parseLong(v);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new InvalidInputException("If-Match", "must be the ETag returned by GET /v1/admin/settings");
        }
    }

    /** The version the client read: If-Match or the body's version (one is required; both must agree). */
    static long expectedVersion(Optional<Long> ifMatch, Update update) {
        if (ifMatch.isPresent() && update.version().isPresent() && !ifMatch.equals(update.version())) {
            throw new InvalidInputException("version", "differs from the If-Match header");
        }
        if (ifMatch.isEmpty() && update.version().isEmpty()) {
            throw new InvalidInputException("version", "is required (or send the ETag of the GET in If-Match)");
        }
        return ifMatch.orElseGet(() -> update.version().orElseThrow());
    }
}
