package com.memberpoints.infra.dynamodb;

import static com.memberpoints.infra.dynamodb.Attrs.instant;
import static com.memberpoints.infra.dynamodb.Attrs.map;
import static com.memberpoints.infra.dynamodb.Attrs.s;

import com.memberpoints.domain.model.DeliveryOptionCode;
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
import com.memberpoints.domain.order.OrderReturns;
import com.memberpoints.domain.model.OrderKind;
import com.memberpoints.domain.order.OrderStatus;
import com.memberpoints.domain.order.Payment;
import com.memberpoints.domain.model.SalesChannel;
import com.memberpoints.domain.settings.BoundRule;
import com.memberpoints.domain.settings.Channels;
import com.memberpoints.domain.model.TierId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Maps the order item ({@code pk = O#<merchant>#<order>}, {@code sk = ORDER}) and the keys of the
 * {@code due}, {@code placed} and {@code pending} indexes.
 * Hand-written mapping to DynamoDB attributes (not JSON: items stay readable in the console, each sealed
 * variant is a map with a {@code t} tag). Key formats are defined here; the store puts the keys and index attributes on the item.
 */
final class OrderItemMapper {
    private OrderItemMapper() {}

    // ------------------------------------------------------------------ keys

    static String orderPk(MerchantId m, OrderId id) {
        return "O#" + m.value() + "#" + id.value();
    }

    static final String ORDER_SK = "ORDER";

    /** Due index partition of an order: {@code D#<merchant>#<shard 00..15>}, the shard a hash of the order id. */
    static String duePartition(MerchantId m, OrderId id) {
        return Shards.key("D#" + m.value(), Shards.of(id.value(), Shards.INDEX_SHARDS));
    }

    /** The due index parts of a merchant: the 16 shards, then the unsharded {@code D#<merchant>} of older items. */
    static List<String> dueParts(MerchantId m) {
        return Shards.partsWithLegacy("D#" + m.value(), Shards.INDEX_SHARDS);
    }

    /** Partition of the pending GSI: one per member ({@code M#<merchant>#<member>}). */
    static String pendingPartition(MerchantId m, MemberId member) {
        return "M#" + m.value() + "#" + member.value();
    }

    /**
     * Sort key of the pending GSI, empty when the order is not pending: {@link #instantSortKey} of the placement. It
     * never changes while the order is pending (issue 15: the delivery that dates an order no longer re-keys the index,
     * a delete and a put of the index entry, 2 WCU); the reader orders by {@link #pendingOrder} after its re-read.
     */
    static Optional<String> pendingSortKey(Order o) {
        return o.pendingPoints().map(p -> instantSortKey(o.placedAt(), o.id()));
    }

    /**
     * Where a pending order is listed: by due instant when scheduled, else {@code U} + its placement ('U' sorts after
     * digits: undated orders come last, oldest first).
     */
    static Optional<String> pendingOrder(Order o) {
        return o.pendingPoints().map(p -> p.dueAt().map(due -> instantSortKey(due, o.id()))
                .orElseGet(() -> "U" + instantSortKey(o.placedAt(), o.id())));
    }

    /** Placed index partition of an order: {@code P#<merchant>#<shard 00..15>}, the shard a hash of the order id. */
    static String placedPartition(MerchantId m, OrderId id) {
        return Shards.key("P#" + m.value(), Shards.of(id.value(), Shards.INDEX_SHARDS));
    }

    /** The placed index parts of a merchant: the 16 shards, then the unsharded {@code P#<merchant>} of older items. */
    static List<String> placedParts(MerchantId m) {
        return Shards.partsWithLegacy("P#" + m.value(), Shards.INDEX_SHARDS);
    }

    /** Index sort key {@code <epoch millis, 15 digits>#<order id>}: sorts by instant, then id. */
    static String instantSortKey(Instant at, OrderId id) {
        return instantPrefix(at) + "#" + id.value();
    }

    static String instantPrefix(Instant at) {
        return String.format("%015d", Math.max(0, at.toEpochMilli()));
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
                        .opt("finalAt", o.delivery().finalAt(), Attrs::instant)
                        .opt("option", o.delivery().option(), c -> s(c.value())).asValue())
                .opt("completedAt", o.completedAt(), Attrs::instant)
                .put("earned", map()
                        .put("points", e.pointsAssigned())
                        .opt("pointsAt", e.pointsAssignedAt(), Attrs::instant)
                        .opt("scheduledFor", e.scheduledFor(), Attrs::instant)
                        .put("credits", money(e.creditsAwarded()))
                        .opt("creditsAt", e.creditsAwardedAt(), Attrs::instant)
                        // Absent when every deduction could be taken back (and on items written before returns).
                        .opt("notRecovered", e.pointsNotRecovered() > 0 ? Optional.of(e.pointsNotRecovered())
                                : Optional.<Long>empty(), Attrs::n)
                        .asValue())
                // Absent on orders no revised edit reached (and on items written before revisions were stored).
                .opt("editRev", o.lastEditRevision() > 0 ? Optional.of(o.lastEditRevision()) : Optional.<Long>empty(),
                        Attrs::n)
                // Absent on orders nothing was returned from (issue 12.3).
                .opt("returns", o.returns().isEmpty() ? Optional.<OrderReturns>empty() : Optional.of(o.returns()),
                        OrderItemMapper::returns)
                .build();
    }

    private static AttributeValue returns(OrderReturns r) {
        return map()
                .put("full", r.full())
                .put("applied", Attrs.l(r.applied().stream().map(a -> map()
                        .put("id", a.returnId())
                        .put("amount", money(a.amount()))
                        .put("at", instant(a.at()))
                        .asValue()).toList()))
                .asValue();
    }

    private static OrderReturns returns(Attrs.Reader r) {
        List<OrderReturns.Applied> applied = r.list("applied").stream().map(v -> {
            Attrs.Reader a = Attrs.Reader.of(v, "returns.applied");
            return new OrderReturns.Applied(a.str("id"), money(a, "amount"), a.instant("at"));
        }).toList();
        return new OrderReturns(applied, r.bool("full"));
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
                new Delivery(d.enumOf("status", DeliveryStatus.class), d.optInstant("finalAt"),
                        d.optStr("option").map(DeliveryOptionCode::of)),
                r.optInstant("completedAt"),
                new EarnRecord(e.num("points"), e.optInstant("pointsAt"), e.optInstant("scheduledFor"),
                        money(e, "credits"), e.optInstant("creditsAt"),
                        e.has("notRecovered") ? e.num("notRecovered") : 0L),
                version, r.has("editRev") ? r.num("editRev") : 0L,
                r.optSub("returns").map(OrderItemMapper::returns).orElse(OrderReturns.NONE));
    }

    private static AttributeValue boundRule(BoundRule b) {
        return map()
                .put("settingsVersion", b.settingsVersion())
                .put("programEnabled", b.programEnabled())
                .put("earn", SettingsItemMapper.earnRule(b.earn()))
                .put("retail", b.channels().retailEnabled())
                .put("expiry", SettingsItemMapper.expiry(b.expiry()))
                .put("credits", SettingsItemMapper.rewardCredits(b.credits()))
                .opt("memberTier", b.memberTier(), t -> s(t.value()))
                .opt("tierRule", b.tierRule(), SettingsItemMapper::tier)
                .asValue();
    }

    private static BoundRule boundRule(Attrs.Reader r) {
        return new BoundRule(r.num("settingsVersion"), r.bool("programEnabled"), SettingsItemMapper.earnRule(r.sub("earn")),
                new Channels(r.bool("retail")), SettingsItemMapper.expiry(r.sub("expiry")), SettingsItemMapper.rewardCredits(r.sub("credits")),
                r.optStr("memberTier").map(TierId::of), r.optSub("tierRule").map(SettingsItemMapper::tier));
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
