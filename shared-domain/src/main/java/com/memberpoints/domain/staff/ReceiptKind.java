package com.memberpoints.domain.staff;

import com.memberpoints.domain.model.OrderId;

/** What staff recorded at the till: retail spend that earned points, or points applied to an in-store sale. */
public enum ReceiptKind {
    /** Retail spend entered by staff ({@link StoreSpend}): the member earned points. */
    STORE_SPEND("retail-"),
    /** Points applied to an in-store sale ({@link PosRedemptions}): the member spent points. */
    POS_REDEMPTION("pos-");

    private final String orderPrefix;

    ReceiptKind(String orderPrefix) {
        this.orderPrefix = orderPrefix;
    }

    /** The order id the receipt's ledger entries are recorded under ({@code retail-<receiptId>}, {@code pos-<receiptId>}). */
    public OrderId orderIdOf(String receiptId) {
        return OrderId.of(orderPrefix + receiptId);
    }
}
