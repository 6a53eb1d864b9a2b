package com.memberpoints.functions.storefront;

import com.memberpoints.domain.checkout.Cart;
import com.memberpoints.domain.checkout.CreditReminder;
import com.memberpoints.domain.checkout.PointsRequest;
import com.memberpoints.domain.checkout.Quote;
import com.memberpoints.domain.checkout.Redemption;
import com.memberpoints.domain.checkout.ReminderRule;
import com.memberpoints.domain.settings.Timing;
import com.memberpoints.domain.settings.GivenWhen;
import com.memberpoints.domain.checkout.RedemptionOutcome;
import com.memberpoints.domain.ledger.Wallet;
import com.memberpoints.domain.model.FieldError;
import com.memberpoints.domain.model.InvalidInputException;
import com.memberpoints.domain.model.PageRequest;
import com.memberpoints.functions.platform.http.ApiException;
import com.memberpoints.functions.platform.http.ApiResponse;
import com.memberpoints.functions.platform.http.PageCursor;
import com.memberpoints.functions.platform.http.ProblemType;
import com.memberpoints.functions.platform.http.QueryParams;
import com.memberpoints.functions.platform.http.RequestLog;
import java.util.Map;
import java.util.Optional;
import com.memberpoints.domain.earning.CreditsOutcome;
import com.memberpoints.domain.earning.PointsOutcome;
import com.memberpoints.domain.ledger.JournalEntry;
import com.memberpoints.domain.model.Page;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.Money;
import com.memberpoints.domain.model.SalesChannel;
import com.memberpoints.functions.platform.json.FieldReader;
import com.memberpoints.functions.platform.json.JsonArray;
import com.memberpoints.functions.platform.json.JsonObject;
import com.memberpoints.functions.platform.json.JsonValue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * Request reading and response writing shared by the storefront handlers. Instanceof chains rather than
 * type switches (cold start: see docs/api-conventions.md §10).
 */
final class StorefrontJson {
    /** Largest amount accepted in any money field of a cart. */
    static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999");
    /** Most points a member may enter. */
    static final long MAX_POINTS = 1_000_000_000_000L;

    private StorefrontJson() {}

    /** The cart plus the entered points, read from a checkout body. */
    record CartRequest(Cart cart, PointsRequest points) {}

    /** Reads the cart members of a checkout body; totals the server computes are refused as read-only. */
    static CartRequest readCart(FieldReader r, Currency currency) {
        r.readOnly("itemSubtotal", "total", "pointDiscount", "amountAfterDiscountsAndCredits", "pointsBalance");
        List<Cart.Item> items = r.objects("items", 1, Cart.MAX_ITEMS, new ItemReading(currency));
        Money zero = Money.zero(currency);
        Money discounts = r.optionalMoney("discounts", currency, MAX_AMOUNT).orElse(zero);
        Money storeCredits = r.optionalMoney("storeCredits", currency, MAX_AMOUNT).orElse(zero);
        Money deliveryFee = r.optionalMoney("deliveryFee", currency, MAX_AMOUNT).orElse(zero);
        Money paymentFee = r.optionalMoney("paymentFee", currency, MAX_AMOUNT).orElse(zero);
        SalesChannel channel = r.optionalChoice("channel", SalesChannel.class).orElse(SalesChannel.ONLINE);
        java.util.Optional<Long> entered = r.optionalInteger("points", 0, MAX_POINTS);
        PointsRequest points = entered.isPresent() ? PointsRequest.exactly(entered.get()) : PointsRequest.MAXIMUM;
        return new CartRequest(new Cart(items, discounts, storeCredits, deliveryFee, paymentFee, channel), points);
    }

    /** A guest's cart for the credit reminder: the items' subtotal and the discounts (≤ the subtotal). */
    record GuestCart(Money itemSubtotal, Money discounts) {}

    /** Reads {@code {"items":[{"amount":"120.00"}],"discounts":"0.00"}}; nothing else is accepted. */
    record GuestCartReading(Currency currency) implements java.util.function.Function<FieldReader, GuestCart> {
        @Override
        public GuestCart apply(FieldReader r) {
            List<Money> amounts = r.objects("items", 1, Cart.MAX_ITEMS, new AmountReading(currency));
            Money subtotal = Money.zero(currency);
            for (Money m : amounts) {
                if (m != null) {
                    subtotal = subtotal.plus(m);
                }
            }
            Money discounts = r.optionalMoney("discounts", currency, MAX_AMOUNT).orElse(Money.zero(currency));
            return new GuestCart(subtotal, discounts);
        }
    }

    private record AmountReading(Currency currency) implements java.util.function.Function<FieldReader, Money> {
        @Override
        public Money apply(FieldReader item) {
            return item.money("amount", currency, MAX_AMOUNT);
        }
    }

    /** The guest reminder: the currency, the reminder, and that only logged-in members receive credits. */
    static JsonObject guestReminder(CreditReminder r, Currency currency) {
        return JsonObject.builder().put("currency", currency.getCurrencyCode()).put("creditReminder", reminder(r))
                .put("membersOnly", true).build();
    }

    /** One cart line: a class, not a lambda (cold start). */
    private record ItemReading(Currency currency) implements java.util.function.Function<FieldReader, Cart.Item> {
        @Override
        public Cart.Item apply(FieldReader item) {
            Money amount = item.money("amount", currency, MAX_AMOUNT);
            boolean excluded = item.optionalBool("excludedFromOrderDiscounts").orElse(false);
            return amount == null ? null : new Cart.Item(amount, excluded);
        }
    }

    // ------------------------------------------------------------------ writing

    static JsonObject quote(Quote q, Currency currency) {
        return JsonObject.builder()
                .put("currency", currency.getCurrencyCode())
                .put("itemSubtotal", q.itemSubtotal())
                .put("discounts", q.discounts())
                .put("storeCredits", q.storeCredits())
                .put("amountAfterDiscountsAndCredits", q.amountAfterDiscountsAndCredits())
                .put("eligibleAmount", q.eligibleAmount())
                .put("points", JsonObject.builder()
                        .put("balance", q.pointsBalance())
                        .put("redemptionUnit", q.redemptionUnit())
                        .put("maxAllowed", q.maxPointsAllowed())
                        .put("maxDiscount", q.maxPointDiscount())
                        .put("applied", q.appliedPoints())
                        .put("discount", q.pointDiscount())
                        .put("remainingBalance", q.remainingBalance())
                        .build())
                .put("redemption", redemption(q.redemption()))
                .put("pointDiscount", q.pointDiscount())
                .put("deliveryFee", q.deliveryFee())
                .put("paymentFee", q.paymentFee())
                .put("total", q.total())
                .put("earn", earn(q.pointsToEarn(), q.creditsToEarn())
                        .put("pointsGivenWhen", givenWhen(q.pointsGivenWhen()))
                        .put("creditsGivenWhen", givenWhen(q.creditsGivenWhen())).build())
                .put("creditReminder", reminder(q.creditReminder()))
                .put("settingsVersion", q.settingsVersion())
                .build();
    }

    /** The typed redemption outcome: APPLIED, UNAVAILABLE (with reason) or REJECTED (with the member message). */
    static JsonObject redemption(Redemption r) {
        JsonObject.Builder b = JsonObject.builder();
        if (r instanceof Redemption.Applied a) {
            b.put("outcome", "APPLIED").put("points", a.points()).put("discount", a.discount());
        } else if (r instanceof Redemption.Unavailable u) {
            b.put("outcome", "UNAVAILABLE").put("reason", u.reason().name());
            if (u.shortfall().isPresent()) {
                b.put("shortfall", u.shortfall().get());
            }
        } else if (r instanceof Redemption.Rejected j) {
            b.put("outcome", "REJECTED").put("reason", j.reason().name()).put("unit", j.unit()).put("message", j.message());
        }
        return b.build();
    }

    /** When something is given: {@code {"kind":"DAYS_AFTER_DELIVERY","days":3,"text":"Points earned 3 days after delivery"}}. */
    static JsonObject givenWhen(Timing t) {
        JsonObject.Builder b = JsonObject.builder().put("kind", t.when().kind());
        if (t.when() instanceof GivenWhen.DaysAfterDelivery d) {
            b.put("days", d.days());
        }
        return b.put("text", t.text()).build();
    }

    private static JsonObject.Builder earn(PointsOutcome points, CreditsOutcome credits) {
        JsonObject.Builder b = JsonObject.builder().put("points", points.points());
        if (points instanceof PointsOutcome.NotEarned n) {
            b.put("pointsNotEarnedReason", n.reason().name());
        }
        b.put("credits", credits.credits());
        if (credits instanceof CreditsOutcome.NotEarned n) {
            b.put("creditsNotEarnedReason", n.reason().name());
        }
        return b;
    }

    /**
     * The cart reminder: its kind, the rule behind it ({@code rule}: type, threshold, amount or rate), the figures,
     * {@code text} in the requested locale and {@code texts} in every template locale.
     */
    static JsonObject reminder(CreditReminder r) {
        if (r instanceof CreditReminder.BuyMore m) {
            return JsonObject.builder().put("kind", "BUY_MORE").put("rule", rule(m.rule())).put("shortfall", m.shortfall())
                    .put("credits", m.credits()).put("text", m.text()).put("texts", texts(m.texts())).build();
        }
        if (r instanceof CreditReminder.WillEarn w) {
            return JsonObject.builder().put("kind", "WILL_EARN").put("rule", rule(w.rule())).put("credits", w.credits())
                    .put("text", w.text()).put("texts", texts(w.texts())).build();
        }
        return JsonObject.builder().put("kind", "NONE").build();
    }

    private static JsonObject rule(ReminderRule rule) {
        JsonObject.Builder b = JsonObject.builder().put("type", rule.type().name()).put("threshold", rule.threshold());
        if (rule.amount().isPresent()) {
            b.put("amount", rule.amount().get());
        }
        if (rule.rate().isPresent()) {
            b.putDecimalString("rate", rule.rate().get());
        }
        return b.build();
    }

    private static JsonObject texts(Map<String, String> texts) {
        JsonObject.Builder b = JsonObject.builder();
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(texts).entrySet()) {
            b.put(e.getKey(), e.getValue());
        }
        return b.build();
    }

    /**
     * A page of journal entries: {@code items} (date, change, reason, order, expiry) and {@code nextCursor}.
     * {@code asMoney}: credits wallets count minor units and are written as money strings.
     */
    static JsonObject.Builder history(Page<JournalEntry> page, Merchant merchant, boolean asMoney) {
        List<JsonValue> items = new ArrayList<>(page.items().size());
        for (JournalEntry e : page.items()) {
            JsonObject.Builder b = JsonObject.builder()
                    .put("date", LocalDate.ofInstant(e.at(), merchant.zone()).toString())
                    .put("at", e.at().toString())
                    .put("kind", e.kind().name());
            if (asMoney) {
                b.put("change", Money.ofMinor(e.delta(), merchant.currency()))
                        .put("balanceAfter", Money.ofMinor(e.balanceAfter(), merchant.currency()));
            } else {
                b.put("change", e.delta()).put("balanceAfter", e.balanceAfter());
            }
            b.put("reason", e.reason());
            if (e.order().isPresent()) {
                b.put("orderId", e.order().get().value());
            }
            if (e.delta() > 0 && !e.lots().isEmpty()) {
                var expires = e.lots().get(0).expiresAt();
                if (expires.isPresent()) {
                    b.put("expiresOn", LocalDate.ofInstant(expires.get(), merchant.zone()).toString());
                } else {
                    b.putNull("expiresOn");
                }
            }
            items.add(b.build());
        }
        JsonObject.Builder out = JsonObject.builder().put("items", new JsonArray(items));
        if (page.nextCursor().isPresent()) {
            out.put("nextCursor", page.nextCursor().get());
        }
        return out;
    }

    /** {@code limit} 1..100 (default 20) and the opaque {@code cursor}, each refused by name when bad. */
    static PageRequest page(QueryParams query) {
        query.allowOnly(QueryParams.LIMIT, QueryParams.CURSOR);
        int limit = query.pageSize();
        Optional<String> cursor = query.string(QueryParams.CURSOR, PageCursor.MAX_LENGTH);
        return new PageRequest(cursor, limit);
    }

    /**
     * The answer to a redemption: 201 held (200 when repeated), 400 naming {@code points} when the rules refuse the
     * entered number, 409 with the available balance when it is not enough, 409 for another amount on the order.
     */
    static ApiResponse answer(RedemptionOutcome outcome, Merchant merchant, RequestLog log) {
        if (outcome instanceof RedemptionOutcome.Redeemed r) {
            log.info(r.repeat() ? "redemption repeated" : "redemption held", "orderId", r.order().value(),
                    "points", r.points(), "storeCredits", r.storeCredits().toPlainString());
            log.count("RedemptionsHeld", r.repeat() ? 0 : 1);
            JsonObject json = JsonObject.builder()
                    .put("orderId", r.order().value())
                    .put("status", "HELD")
                    .put("points", r.points())
                    .put("pointDiscount", r.quote().pointDiscount())
                    .put("storeCredits", r.storeCredits())
                    .put("total", r.quote().total())
                    .put("redemption", StorefrontJson.redemption(r.quote().redemption()))
                    .put("pointsBalanceAfter", r.pointsBalanceAfter())
                    .put("creditsBalanceAfter", r.creditsBalanceAfter())
                    .build();
            return ApiResponse.json(r.repeat() ? 200 : 201, json);
        }
        if (outcome instanceof RedemptionOutcome.Rejected || outcome instanceof RedemptionOutcome.Insufficient) {
            log.count("RedemptionsRefused", 1);
        }
        if (outcome instanceof RedemptionOutcome.Rejected j) {
            throw new InvalidInputException("points", j.rejection().message());
        }
        if (outcome instanceof RedemptionOutcome.Insufficient i) {
            boolean points = i.wallet() == Wallet.POINTS;
            String available = points ? Long.toString(i.available())
                    : Money.ofMinor(i.available(), merchant.currency()).toPlainString();
            String needed = points ? Long.toString(i.requested())
                    : Money.ofMinor(i.requested(), merchant.currency()).toPlainString();
            String what = points ? "points" : "store credits";
            throw new ApiException(ProblemType.CONFLICT,
                    "Not enough " + what + ": " + available + " available, " + needed + " needed.",
                    List.of(new FieldError(points ? "points" : "storeCredits", "exceeds the available balance of " + available)),
                    Map.of());
        }
        throw ApiException.conflict(((RedemptionOutcome.Conflict) outcome).detail());
    }
}
