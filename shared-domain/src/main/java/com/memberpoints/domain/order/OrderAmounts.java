package com.memberpoints.domain.order;

import com.memberpoints.domain.earning.EarnFormulas;
import com.memberpoints.domain.model.Money;
import java.util.Objects;

/** The money of an order (latest version after edits), all in the merchant currency. */
public record OrderAmounts(
        Money itemSubtotal,
        Money discounts,
        Money storeCredits,
        long redeemedPoints,
        Money pointDiscount,
        Money deliveryFee,
        Money paymentFee) {

    public OrderAmounts {
        Objects.requireNonNull(itemSubtotal, "itemSubtotal");
        Objects.requireNonNull(discounts, "discounts");
        Objects.requireNonNull(storeCredits, "storeCredits");
        Objects.requireNonNull(pointDiscount, "pointDiscount");
        Objects.requireNonNull(deliveryFee, "deliveryFee");
        Objects.requireNonNull(paymentFee, "paymentFee");
        if (redeemedPoints < 0) {
            throw new IllegalArgumentException("redeemedPoints must not be negative");
        }
        for (Money m : new Money[] {discounts, storeCredits, pointDiscount, deliveryFee, paymentFee}) {
            if (!m.currency().equals(itemSubtotal.currency())) {
                throw new IllegalArgumentException("all order amounts must share one currency");
            }
            if (m.isNegative()) {
                throw new IllegalArgumentException("order amounts must not be negative");
            }
        }
        if (itemSubtotal.isNegative()) {
            throw new IllegalArgumentException("order amounts must not be negative");
        }
    }

    /** An order with only an item subtotal (no discounts, credits, points or fees). */
    public static OrderAmounts ofSubtotal(Money itemSubtotal) {
        Money zero = Money.zero(itemSubtotal.currency());
        return new OrderAmounts(itemSubtotal, zero, zero, 0, zero, zero, zero);
    }

    /** The earn base of points and reward credits (fees never count). */
    public Money earnBase() {
        return EarnFormulas.earnBase(itemSubtotal, discounts, storeCredits, pointDiscount);
    }

    /** subtotal − discounts − store credits − point discount + delivery fee + payment fee. */
    public Money total() {
        return itemSubtotal.minus(discounts).minus(storeCredits).minus(pointDiscount).plus(deliveryFee).plus(paymentFee);
    }
}
