package com.memberpoints.domain.order;

/** The order status as the commerce platform reports it (payment and delivery are tracked separately). */
public enum OrderStatus {
    OPEN,
    COMPLETED,
    CANCELLED
}
