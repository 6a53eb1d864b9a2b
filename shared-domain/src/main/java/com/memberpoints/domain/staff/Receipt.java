package com.memberpoints.domain.staff;

import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.Money;
import com.memberpoints.domain.model.OrderId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An in-store receipt as the orders report lists it: the ledger is the truth (the receipt's entries are under
 * {@link #orderId()}); this record is its listing copy, written after the ledger change.
 *
 * @param at            when the ledger change was made (the first entry's time: a retry finds the same record)
 * @param saleAmount    the sale (POS redemption) or the spend that earned (store spend), in the store currency
 * @param pointsEarned  points the store spend earned (0 for a POS redemption)
 * @param pointsRedeemed points applied to the sale (0 for a store spend)
 * @param pointDiscount the cash value of {@code pointsRedeemed} (zero for a store spend)
 * @param cancelledAt   when a POS redemption's receipt was cancelled and its points given back
 */
public record Receipt(MerchantId merchant, ReceiptKind kind, String receiptId, MemberId member, Instant at,
                      Money saleAmount, long pointsEarned, long pointsRedeemed, Money pointDiscount, Actor actor,
                      Optional<Instant> cancelledAt) {

    /** Receipt ids: the idempotency-key alphabet, 1-100 characters. */
    public static final Pattern RECEIPT_ID = Pattern.compile("[A-Za-z0-9._:@+\\-]{1,100}");

    public Receipt {
        Objects.requireNonNull(merchant, "merchant");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(saleAmount, "saleAmount");
        Objects.requireNonNull(pointDiscount, "pointDiscount");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(cancelledAt, "cancelledAt");
        if (receiptId == null || !RECEIPT_ID.matcher(receiptId).matches()) {
            throw new IllegalArgumentException("receipt id must be 1-100 characters of [A-Za-z0-9._:@+-]");
        }
        if (pointsEarned < 0 || pointsRedeemed < 0) {
            throw new IllegalArgumentException("points must not be negative");
        }
    }

    public OrderId orderId() {
        return kind.orderIdOf(receiptId);
    }

    public boolean cancelled() {
        return cancelledAt.isPresent();
    }

    public Receipt cancel(Instant when) {
        return new Receipt(merchant, kind, receiptId, member, at, saleAmount, pointsEarned, pointsRedeemed,
                pointDiscount, actor, Optional.of(when));
    }
}
