package com.memberpoints.domain.order;

import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.OrderId;

/**
 * An event arrived for an order (or merchant) the service does not know yet, typically before its
 * {@code OrderPlaced}. Retryable: the handler fails the invocation so that EventBridge delivers it again
 * later, by which time the placement has usually arrived.
 */
public final class OrderNotKnownException extends RuntimeException {
    public OrderNotKnownException(MerchantId merchant, OrderId order) {
        super("order " + order.value() + " of merchant " + merchant.value() + " is not known (not placed yet?)");
    }
}
