package com.memberpoints.infra.dynamodb;

import static com.memberpoints.infra.dynamodb.Attrs.dec;
import static com.memberpoints.infra.dynamodb.Attrs.instant;
import static com.memberpoints.infra.dynamodb.Attrs.l;
import static com.memberpoints.infra.dynamodb.Attrs.map;
import static com.memberpoints.infra.dynamodb.Attrs.s;

import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.settings.SettingsStore.ActivityLogEntry;
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
import com.memberpoints.domain.settings.SettingChange;
import com.memberpoints.domain.model.TierId;
import com.memberpoints.domain.settings.TierRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Maps the settings items: {@code CURRENT}, immutable versions {@code V#<version>} and activity entries
 * {@code A#<version>} under {@code pk = S#<merchant>}. The rule pieces (earn rule, expiry, reward credits, tier) are
 * also used by {@link OrderItemMapper} for the rule bound to an order.
 * Hand-written mapping to DynamoDB attributes (not JSON: items stay readable in the console, each sealed
 * variant is a map with a {@code t} tag). Key formats are defined here; the store puts the keys and index attributes on the item.
 */
final class SettingsItemMapper {
    private SettingsItemMapper() {}

    // ------------------------------------------------------------------ keys

    static String settingsPk(MerchantId m) {
        return "S#" + m.value();
    }

    static final String SETTINGS_CURRENT = "CURRENT";

    static String settingsVersionSk(long version) {
        return "V#" + String.format("%012d", version);
    }

    static String activitySk(long version) {
        return "A#" + String.format("%012d", version);
    }

    /** An entry appended without a new version: after the entry of the version in force, by time, then at random. */
    static String appendedActivitySk(long versionInForce, java.time.Instant at, int random) {
        return activitySk(versionInForce) + "#" + String.format("%015d", at.toEpochMilli()) + "#"
                + String.format("%08x", random);
    }

    private static final java.util.regex.Pattern ACTIVITY_POSITION =
            java.util.regex.Pattern.compile("[0-9]{12}(#[0-9]{15}#[0-9a-f]{8})?");

    /** True for the part of an activity sort key after {@code A#}. */
    static boolean isActivityPosition(String p) {
        return ACTIVITY_POSITION.matcher(p).matches();
    }

    // ------------------------------------------------------------------ settings

    static AttributeValue settings(MerchantSettings x) {
        return map()
                .put("version", x.version())
                .put("points", points(x.points()))
                .put("redeem", redeem(x.redeem()))
                .put("tiers", l(x.tiers().stream().map(SettingsItemMapper::tier).toList()))
                .put("credits", rewardCredits(x.credits()))
                .put("rulesText", Attrs.m(textMap(x.rulesText())))
                .put("reminders", reminders(x.expiryReminders()))
                .put("deliveryOptions", deliveryOptions(x.deliveryOptions()))
                .asValue();
    }

    /** The expiry-reminders part ({@code reminders}: M {@code on}, {@code days}, {@code email}, {@code sms}); absent = off. */
    private static AttributeValue reminders(ExpiryReminders r) {
        return map().put("on", r.enabled()).put("days", r.daysBefore()).put("email", r.email()).put("sms", r.sms())
                .asValue();
    }

    private static ExpiryReminders reminders(Attrs.Reader r) {
        return new ExpiryReminders(r.bool("on"), (int) r.num("days"), r.bool("email"), r.bool("sms"));
    }

    /** {@code {finalStatus: {<code>: "ARRIVED"|"COLLECTED"}}}; absent in items saved before SPEC §4a. */
    private static AttributeValue deliveryOptions(DeliveryOptionMapping d) {
        Map<String, AttributeValue> m = new TreeMap<>();
        d.finalStatus().forEach((code, status) -> m.put(code, s(status.name())));
        return map().put("finalStatus", Attrs.m(m)).asValue();
    }

    private static DeliveryOptionMapping deliveryOptions(Attrs.Reader r) {
        Attrs.Reader f = r.sub("finalStatus");
        Map<String, FinalDeliveryStatus> m = new TreeMap<>();
        for (String code : f.map().keySet()) {
            m.put(code, f.enumOf(code, FinalDeliveryStatus.class));
        }
        return DeliveryOptionMapping.of(m);
    }

    static MerchantSettings settings(Attrs.Reader r) {
        List<TierRule> tiers = new ArrayList<>();
        for (AttributeValue t : r.list("tiers")) {
            tiers.add(tier(Attrs.Reader.of(t, "tiers[]")));
        }
        TreeMap<String, String> text = new TreeMap<>();
        Attrs.Reader texts = r.sub("rulesText");
        texts.map().keySet().forEach(k -> text.put(k, texts.str(k)));
        return new MerchantSettings(r.num("version"), points(r.sub("points")), redeem(r.sub("redeem")), tiers,
                rewardCredits(r.sub("credits")), text,
                r.optSub("reminders").map(SettingsItemMapper::reminders).orElse(ExpiryReminders.OFF),
                r.optSub("deliveryOptions").map(SettingsItemMapper::deliveryOptions).orElse(DeliveryOptionMapping.EMPTY));
    }

    private static Map<String, AttributeValue> textMap(Map<String, String> text) {
        Map<String, AttributeValue> m = new TreeMap<>();
        text.forEach((k, v) -> m.put(k, s(v)));
        return m;
    }

    private static AttributeValue points(PointsProgram p) {
        return map().put("enabled", p.enabled()).put("earn", earnRule(p.earn()))
                .put("retail", p.channels().retailEnabled()).put("expiry", expiry(p.expiry()))
                .put("assignment", switch (p.assignment()) {
                    case AssignmentPolicy.AfterDelivery a -> map().put("t", "afterDelivery").put("days", a.days()).asValue();
                    case AssignmentPolicy.OnCompletion c -> map().put("t", "onCompletion").asValue();
                }).asValue();
    }

    private static PointsProgram points(Attrs.Reader r) {
        Attrs.Reader a = r.sub("assignment");
        AssignmentPolicy assignment = switch (a.str("t")) {
            case "afterDelivery" -> AssignmentPolicy.afterDelivery(Math.toIntExact(a.num("days")));
            case "onCompletion" -> AssignmentPolicy.ON_COMPLETION;
            default -> throw new Attrs.CorruptItemException("unknown assignment policy " + a.str("t"));
        };
        return new PointsProgram(r.bool("enabled"), earnRule(r.sub("earn")), new Channels(r.bool("retail")),
                expiry(r.sub("expiry")), assignment);
    }

    static AttributeValue earnRule(EarnRule e) {
        return map().put("enabled", e.enabled()).put("rate", rate(e.rate())).asValue();
    }

    static EarnRule earnRule(Attrs.Reader r) {
        return new EarnRule(r.bool("enabled"), rate(r.sub("rate")));
    }

    private static AttributeValue rate(EarnRate e) {
        return map().put("spend", dec(e.spend())).put("points", e.points()).asValue();
    }

    private static EarnRate rate(Attrs.Reader r) {
        return new EarnRate(r.dec("spend"), r.num("points"));
    }

    static AttributeValue expiry(ExpiryPolicy e) {
        return switch (e) {
            case ExpiryPolicy.Never n -> map().put("t", "never").asValue();
            case ExpiryPolicy.AnnualDate a -> map().put("t", "annual").put("month", a.month()).put("day", a.day()).asValue();
        };
    }

    static ExpiryPolicy expiry(Attrs.Reader r) {
        return switch (r.str("t")) {
            case "never" -> ExpiryPolicy.NEVER;
            case "annual" -> ExpiryPolicy.annual(Math.toIntExact(r.num("month")), Math.toIntExact(r.num("day")));
            default -> throw new Attrs.CorruptItemException("unknown expiry policy " + r.str("t"));
        };
    }

    private static AttributeValue redeem(RedeemRule x) {
        return map().put("enabled", x.enabled()).put("pointsPerUnit", x.pointsPerUnit())
                .put("minimum", dec(x.minimumOrderAmount()))
                .put("cap", switch (x.cap()) {
                    case RedeemCap.None n -> map().put("t", "none").asValue();
                    case RedeemCap.Fixed f -> map().put("t", "fixed").put("amount", dec(f.amount())).asValue();
                    case RedeemCap.Percent p -> map().put("t", "percent").put("percent", dec(p.percent())).asValue();
                }).asValue();
    }

    private static RedeemRule redeem(Attrs.Reader r) {
        Attrs.Reader c = r.sub("cap");
        RedeemCap cap = switch (c.str("t")) {
            case "none" -> RedeemCap.NONE;
            case "fixed" -> new RedeemCap.Fixed(c.dec("amount"));
            case "percent" -> new RedeemCap.Percent(c.dec("percent"));
            default -> throw new Attrs.CorruptItemException("unknown redeem cap " + c.str("t"));
        };
        return new RedeemRule(r.bool("enabled"), r.num("pointsPerUnit"), r.dec("minimum"), cap);
    }

    static AttributeValue tier(TierRule t) {
        return map().put("tier", t.tier().value()).opt("earn", t.earn(), SettingsItemMapper::rate)
                .opt("credits", t.credits(), SettingsItemMapper::creditRule).asValue();
    }

    static TierRule tier(Attrs.Reader r) {
        return new TierRule(TierId.of(r.str("tier")), r.optSub("earn").map(SettingsItemMapper::rate),
                r.optSub("credits").map(SettingsItemMapper::creditRule));
    }

    static AttributeValue rewardCredits(OrderRewardCredits c) {
        return map().put("enabled", c.enabled()).put("rule", creditRule(c.rule())).asValue();
    }

    static OrderRewardCredits rewardCredits(Attrs.Reader r) {
        return new OrderRewardCredits(r.bool("enabled"), creditRule(r.sub("rule")));
    }

    private static AttributeValue creditRule(CreditRule c) {
        return map().put("minimum", dec(c.minimum()))
                .put("type", switch (c.type()) {
                    case CreditType.Fixed f -> map().put("t", "fixed").put("credit", dec(f.credit()))
                            .put("cumulative", f.cumulative()).asValue();
                    case CreditType.Percent p -> map().put("t", "percent").put("percent", dec(p.percent())).asValue();
                })
                .put("validity", switch (c.validity()) {
                    case CreditValidity.Never n -> map().put("t", "never").asValue();
                    case CreditValidity.Days d -> map().put("t", "days").put("days", d.days()).asValue();
                }).asValue();
    }

    private static CreditRule creditRule(Attrs.Reader r) {
        Attrs.Reader t = r.sub("type");
        CreditType type = switch (t.str("t")) {
            case "fixed" -> new CreditType.Fixed(t.dec("credit"), t.bool("cumulative"));
            case "percent" -> new CreditType.Percent(t.dec("percent"));
            default -> throw new Attrs.CorruptItemException("unknown credit type " + t.str("t"));
        };
        Attrs.Reader v = r.sub("validity");
        CreditValidity validity = switch (v.str("t")) {
            case "never" -> CreditValidity.NEVER;
            case "days" -> CreditValidity.days(Math.toIntExact(v.num("days")));
            default -> throw new Attrs.CorruptItemException("unknown credit validity " + v.str("t"));
        };
        return new CreditRule(r.dec("minimum"), type, validity);
    }

    // ------------------------------------------------------------------ activity log

    static Map<String, AttributeValue> activity(ActivityLogEntry e) {
        return map()
                .put("version", e.version())
                .put("actor", e.actor().label())
                .put("at", instant(e.at()))
                .put("section", e.section())
                .put("changes", l(e.changes().stream().map(c -> map().put("field", c.field())
                        .opt("old", c.oldValue(), Attrs::s).opt("new", c.newValue(), Attrs::s).asValue()).toList()))
                .build();
    }

    static ActivityLogEntry activity(Map<String, AttributeValue> item) {
        Attrs.Reader r = new Attrs.Reader(item);
        List<SettingChange> changes = new ArrayList<>();
        for (AttributeValue v : r.list("changes")) {
            Attrs.Reader c = Attrs.Reader.of(v, "changes[]");
            changes.add(new SettingChange(c.str("field"), c.optStr("old"), c.optStr("new")));
        }
        Actor actor;
        try {
            actor = Actor.parse(r.str("actor"));
        } catch (IllegalArgumentException e) {
            throw new Attrs.CorruptItemException("attribute actor is not an actor");
        }
        String section = r.optStr("section").orElse(com.memberpoints.domain.settings.SettingsSection.ALL);
        try {
            return new ActivityLogEntry(r.num("version"), actor, r.instant("at"), changes, section);
        } catch (IllegalArgumentException e) {
            throw new Attrs.CorruptItemException("attribute section is not a section name");
        }
    }
}
