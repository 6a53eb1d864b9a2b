package com.memberpoints.domain.checkout;

import com.memberpoints.domain.model.Money;
import com.memberpoints.domain.model.SalesChannel;
import java.util.List;
import java.util.Objects;

/**
 * A storefront cart as the member's browser sends it for a quote or a redemption. Amounts are in the
 * merchant currency; totals are always recomputed from this, never taken from the client.
 *
 * @param items        the lines (line amount = unit price × quantity, after item-level discounts)
 * @param discounts    order-level discounts (they apply to items not excluded from order discounts)
 * @param storeCredits store credits the member applies (debited from the member's credits wallet)
 */
public record Cart(List<Item> items, Money discounts, Money storeCredits, Money deliveryFee, Money paymentFee,
                   SalesChannel channel) {

    /** Most lines a cart may carry (the HTTP layer refuses more, naming {@code items}). */
    public static final int MAX_ITEMS = 500;

    public Cart {
        items = List.copyOf(Objects.requireNonNull(items, "items"));
        Objects.requireNonNull(discounts, "discounts");
        Objects.requireNonNull(storeCredits, "storeCredits");
        Objects.requireNonNull(deliveryFee, "deliveryFee");
        Objects.requireNonNull(paymentFee, "paymentFee");
        Objects.requireNonNull(channel, "channel");
    }

    /** One cart line; {@code excludedFromOrderDiscounts} lines are also excluded from the point discount. */
    public record Item(Money amount, boolean excludedFromOrderDiscounts) {
        public Item {
            Objects.requireNonNull(amount, "amount");
        }
    }

    public Money itemSubtotal() {
        Money sum = Money.zero(discounts.currency());
        for (Item i : items) {
            sum = sum.plus(i.amount());
        }
        return sum;
    }

    public Money excludedItemsSubtotal() {
        Money sum = Money.zero(discounts.currency());
        for (Item i : items) {
            if (i.excludedFromOrderDiscounts()) {
                sum = sum.plus(i.amount());
            }
        }
        return sum;
    }
}
