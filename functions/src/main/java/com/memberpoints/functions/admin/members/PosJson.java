package com.memberpoints.functions.admin.members;

import com.memberpoints.domain.checkout.PointsRequest;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.FieldError;
import com.memberpoints.domain.model.Money;
import com.memberpoints.domain.staff.PosRedemptions;
import com.memberpoints.domain.staff.ReceiptKind;
import com.memberpoints.functions.admin.AdminJson;
import com.memberpoints.functions.platform.http.ApiException;
import com.memberpoints.functions.platform.http.IdempotencyKeys;
import com.memberpoints.functions.platform.http.ProblemType;
import com.memberpoints.functions.platform.json.FieldReader;
import com.memberpoints.functions.platform.json.JsonObject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The POS redemption routes' bodies and answers (issue 11 item 4). */
final class PosJson {
    private PosJson() {}

    private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000");
    static final long MAX_POINTS = 1_000_000_000L;

    /** {@code {"receiptId", "saleAmount", "points": <integer> | "maximum"}}. */
    static PosRedemptions.Request request(FieldReader r, Merchant merchant) {
        String receipt = r.parsed("receiptId", 100, IdempotencyKeys::check, IdempotencyKeys.RULE).orElse(null);
        if (receipt == null && !r.memberNames().contains("receiptId")) {
            r.reject("receiptId", "is required");
        }
        Money sale = r.money("saleAmount", merchant.currency(), MAX_AMOUNT);
        if (sale != null && !sale.isPositive()) {
            r.reject("saleAmount", "must be greater than 0");
        }
        Optional<Long> entered = r.integerOrWord("points", "maximum", 0, MAX_POINTS);
        PointsRequest points = entered.isPresent() ? PointsRequest.exactly(entered.get()) : PointsRequest.MAXIMUM;
        return receipt == null || sale == null || !sale.isPositive() ? null
                : new PosRedemptions.Request(receipt, sale, points);
    }

    static JsonObject redeemed(PosRedemptions.Outcome.Redeemed r, Merchant merchant) {
        Money discount = r.receipt().pointDiscount();
        return JsonObject.builder()
                .put("receiptId", r.receipt().receiptId())
                .put("orderId", r.receipt().orderId().value())
                .put("saleAmount", r.receipt().saleAmount())
                .put("points", -r.entry().delta())
                .put("pointDiscount", discount)
                .put("amountDue", r.receipt().saleAmount().minus(discount))
                .put("pointsBalanceAfter", r.entry().balanceAfter())
                .put("repeat", r.repeated())
                .put("entry", AdminJson.entry(r.entry(), merchant))
                .build();
    }

    static JsonObject cancelled(String receiptId, PosRedemptions.CancelOutcome.Cancelled c, Merchant merchant) {
        return JsonObject.builder()
                .put("receiptId", receiptId)
                .put("orderId", ReceiptKind.POS_REDEMPTION.orderIdOf(receiptId).value())
                .put("pointsReturned", c.points())
                .put("pointsBalanceAfter", c.entry().balanceAfter())
                .put("repeat", c.repeated())
                .put("entry", AdminJson.entry(c.entry(), merchant))
                .build();
    }

    /** The problem answering a redemption that was not made. */
    static ApiException refused(PosRedemptions.Outcome outcome) {
        return switch (outcome) {
            case PosRedemptions.Outcome.Unavailable u -> new ApiException(ProblemType.UNPROCESSABLE,
                    "Points cannot be redeemed: " + switch (u.reason()) {
                        case PROGRAM_DISABLED -> "the points program is switched off.";
                        case REDEEM_DISABLED -> "redeeming points is switched off in the settings.";
                        default -> "redemption is not available.";
                    }, List.of(new FieldError("points", "cannot be redeemed now")), Map.of());
            case PosRedemptions.Outcome.Refused r -> points(r.refusal());
            case PosRedemptions.Outcome.ReceiptReused r -> ApiException.conflict(
                    "This receipt was already redeemed with another sale amount, number of points or staff member.");
            case PosRedemptions.Outcome.ReceiptCancelled c -> ApiException.conflict(
                    "This receipt's redemption was cancelled and its points given back; use a new receipt id.");
            case PosRedemptions.Outcome.UnknownMember u -> ApiException.notFound("Member not found.");
            case PosRedemptions.Outcome.StoreNotConfigured s -> AdminJson.storeNotConfigured();
            case PosRedemptions.Outcome.Redeemed r -> throw new IllegalStateException("redeemed is not refused");
        };
    }

    private static ApiException points(PosRedemptions.Allowance refusal) {
        String field = switch (refusal) {
            case PosRedemptions.Allowance.BelowUnit b -> b.message();
            case PosRedemptions.Allowance.AboveSale a -> a.message();
            case PosRedemptions.Allowance.Insufficient i -> "exceeds the balance of " + i.available() + " points";
            case PosRedemptions.Allowance.Apply a -> throw new IllegalStateException("apply is not refused");
        };
        String detail = refusal instanceof PosRedemptions.Allowance.Insufficient i
                ? "The redemption of " + i.requested() + " points is larger than the member's balance of "
                        + i.available() + " points."
                : field + ".";
        return new ApiException(ProblemType.UNPROCESSABLE, detail, List.of(new FieldError("points", field)), Map.of());
    }

    /** The problem answering a cancellation that found nothing to give back. */
    static ApiException notCancelled(PosRedemptions.CancelOutcome outcome) {
        return switch (outcome) {
            case PosRedemptions.CancelOutcome.NotRedeemed n -> ApiException.notFound(
                    "No points were redeemed on this receipt for this member.");
            case PosRedemptions.CancelOutcome.StoreNotConfigured s -> AdminJson.storeNotConfigured();
            case PosRedemptions.CancelOutcome.Cancelled c -> throw new IllegalStateException("cancelled is not refused");
        };
    }
}
