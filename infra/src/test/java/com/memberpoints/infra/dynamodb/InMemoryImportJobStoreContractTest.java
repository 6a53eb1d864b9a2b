package com.memberpoints.infra.dynamodb;

import com.memberpoints.domain.inmemory.InMemoryImportJobStore;
import com.memberpoints.domain.migration.ImportJobStore;

/** The import job store contract on the in-memory store the domain tests use. */
class InMemoryImportJobStoreContractTest extends ImportJobStoreContract {
    private final InMemoryImportJobStore store = new InMemoryImportJobStore();

    @Override
    ImportJobStore store() {
        return store;
    }
}
