package com.memberpoints.domain.checkout;

import com.memberpoints.domain.earning.EarnFacts;
import com.memberpoints.domain.model.Money;
import com.memberpoints.domain.model.TierId;
import java.util.Objects;
import java.util.Optional;

/**
 * A cart to quote. Amounts are in the merchant currency.
 *
 * @param itemSubtotal          sum of unit price × quantity
 * @param excludedItemsSubtotal the part of {@code itemSubtotal} from items excluded from order-level
 *                              discounts (also excluded from the point discount)
 * @param discounts             order discounts applied (free shipping not included); they apply to eligible
 *                              items only
 * @param storeCredits          store credits applied
 * @param pointsBalance         the member's current available points (read from the ledger by the caller)
 * @param memberTier            the member's tier, if any
 */
public record QuoteRequest(
        Money itemSubtotal,
        Money excludedItemsSubtotal,
        Money discounts,
        Money storeCredits,
        Money deliveryFee,
        Money paymentFee,
        long pointsBalance,
        PointsRequest pointsRequest,
        EarnFacts facts,
        Optional<TierId> memberTier) {

    public QuoteRequest {
        Objects.requireNonNull(itemSubtotal, "itemSubtotal");
        Objects.requireNonNull(excludedItemsSubtotal, "excludedItemsSubtotal");
        Objects.requireNonNull(discounts, "discounts");
        Objects.requireNonNull(storeCredits, "storeCredits");
        Objects.requireNonNull(deliveryFee, "deliveryFee");
        Objects.requireNonNull(paymentFee, "paymentFee");
        Objects.requireNonNull(pointsRequest, "pointsRequest");
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(memberTier, "memberTier");
    }

    /** A builder starting from a logged-in online member's cart of {@code itemSubtotal}, nothing else. */
    public static Builder builder(Money itemSubtotal) {
        return new Builder(itemSubtotal);
    }

    /** Fills the optional parts of a request; everything not set is zero, the maximum of points, no tier. */
    public static final class Builder {
        private final Money itemSubtotal;
        private Money excluded;
        private Money discounts;
        private Money storeCredits;
        private Money deliveryFee;
        private Money paymentFee;
        private long balance;
        private PointsRequest pointsRequest = PointsRequest.MAXIMUM;
        private EarnFacts facts = EarnFacts.onlineMember();
        private Optional<TierId> tier = Optional.empty();

        private Builder(Money itemSubtotal) {
            this.itemSubtotal = Objects.requireNonNull(itemSubtotal, "itemSubtotal");
            Money zero = Money.zero(itemSubtotal.currency());
            excluded = zero;
            discounts = zero;
            storeCredits = zero;
            deliveryFee = zero;
            paymentFee = zero;
        }

        public Builder excluded(Money v) { excluded = v; return this; }
        public Builder discounts(Money v) { discounts = v; return this; }
        public Builder storeCredits(Money v) { storeCredits = v; return this; }
        public Builder deliveryFee(Money v) { deliveryFee = v; return this; }
        public Builder paymentFee(Money v) { paymentFee = v; return this; }
        public Builder balance(long v) { balance = v; return this; }
        public Builder requestPoints(long v) { pointsRequest = PointsRequest.exactly(v); return this; }
        public Builder pointsRequest(PointsRequest v) { pointsRequest = v; return this; }
        public Builder facts(EarnFacts v) { facts = v; return this; }
        public Builder tier(TierId v) { tier = Optional.of(v); return this; }

        public QuoteRequest build() {
            return new QuoteRequest(itemSubtotal, excluded, discounts, storeCredits, deliveryFee, paymentFee, balance,
                    pointsRequest, facts, tier);
        }
    }
}
