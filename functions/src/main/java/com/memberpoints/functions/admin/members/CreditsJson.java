package com.memberpoints.functions.admin.members;

import com.memberpoints.domain.ledger.JournalEntry;
import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.ledger.LotChange;
import com.memberpoints.domain.ledger.NotifyChoice;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.FieldError;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.Money;
import com.memberpoints.domain.model.Page;
import com.memberpoints.domain.staff.CreditAdjustments;
import com.memberpoints.domain.staff.CreditAdjustments.Validity;
import com.memberpoints.functions.admin.AdminJson;
import com.memberpoints.functions.platform.http.ApiException;
import com.memberpoints.functions.platform.http.IdempotencyKeys;
import com.memberpoints.functions.platform.http.ProblemType;
import com.memberpoints.functions.platform.json.FieldReader;
import com.memberpoints.functions.platform.json.JsonArray;
import com.memberpoints.functions.platform.json.JsonObject;
import com.memberpoints.functions.platform.json.JsonValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The store-credit routes' bodies and answers (issue 11.2): manual adjustments and the admin credits view. */
final class CreditsJson {
    private CreditsJson() {}

    /** An adjustment body, read in the store currency; {@code key} is the optional idempotencyKey field. */
    record Adjustment(Money amount, String reason, Validity validity, NotifyChoice notification, Optional<String> key) {
        CreditAdjustments.Request request(String idempotencyKey) {
            return new CreditAdjustments.Request(amount, reason, validity, notification, idempotencyKey);
        }
    }

    private static final List<String> VALIDITY_FIELDS = List.of("validityDays", "expiresOn", "neverExpires");

    /**
     * {@code amount} (signed decimal string: positive adds, negative deducts), {@code reason}, at most one of
     * {@code validityDays} / {@code expiresOn} / {@code neverExpires: true} (additions only; none: the store's
     * reward-credit validity), {@code sendEmail} / {@code sendSms} (additions only), {@code idempotencyKey}.
     */
    static Adjustment adjustment(FieldReader r, Merchant store) {
        int scale = Money.scaleOf(store.currency());
        BigDecimal max = CreditAdjustments.MAX_AMOUNT;
        BigDecimal value = r.decimal("amount", max.negate(), max, scale);
        if (value != null && value.signum() == 0) {
            r.reject("amount", "must not be 0: positive to add, negative to deduct");
        }
        boolean deduct = value != null && value.signum() < 0;
        String reason = r.string("reason", 1, LedgerCommand.MAX_REASON_LENGTH);
        Optional<Long> days = r.optionalInteger("validityDays", 1, CreditAdjustments.MAX_VALIDITY_DAYS);
        Optional<LocalDate> until = r.optionalDate("expiresOn");
        Optional<Boolean> never = r.optionalBool("neverExpires");
        boolean email = r.optionalBool("sendEmail").orElse(false);
        boolean sms = r.optionalBool("sendSms").orElse(false);
        List<String> given = VALIDITY_FIELDS.stream().filter(r.memberNames()::contains).toList();
        if (deduct) {
            given.forEach(f -> r.reject(f, "a deduction has no validity: it spends the soonest-expiring credits"));
            if (email) {
                r.reject("sendEmail", "a deduction is never notified");
            }
            if (sms) {
                r.reject("sendSms", "a deduction is never notified");
            }
        } else if (given.size() > 1) {
            r.reject(given.get(1), "give at most one of validityDays, expiresOn and neverExpires");
        }
        if (never.isPresent() && !never.get() && !deduct) {
            r.reject("neverExpires", "must be true when given (leave it out for the store's default validity)");
        }
        Optional<String> key = r.parsed("idempotencyKey", 100, IdempotencyKeys::check, IdempotencyKeys.RULE);
        if (value == null || value.signum() == 0 || reason == null) {
            return null;
        }
        Validity validity = deduct ? Validity.STORE_DEFAULT
                : days.<Validity>map(d -> new Validity.Days(Math.toIntExact(d)))
                .or(() -> until.map(Validity.Until::new))
                .or(() -> never.filter(b -> b).map(b -> Validity.NEVER))
                .orElse(Validity.STORE_DEFAULT);
        NotifyChoice choice = deduct ? NotifyChoice.NONE : new NotifyChoice(email, sms);
        return new Adjustment(new Money(value, store.currency()), reason, validity, choice, key);
    }

    /** One credits journal line as admins see it: money in the store currency, who made the change, lot expiries. */
    static JsonObject entry(JournalEntry e, Merchant store) {
        JsonObject.Builder b = JsonObject.builder()
                .put("operationId", e.operationId().value())
                .put("at", e.at().toString())
                .put("date", LocalDate.ofInstant(e.at(), store.zone()).toString())
                .put("kind", e.kind().name())
                .put("change", Money.ofMinor(e.delta(), store.currency()))
                .put("balanceAfter", Money.ofMinor(e.balanceAfter(), store.currency()))
                .put("reason", e.reason())
                .put("changedBy", AdminJson.changedBy(e.actor()))
                .put("changedByType", e.actor() instanceof com.memberpoints.domain.model.Actor.Staff ? "staff" : "system");
        if (e.order().isPresent()) {
            b.put("orderId", e.order().get().value());
        } else {
            b.putNull("orderId");
        }
        List<JsonValue> lots = new ArrayList<>();
        for (LotChange c : e.lots()) {
            JsonObject.Builder lot = JsonObject.builder();
            putExpiry(lot, c.expiresAt(), store);
            lots.add(lot.put("amount", Money.ofMinor(c.delta(), store.currency())).build());
        }
        b.put("lots", new JsonArray(lots));
        if (e.kind().isCredit()) {
            b.put("notification", JsonObject.builder().put("email", e.notification().email())
                    .put("sms", e.notification().sms()).build());
        }
        return b.build();
    }

    private static void putExpiry(JsonObject.Builder b, Optional<Instant> expiresAt, Merchant store) {
        if (expiresAt.isEmpty()) {
            b.putNull("expiresAt").putNull("expiresOn");
        } else {
            b.put("expiresAt", expiresAt.get().toString())
                    .put("expiresOn", LocalDate.ofInstant(expiresAt.get(), store.zone()).toString());
        }
    }

    /** The admin credits view: balance spendable now and a page of the history, newest first. */
    static JsonObject view(MemberId member, Merchant store, Money balance, Page<JournalEntry> page) {
        List<JsonValue> items = new ArrayList<>(page.items().size());
        for (JournalEntry e : page.items()) {
            items.add(entry(e, store));
        }
        JsonObject.Builder history = JsonObject.builder().put("items", new JsonArray(items));
        if (page.nextCursor().isPresent()) {
            history.put("nextCursor", page.nextCursor().get());
        } else {
            history.putNull("nextCursor");
        }
        return JsonObject.builder()
                .put("memberId", member.value())
                .put("currency", store.currency().getCurrencyCode())
                .put("balance", balance)
                .put("history", history.build())
                .build();
    }

    /** The problem answering an adjustment that was not made. */
    static ApiException refused(CreditAdjustments.Outcome outcome) {
        return switch (outcome) {
            case CreditAdjustments.Outcome.InsufficientBalance i -> new ApiException(ProblemType.UNPROCESSABLE,
                    "The deduction of " + i.requested().toPlainString() + " is larger than the member's store-credit"
                            + " balance of " + i.balance().toPlainString() + ".",
                    List.of(new FieldError("amount", "exceeds the store-credit balance of "
                            + i.balance().toPlainString())), Map.of());
            case CreditAdjustments.Outcome.ExpiryOutOfRange x -> new ApiException(ProblemType.INVALID_INPUT,
                    "The expiry date must be from today (" + x.today() + ", store time) to " + x.latest() + ".",
                    List.of(new FieldError("expiresOn", "must be between " + x.today() + " and " + x.latest())),
                    Map.of());
            case CreditAdjustments.Outcome.WrongCurrency w -> new ApiException(ProblemType.INVALID_INPUT,
                    "The amount must be in the store currency.",
                    List.of(new FieldError("amount", "must be in " + w.storeCurrency())), Map.of());
            case CreditAdjustments.Outcome.UnknownMember u -> ApiException.notFound("Member not found.");
            case CreditAdjustments.Outcome.StoreNotConfigured n -> AdminJson.storeNotConfigured();
            case CreditAdjustments.Outcome.KeyReused k -> ApiException.conflict(
                    "This Idempotency-Key was already used for a different adjustment.");
            case CreditAdjustments.Outcome.Done d -> throw new IllegalStateException("done is not refused");
        };
    }
}
