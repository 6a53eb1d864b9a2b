package com.memberpoints.infra.dynamodb;

import com.memberpoints.domain.inmemory.InMemoryOrderStore;
import com.memberpoints.domain.order.OrderStore;

/** The in-memory store passes the same contract as the DynamoDB adapter. */
class InMemoryOrderStoreContractTest extends OrderStoreContract {
    private final InMemoryOrderStore store = new InMemoryOrderStore();

    @Override
    OrderStore store() {
        return store;
    }
}
