package com.memberpoints.infra.dynamodb;

import static com.memberpoints.infra.dynamodb.Attrs.dec;
import static com.memberpoints.infra.dynamodb.Attrs.instant;
import static com.memberpoints.infra.dynamodb.Attrs.l;
import static com.memberpoints.infra.dynamodb.Attrs.map;
import static com.memberpoints.infra.dynamodb.Attrs.s;

import com.memberpoints.domain.member.MemberProfile;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.Money;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.domain.model.CheckoutIdentity;
import com.memberpoints.domain.order.Delivery;
import com.memberpoints.domain.order.DeliveryStatus;
import com.memberpoints.domain.order.EarnRecord;
import com.memberpoints.domain.order.Order;
import com.memberpoints.domain.order.OrderAmounts;
import com.memberpoints.domain.model.OrderKind;
import com.memberpoints.domain.order.OrderStatus;
import com.memberpoints.domain.order.Payment;
import com.memberpoints.domain.model.SalesChannel;
import com.memberpoints.domain.settings.SettingsStore.ActivityLogEntry;
import com.memberpoints.domain.settings.AssignmentPolicy;
import com.memberpoints.domain.settings.BoundRule;
import com.memberpoints.domain.settings.Channels;
import com.memberpoints.domain.settings.CreditRule;
import com.memberpoints.domain.settings.CreditType;
import com.memberpoints.domain.settings.CreditValidity;
import com.memberpoints.domain.settings.EarnRate;
import com.memberpoints.domain.settings.EarnRule;
import com.memberpoints.domain.settings.ExpiryPolicy;
import com.memberpoints.domain.settings.MerchantSettings;
import com.memberpoints.domain.settings.OrderRewardCredits;
import com.memberpoints.domain.settings.PointsProgram;
import com.memberpoints.domain.settings.RedeemCap;
import com.memberpoints.domain.settings.RedeemRule;
import com.memberpoints.domain.settings.SettingChange;
import com.memberpoints.domain.model.TierId;
import com.memberpoints.domain.settings.TierRule;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Hand-written mappers between the domain records and DynamoDB map attributes (not JSON: items stay
 * readable in the console, no JSON library is needed, and each sealed variant is a map with a {@code t}
 * tag). Keys and index attributes are added by the stores; these methods map the payload only.
 */
final class StoreItems {
    private StoreItems() {}

    // ------------------------------------------------------------------ keys

    static final String MERCHANTS_PK = "MERCHANTS";

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

    static String memberPk(MerchantId m, MemberId id) {
        return "U#" + m.value() + "#" + id.value();
    }

    static final String MEMBER_SK = "PROFILE";

    static String orderPk(MerchantId m, OrderId id) {
        return "O#" + m.value() + "#" + id.value();
    }

    static final String ORDER_SK = "ORDER";

    static String duePartition(MerchantId m) {
        return "D#" + m.value();
    }

    /** Partition of the pending GSI: one per member ({@code M#<merchant>#<member>}). */
    static String pendingPartition(MerchantId m, MemberId member) {
        return "M#" + m.value() + "#" + member.value();
    }

    /**
     * Sort key of the pending GSI, empty when the order is not pending: {@link #instantSortKey} of the due instant
     * when scheduled, else {@code U} + that of the placement ('U' sorts after digits: undated orders come last).
     */
    static Optional<String> pendingSortKey(Order o) {
        return o.pendingPoints().map(p -> p.dueAt().map(due -> instantSortKey(due, o.id()))
                .orElseGet(() -> "U" + instantSortKey(o.placedAt(), o.id())));
    }

    static String placedPartition(MerchantId m) {
        return "P#" + m.value();
    }

    /** Index sort key {@code <epoch millis, 15 digits>#<order id>}: sorts by instant, then id. */
    static String instantSortKey(Instant at, OrderId id) {
        return instantPrefix(at) + "#" + id.value();
    }

    static String instantPrefix(Instant at) {
        return String.format("%015d", Math.max(0, at.toEpochMilli()));
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(LedgerTable.PK, s(pk), LedgerTable.SK, s(sk));
    }

    // ------------------------------------------------------------------ merchant

    static Map<String, AttributeValue> merchant(Merchant m) {
        return map()
                .put("name", m.name())
                .put("currency", m.currency().getCurrencyCode())
                .put("zone", m.zone().getId())
                .put("defaultLocale", m.defaultLocale().toLanguageTag())
                .put("locales", l(m.supportedLocales().stream().map(x -> s(x.toLanguageTag())).toList()))
                .put("sms", m.smsEnabled())
                .put("open", m.open())
                .put("tiers", l(m.membershipTiers().stream().map(t -> t.value()).sorted().map(Attrs::s).toList()))
                .build();
    }

    static Merchant merchant(MerchantId id, Map<String, AttributeValue> item) {
        Attrs.Reader r = new Attrs.Reader(item);
        Set<Locale> locales = new LinkedHashSet<>();
        r.list("locales").forEach(v -> locales.add(Locale.forLanguageTag(v.s())));
        Set<TierId> tiers = new LinkedHashSet<>();
        r.list("tiers").forEach(v -> tiers.add(TierId.of(v.s())));
        return new Merchant(id, r.str("name"), Currency.getInstance(r.str("currency")), ZoneId.of(r.str("zone")),
                Locale.forLanguageTag(r.str("defaultLocale")), locales, r.bool("sms"), r.bool("open"), tiers);
    }

    // ------------------------------------------------------------------ member

    static Map<String, AttributeValue> member(MemberProfile p) {
        return map()
                .opt("name", p.name(), Attrs::s)
                .opt("email", p.email(), Attrs::s)
                .opt("phone", p.phone(), Attrs::s)
                .opt("locale", p.locale(), x -> s(x.toLanguageTag()))
                .opt("tier", p.tier(), x -> s(x.value()))
                .put("updatedAt", instant(p.updatedAt()))
                .put(UPDATED_NUM, AttributeValue.fromN(sortableNumber(p.updatedAt())))
                .build();
    }

    /** {@code updatedAt} as an exact decimal number of seconds, so the upsert condition compares it in DynamoDB. */
    static final String UPDATED_NUM = "updatedSeconds";

    static String sortableNumber(Instant at) {
        return BigDecimal.valueOf(at.getEpochSecond()).add(BigDecimal.valueOf(at.getNano(), 9)).toPlainString();
    }

    static MemberProfile member(MerchantId merchant, MemberId id, Map<String, AttributeValue> item) {
        Attrs.Reader r = new Attrs.Reader(item);
        return new MemberProfile(merchant, id, r.optStr("name"), r.optStr("email"), r.optStr("phone"),
                r.optStr("locale").map(Locale::forLanguageTag), r.optStr("tier").map(TierId::of), r.instant("updatedAt"));
    }

    // ------------------------------------------------------------------ settings

    static AttributeValue settings(MerchantSettings x) {
        return map()
                .put("version", x.version())
                .put("points", points(x.points()))
                .put("redeem", redeem(x.redeem()))
                .put("tiers", l(x.tiers().stream().map(StoreItems::tier).toList()))
                .put("credits", rewardCredits(x.credits()))
                .put("rulesText", Attrs.m(textMap(x.rulesText())))
                .asValue();
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
                rewardCredits(r.sub("credits")), text);
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

    private static AttributeValue earnRule(EarnRule e) {
        return map().put("enabled", e.enabled()).put("rate", rate(e.rate())).asValue();
    }

    private static EarnRule earnRule(Attrs.Reader r) {
        return new EarnRule(r.bool("enabled"), rate(r.sub("rate")));
    }

    private static AttributeValue rate(EarnRate e) {
        return map().put("spend", dec(e.spend())).put("points", e.points()).asValue();
    }

    private static EarnRate rate(Attrs.Reader r) {
        return new EarnRate(r.dec("spend"), r.num("points"));
    }

    private static AttributeValue expiry(ExpiryPolicy e) {
        return switch (e) {
            case ExpiryPolicy.Never n -> map().put("t", "never").asValue();
            case ExpiryPolicy.AnnualDate a -> map().put("t", "annual").put("month", a.month()).put("day", a.day()).asValue();
        };
    }

    private static ExpiryPolicy expiry(Attrs.Reader r) {
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

    private static AttributeValue tier(TierRule t) {
        return map().put("tier", t.tier().value()).opt("earn", t.earn(), StoreItems::rate)
                .opt("credits", t.credits(), StoreItems::creditRule).asValue();
    }

    private static TierRule tier(Attrs.Reader r) {
        return new TierRule(TierId.of(r.str("tier")), r.optSub("earn").map(StoreItems::rate),
                r.optSub("credits").map(StoreItems::creditRule));
    }

    private static AttributeValue rewardCredits(OrderRewardCredits c) {
        return map().put("enabled", c.enabled()).put("rule", creditRule(c.rule())).asValue();
    }

    private static OrderRewardCredits rewardCredits(Attrs.Reader r) {
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
        return new ActivityLogEntry(r.num("version"), actor, r.instant("at"), changes);
    }

    // ------------------------------------------------------------------ order

    static Map<String, AttributeValue> order(Order o) {
        OrderAmounts a = o.amounts();
        EarnRecord e = o.earned();
        return map()
                .opt("member", o.member(), x -> s(x.value()))
                .put("identity", o.identity().name())
                .put("channel", o.channel().name())
                .put("kind", o.kind().name())
                .opt("parent", o.parentOrder(), x -> s(x.value()))
                .put("placedAt", instant(o.placedAt()))
                .put("amounts", map()
                        .put("itemSubtotal", money(a.itemSubtotal()))
                        .put("discounts", money(a.discounts()))
                        .put("storeCredits", money(a.storeCredits()))
                        .put("redeemedPoints", a.redeemedPoints())
                        .put("pointDiscount", money(a.pointDiscount()))
                        .put("deliveryFee", money(a.deliveryFee()))
                        .put("paymentFee", money(a.paymentFee()))
                        .asValue())
                .put("rule", boundRule(o.rule()))
                .put("status", o.status().name())
                .opt("payment", o.payment(), p -> map().put("paidAt", instant(p.paidAt()))
                        .put("storeOpen", p.storeOpen()).asValue())
                .put("delivery", map().put("status", o.delivery().status().name())
                        .opt("finalAt", o.delivery().finalAt(), Attrs::instant).asValue())
                .opt("completedAt", o.completedAt(), Attrs::instant)
                .put("earned", map()
                        .put("points", e.pointsAssigned())
                        .opt("pointsAt", e.pointsAssignedAt(), Attrs::instant)
                        .opt("scheduledFor", e.scheduledFor(), Attrs::instant)
                        .put("credits", money(e.creditsAwarded()))
                        .opt("creditsAt", e.creditsAwardedAt(), Attrs::instant)
                        .asValue())
                // Absent on orders no revised edit reached (and on items written before revisions were stored).
                .opt("editRev", o.lastEditRevision() > 0 ? Optional.of(o.lastEditRevision()) : Optional.<Long>empty(),
                        Attrs::n)
                .build();
    }

    static Order order(MerchantId merchant, OrderId id, long version, Map<String, AttributeValue> item) {
        Attrs.Reader r = new Attrs.Reader(item);
        Attrs.Reader a = r.sub("amounts");
        Attrs.Reader d = r.sub("delivery");
        Attrs.Reader e = r.sub("earned");
        OrderAmounts amounts = new OrderAmounts(money(a, "itemSubtotal"), money(a, "discounts"),
                money(a, "storeCredits"), a.num("redeemedPoints"), money(a, "pointDiscount"), money(a, "deliveryFee"),
                money(a, "paymentFee"));
        Optional<Payment> payment = r.optSub("payment").map(p -> new Payment(p.instant("paidAt"), p.bool("storeOpen")));
        return new Order(merchant, id, r.optStr("member").map(MemberId::of),
                r.enumOf("identity", CheckoutIdentity.class), r.enumOf("channel", SalesChannel.class),
                r.enumOf("kind", OrderKind.class), r.optStr("parent").map(OrderId::of), r.instant("placedAt"), amounts,
                boundRule(r.sub("rule")), r.enumOf("status", OrderStatus.class), payment,
                new Delivery(d.enumOf("status", DeliveryStatus.class), d.optInstant("finalAt")),
                r.optInstant("completedAt"),
                new EarnRecord(e.num("points"), e.optInstant("pointsAt"), e.optInstant("scheduledFor"),
                        money(e, "credits"), e.optInstant("creditsAt")),
                version, r.has("editRev") ? r.num("editRev") : 0L);
    }

    private static AttributeValue boundRule(BoundRule b) {
        return map()
                .put("settingsVersion", b.settingsVersion())
                .put("programEnabled", b.programEnabled())
                .put("earn", earnRule(b.earn()))
                .put("retail", b.channels().retailEnabled())
                .put("expiry", expiry(b.expiry()))
                .put("credits", rewardCredits(b.credits()))
                .opt("memberTier", b.memberTier(), t -> s(t.value()))
                .opt("tierRule", b.tierRule(), StoreItems::tier)
                .asValue();
    }

    private static BoundRule boundRule(Attrs.Reader r) {
        return new BoundRule(r.num("settingsVersion"), r.bool("programEnabled"), earnRule(r.sub("earn")),
                new Channels(r.bool("retail")), expiry(r.sub("expiry")), rewardCredits(r.sub("credits")),
                r.optStr("memberTier").map(TierId::of), r.optSub("tierRule").map(StoreItems::tier));
    }

    /** Money as {@code "<amount> <ISO 4217 code>"}, e.g. {@code "12.50 TWD"}. */
    private static AttributeValue money(Money m) {
        return s(m.amount().toPlainString() + " " + m.currency().getCurrencyCode());
    }

    private static Money money(Attrs.Reader r, String name) {
        String v = r.str(name);
        int space = v.indexOf(' ');
        try {
            return new Money(new BigDecimal(v.substring(0, space)), Currency.getInstance(v.substring(space + 1)));
        } catch (RuntimeException ex) {
            throw new Attrs.CorruptItemException("attribute " + name + " is not money");
        }
    }
}
