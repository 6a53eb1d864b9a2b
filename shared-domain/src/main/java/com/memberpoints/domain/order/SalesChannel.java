package com.memberpoints.domain.order;

/** Where an order was placed. Online always earns; POS earns while the retail channel is on. */
public enum SalesChannel {
    ONLINE,
    POS
}
