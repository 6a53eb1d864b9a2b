package com.memberpoints.infra.dynamodb;

import com.memberpoints.domain.inmemory.InMemoryBulkJobStore;
import com.memberpoints.domain.bulk.BulkJobStore;

/** The bulk job store contract on the in-memory store the tests and local stack use. */
class InMemoryBulkJobStoreContractTest extends BulkJobStoreContract {
    private final InMemoryBulkJobStore store = new InMemoryBulkJobStore();

    @Override
    BulkJobStore store() {
        return store;
    }
}
