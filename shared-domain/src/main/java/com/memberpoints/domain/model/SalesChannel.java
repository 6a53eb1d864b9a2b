package com.memberpoints.domain.model;

/** Where an order was placed. Online always earns; POS earns while the retail channel is on. */
public enum SalesChannel {
    ONLINE,
    POS
}
