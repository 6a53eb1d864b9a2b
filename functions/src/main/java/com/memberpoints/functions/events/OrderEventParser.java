package com.memberpoints.functions.events;

import com.memberpoints.domain.order.OrderEvent;
import com.memberpoints.domain.member.MemberProfile;
import com.memberpoints.domain.model.DeliveryOptionCode;
import com.memberpoints.domain.model.InvalidInputException;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.Money;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.domain.model.CheckoutIdentity;
import com.memberpoints.domain.order.DeliveryStatus;
import com.memberpoints.domain.order.OrderAmounts;
import com.memberpoints.domain.model.OrderKind;
import com.memberpoints.domain.model.SalesChannel;
import com.memberpoints.domain.model.TierId;
import com.memberpoints.functions.platform.json.FieldReader;
import com.memberpoints.functions.platform.json.Json;
import com.memberpoints.functions.platform.json.JsonValue;
import com.memberpoints.functions.platform.json.MalformedJsonException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Optional;

/**
 * Parses an EventBridge event from the commerce platform ({@code docs/events/*.schema.json}) into a domain
 * event, strictly: unknown members, wrong types and out-of-range values are refused with an
 * {@link InvalidInputException} naming every bad field by its path ({@code detail.amounts.itemSubtotal}).
 * The envelope's standard members ({@code version}, {@code id}, {@code account}, {@code time},
 * {@code region}, {@code resources}, {@code replay-name}) are accepted and ignored.
 */
public final class OrderEventParser {
    /** Largest amount accepted in an event (bounded so arithmetic stays exact and cheap). */
    static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");
    static final long MAX_POINTS = 1_000_000_000_000L;

    /** A parsed event: an order event or a member profile change. */
    public sealed interface Parsed {
        String detailType();
    }

    public record OrderEventParsed(OrderEvent event) implements Parsed {
        @Override
        public String detailType() {
            return event.type();
        }
    }

    public record MemberUpserted(MemberProfile profile) implements Parsed {
        @Override
        public String detailType() {
            return "MemberUpserted";
        }
    }

    private OrderEventParser() {}

    /** Parses the JSON text of one EventBridge event. */
    public static Parsed parse(String text) {
        JsonValue root;
        try {
            root = Json.parse(text);
        } catch (MalformedJsonException e) {
            throw new InvalidInputException("body", "is not valid JSON: " + e.getMessage());
        }
        return FieldReader.read(root, r -> {
            r.ignore("version", "id", "account", "time", "region", "resources", "replay-name");
            r.string("source", 1, 256);
            Optional<String> type = r.optionalString("detail-type", 1, 128);
            if (type.isEmpty()) {
                r.reject("detail-type", "is required");
                return null;
            }
            return switch (type.get()) {
                case "OrderPlaced" -> order(r.object("detail", OrderEventParser::placed));
                case "OrderPaid" -> order(r.object("detail", d -> new OrderEvent.OrderPaid(merchant(d), orderId(d),
                        d.optionalBool("storeOpen"), instant(d, "paidAt"))));
                case "OrderDeliveryStatusChanged" -> order(r.object("detail", d ->
                        new OrderEvent.OrderDeliveryStatusChanged(merchant(d), orderId(d),
                                d.choice("status", DeliveryStatus.class), instant(d, "changedAt"),
                                deliveryOption(d))));
                case "OrderCompleted" -> order(r.object("detail", d -> new OrderEvent.OrderCompleted(merchant(d),
                        orderId(d), instant(d, "completedAt"))));
                case "OrderCancelled" -> order(r.object("detail", d -> new OrderEvent.OrderCancelled(merchant(d),
                        orderId(d), instant(d, "cancelledAt"))));
                case "OrderEdited" -> order(r.object("detail", d -> new OrderEvent.OrderEdited(merchant(d), orderId(d),
                        revision(d), d.object("amounts", OrderEventParser::amounts),
                        instant(d, "editedAt"))));
                case "OrderSplit" -> order(r.object("detail", OrderEventParser::split));
                case "OrderReturned" -> order(r.object("detail", OrderEventParser::returned));
                case "MemberUpserted" -> member(r.object("detail", OrderEventParser::profile));
                default -> {
                    r.reject("detail-type", "must be one of OrderPlaced, OrderPaid, OrderDeliveryStatusChanged, "
                            + "OrderCompleted, OrderCancelled, OrderEdited, OrderSplit, OrderReturned, MemberUpserted");
                    r.ignore("detail");
                    yield null;
                }
            };
        });
    }

    /** Optional: absent → the edit applies in arrival order (docs/decisions.md, "Order lifecycle"). */
    private static java.util.OptionalLong revision(FieldReader d) {
        Optional<Long> r = d.optionalInteger("revision", 1, Integer.MAX_VALUE);
        return r.isPresent() ? java.util.OptionalLong.of(r.get()) : java.util.OptionalLong.empty();
    }

    private static Parsed order(OrderEvent e) {
        return e == null ? null : new OrderEventParsed(e);
    }

    private static Parsed member(MemberProfile p) {
        return p == null ? null : new MemberUpserted(p);
    }

    private static OrderEvent placed(FieldReader d) {
        MerchantId merchant = merchant(d);
        OrderId order = orderId(d);
        Optional<MemberId> member = d.optionalId("memberId", MemberId::of);
        CheckoutIdentity identity = d.choice("checkout", CheckoutIdentity.class);
        SalesChannel channel = d.choice("channel", SalesChannel.class);
        OrderKind kind = d.optionalChoice("kind", OrderKind.class).orElse(OrderKind.NORMAL);
        OrderAmounts amounts = d.object("amounts", OrderEventParser::amounts);
        Instant at = instant(d, "placedAt");
        Optional<DeliveryOptionCode> deliveryOption = deliveryOption(d);
        if (identity == CheckoutIdentity.MEMBER_LOGGED_IN && member.isEmpty()) {
            d.reject("memberId", "is required when checkout is MEMBER_LOGGED_IN");
            return null;
        }
        if (merchant == null || order == null || identity == null || channel == null || amounts == null || at == null) {
            return null;
        }
        return new OrderEvent.OrderPlaced(merchant, order, member, identity, channel, kind, amounts, at, deliveryOption);
    }

    /** Optional: the order's delivery option code (SPEC §4a; absent → docs/decisions.md "11.1"). */
    private static Optional<DeliveryOptionCode> deliveryOption(FieldReader d) {
        return d.parsed("deliveryOption", 64, DeliveryOptionCode::of, DeliveryOptionCode.RULE);
    }

    private static OrderEvent split(FieldReader d) {
        MerchantId merchant = merchant(d);
        OrderId parent = orderId(d);
        OrderAmounts parentAmounts = d.object("parentAmounts", OrderEventParser::amounts);
        var children = d.objects("children", 1, OrderEvent.OrderSplit.MAX_CHILDREN, c -> {
            OrderId id = c.id("orderId", OrderId::of);
            OrderAmounts a = c.object("amounts", OrderEventParser::amounts);
            return id == null || a == null ? null : new OrderEvent.SplitChild(id, a);
        });
        Instant at = instant(d, "splitAt");
        if (merchant == null || parent == null || parentAmounts == null || children == null || at == null
                || children.contains(null)) {
            return null;
        }
        if (children.stream().map(OrderEvent.SplitChild::order).distinct().count() != children.size()
                || children.stream().anyMatch(c -> c.order().equals(parent))) {
            d.reject("children", "child order ids must be distinct and differ from the parent orderId");
            return null;
        }
        return new OrderEvent.OrderSplit(merchant, parent, parentAmounts, children, at);
    }

    /**
     * A return or refund: {@code returnedAmount}, or the sum of the {@code items}' amounts when only items are given;
     * a {@code full} return needs neither (docs/decisions.md, "12.3 Returns and refunds").
     */
    private static OrderEvent returned(FieldReader d) {
        MerchantId merchant = merchant(d);
        OrderId order = orderId(d);
        String returnId = d.id("returnId", id -> {
            if (!com.memberpoints.domain.order.OrderReturns.RETURN_ID.matcher(id).matches()) {
                throw new IllegalArgumentException(id);
            }
            return id;
        });
        Optional<Currency> currency = d.parsed("currency", 3, Currency::getInstance, "must be an ISO 4217 code");
        if (currency.isEmpty()) {
            d.requirePresent("currency");
        }
        Optional<Money> amount = currency.flatMap(c -> d.optionalMoney("returnedAmount", c, MAX_AMOUNT));
        java.util.List<OrderEvent.ReturnedItem> items = d.memberNames().contains("items")
                ? d.objects("items", 1, OrderEvent.OrderReturned.MAX_ITEMS, i -> {
                    String sku = i.string("sku", 1, 128);
                    long quantity = i.integer("quantity", 1, 1_000_000);
                    Money itemAmount = currency.map(c -> i.money("amount", c, MAX_AMOUNT)).orElse(null);
                    return sku == null || itemAmount == null ? null : new OrderEvent.ReturnedItem(sku, quantity, itemAmount);
                })
                : java.util.List.of();
        boolean full = d.optionalBool("full").orElse(false);
        Instant at = instant(d, "returnedAt");
        if (currency.isPresent() && amount.isEmpty() && items.isEmpty() && !full && !d.memberNames().contains("items")
                && !d.memberNames().contains("returnedAmount")) {
            d.reject("returnedAmount", "is required unless items are given or full is true");
            return null;
        }
        if (merchant == null || order == null || returnId == null || currency.isEmpty() || at == null
                || items.stream().anyMatch(java.util.Objects::isNull)) {
            return null;
        }
        Money returnedAmount = amount.orElseGet(() -> items.stream().map(OrderEvent.ReturnedItem::amount)
                .reduce(Money.zero(currency.get()), Money::plus));
        if (returnedAmount.amount().compareTo(MAX_AMOUNT) > 0) {
            d.reject("items", "the items' amounts add up to more than " + MAX_AMOUNT.toPlainString());
            return null;
        }
        return new OrderEvent.OrderReturned(merchant, order, returnId, returnedAmount, items, full, at);
    }

    private static MemberProfile profile(FieldReader d) {
        MerchantId merchant = merchant(d);
        MemberId member = d.id("memberId", MemberId::of);
        Optional<String> name = d.optionalString("name", 1, 200);
        Optional<String> email = d.parsed("email", 254, OrderEventParser::email, "must be an email address");
        Optional<String> phone = d.parsed("phone", 16, OrderEventParser::phone,
                "must be an E.164 phone number such as +886912345678");
        Optional<Locale> locale = d.parsed("locale", 35, OrderEventParser::locale, "must be a BCP 47 language tag");
        Optional<TierId> tier = d.optionalId("tier", TierId::of);
        Instant at = instant(d, "updatedAt");
        if (merchant == null || member == null || at == null) {
            return null;
        }
        return new MemberProfile(merchant, member, name, email, phone, locale, tier, at);
    }

    /** The money of an order; {@code itemSubtotal} is required, the others default to zero. */
    static OrderAmounts amounts(FieldReader a) {
        Optional<Currency> currency = a.parsed("currency", 3, Currency::getInstance, "must be an ISO 4217 code");
        if (currency.isEmpty()) {
            a.reject("currency", "is required");
            return null;
        }
        Currency c = currency.get();
        Money subtotal = a.money("itemSubtotal", c, MAX_AMOUNT);
        Money zero = Money.zero(c);
        Money discounts = a.optionalMoney("discounts", c, MAX_AMOUNT).orElse(zero);
        Money storeCredits = a.optionalMoney("storeCredits", c, MAX_AMOUNT).orElse(zero);
        long points = a.optionalInteger("redeemedPoints", 0, MAX_POINTS).orElse(0L);
        Money pointDiscount = a.optionalMoney("pointDiscount", c, MAX_AMOUNT).orElse(zero);
        Money deliveryFee = a.optionalMoney("deliveryFee", c, MAX_AMOUNT).orElse(zero);
        Money paymentFee = a.optionalMoney("paymentFee", c, MAX_AMOUNT).orElse(zero);
        if (subtotal == null) {
            return null;
        }
        return new OrderAmounts(subtotal, discounts, storeCredits, points, pointDiscount, deliveryFee, paymentFee);
    }

    private static MerchantId merchant(FieldReader d) {
        return d.id("merchantId", MerchantId::of);
    }

    private static OrderId orderId(FieldReader d) {
        return d.id("orderId", OrderId::of);
    }

    private static Instant instant(FieldReader d, String name) {
        return d.parsed(name, 40, OrderEventParser::parseInstant,
                "must be an ISO-8601 instant with a zone, such as 2021-12-01T07:00:00Z")
                .orElseGet(() -> {
                    d.requirePresent(name);
                    return null;
                });
    }

    private static Instant parseInstant(String s) {
        try {
            return java.time.OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    private static String email(String s) {
        int at = s.indexOf('@');
        if (at < 1 || at != s.lastIndexOf('@') || at == s.length() - 1 || s.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("not an email");
        }
        return s;
    }

    private static String phone(String s) {
        if (!s.matches("\\+[1-9][0-9]{6,14}")) {
            throw new IllegalArgumentException("not E.164");
        }
        return s;
    }

    private static Locale locale(String s) {
        try {
            return new Locale.Builder().setLanguageTag(s).build();
        } catch (IllformedLocaleException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }
}
