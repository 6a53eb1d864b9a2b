package com.memberpoints.infra.dynamodb;

import com.memberpoints.domain.inmemory.InMemoryMerchantStore;
import com.memberpoints.domain.merchant.MerchantStore;

/** The in-memory store passes the same contract as the DynamoDB adapter. */
class InMemoryMerchantStoreContractTest extends MerchantStoreContract {
    private final InMemoryMerchantStore store = new InMemoryMerchantStore();

    @Override
    MerchantStore store() {
        return store;
    }
}
