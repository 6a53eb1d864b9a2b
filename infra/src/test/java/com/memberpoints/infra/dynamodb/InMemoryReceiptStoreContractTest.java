package com.memberpoints.infra.dynamodb;

import com.memberpoints.domain.inmemory.InMemoryReceiptStore;
import com.memberpoints.domain.staff.ReceiptStore;

/** The in-memory store passes the same contract as the DynamoDB adapter. */
class InMemoryReceiptStoreContractTest extends ReceiptStoreContract {
    private final InMemoryReceiptStore store = new InMemoryReceiptStore();

    @Override
    ReceiptStore store() {
        return store;
    }
}
