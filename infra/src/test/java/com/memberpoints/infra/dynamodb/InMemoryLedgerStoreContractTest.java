package com.memberpoints.infra.dynamodb;

import com.memberpoints.domain.inmemory.InMemoryLedgerStore;
import com.memberpoints.domain.ledger.LedgerStore;

/** The reference store passes the same contract as the DynamoDB adapter. */
class InMemoryLedgerStoreContractTest extends LedgerStoreContract {
    private final InMemoryLedgerStore store = new InMemoryLedgerStore();

    @Override
    LedgerStore store() {
        return store;
    }
}
