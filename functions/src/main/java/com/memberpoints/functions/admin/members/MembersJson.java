package com.memberpoints.functions.admin.members;

import com.memberpoints.functions.platform.http.IdempotencyKeys;
import com.memberpoints.functions.admin.AdminJson;
import com.memberpoints.domain.staff.PointsAdjustments;
import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.ledger.NotifyChoice;
import com.memberpoints.domain.model.FieldError;
import com.memberpoints.domain.model.InvalidInputException;
import com.memberpoints.functions.platform.http.ApiException;
import com.memberpoints.functions.platform.http.ProblemType;
import com.memberpoints.functions.platform.json.FieldReader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import com.memberpoints.domain.staff.StoreSpend;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.Money;
import com.memberpoints.functions.platform.json.JsonObject;
import java.math.BigDecimal;

/** The member routes' bodies and answers: point adjustments and store spend. */
final class MembersJson {
    private MembersJson() {}

    private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000");

    /** An adjustment body: points, reason, notification choice and the optional idempotencyKey field. */
    record Adjustment(long points, String reason, boolean email, boolean sms, Optional<String> key) {
        PointsAdjustments.Request request(String idempotencyKey) {
            return new PointsAdjustments.Request(points, reason, new NotifyChoice(email, sms), idempotencyKey);
        }
    }

    /** A store spend body: the receipt (idempotency) and the amount in the store currency. */
    record Spend(String receiptId, Money amount) {}

    static Adjustment adjustment(FieldReader r) {
        long points = r.integer("points", -PointsAdjustments.MAX_POINTS, PointsAdjustments.MAX_POINTS);
        if (points == 0 && r.memberNames().contains("points")) {
            r.reject("points", "must not be 0: positive to add, negative to deduct");
        }
        String reason = r.string("reason", 1, LedgerCommand.MAX_REASON_LENGTH);
        boolean email = r.optionalBool("sendEmail").orElse(false);
        boolean sms = r.optionalBool("sendSms").orElse(false);
        if (points < 0 && email) {
            r.reject("sendEmail", "a deduction is never notified");
        }
        if (points < 0 && sms) {
            r.reject("sendSms", "a deduction is never notified");
        }
        Optional<String> key = r.parsed("idempotencyKey", 100, IdempotencyKeys::check,
                IdempotencyKeys.RULE);
        return new Adjustment(points, reason, email, sms, key);
    }

    static Spend spend(FieldReader r, Merchant merchant) {
        String receipt = r.parsed("receiptId", 100, IdempotencyKeys::check,
                "must be 1-100 characters of letters, digits and ._:@+-").orElse(null);
        if (receipt == null && !r.memberNames().contains("receiptId")) {
            r.reject("receiptId", "is required");
        }
        Money amount = r.money("amount", merchant.currency(), MAX_AMOUNT);
        if (amount != null && !amount.isPositive()) {
            r.reject("amount", "must be greater than 0");
        }
        return receipt == null || amount == null ? null : new Spend(receipt, amount);
    }

    static JsonObject earned(Spend body, StoreSpend.Outcome.Earned e, Merchant merchant) {
        return JsonObject.builder()
                .put("receiptId", body.receiptId())
                .put("orderId", StoreSpend.orderIdOf(body.receiptId()).value())
                .put("amount", body.amount())
                .put("points", e.entry().delta())
                .put("entry", AdminJson.entry(e.entry(), merchant))
                .build();
    }

    static JsonObject nothingEarned(Spend body, StoreSpend.Outcome.NothingEarned n) {
        return JsonObject.builder()
                .put("receiptId", body.receiptId())
                .put("amount", body.amount())
                .put("points", 0)
                .put("reason", n.reason().map(Enum::name).orElse("BELOW_ONE_STEP"))
                .build();
    }

    /** The problem answering an adjustment that was not made. */
    static ApiException refused(PointsAdjustments.Outcome outcome) {
        return switch (outcome) {
            case PointsAdjustments.Outcome.InsufficientBalance i -> new ApiException(ProblemType.UNPROCESSABLE,
                    "The deduction of " + i.requested() + " points is larger than the member's balance of "
                            + i.balance() + " points.",
                    List.of(new FieldError("points", "exceeds the balance of " + i.balance() + " points")), Map.of());
            case PointsAdjustments.Outcome.UnknownMember u -> ApiException.notFound("Member not found.");
            case PointsAdjustments.Outcome.StoreNotConfigured n -> AdminJson.storeNotConfigured();
            case PointsAdjustments.Outcome.KeyReused k -> ApiException.conflict(
                    "This Idempotency-Key was already used for a different adjustment.");
            case PointsAdjustments.Outcome.Done d -> throw new IllegalStateException("done is not refused");
        };
    }

    /** The problem answering a store spend that was not recorded. */
    static ApiException refused(StoreSpend.Outcome outcome) {
        return switch (outcome) {
            case StoreSpend.Outcome.UnknownMember u -> ApiException.notFound("Member not found.");
            case StoreSpend.Outcome.StoreNotConfigured s -> AdminJson.storeNotConfigured();
            case StoreSpend.Outcome.ReceiptReused r -> ApiException.conflict(
                    "This receipt was already recorded with another amount.");
            case StoreSpend.Outcome.Earned e -> throw new IllegalStateException("earned is not refused");
            case StoreSpend.Outcome.NothingEarned n -> throw new IllegalStateException("nothing earned is not refused");
        };
    }
}
