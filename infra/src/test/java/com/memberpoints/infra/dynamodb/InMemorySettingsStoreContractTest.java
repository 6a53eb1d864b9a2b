package com.memberpoints.infra.dynamodb;

import com.memberpoints.domain.inmemory.InMemorySettingsStore;
import com.memberpoints.domain.settings.SettingsStore;

/** The in-memory store passes the same contract as the DynamoDB adapter. */
class InMemorySettingsStoreContractTest extends SettingsStoreContract {
    private final InMemorySettingsStore store = new InMemorySettingsStore();

    @Override
    SettingsStore store() {
        return store;
    }
}
