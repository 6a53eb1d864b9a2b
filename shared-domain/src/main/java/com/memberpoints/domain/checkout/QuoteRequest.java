package com.memberpoints.domain.checkout;

import com.memberpoints.domain.earning.EarnFacts;
import com.memberpoints.domain.model.Money;
import com.memberpoints.domain.settings.TierId;
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
}
