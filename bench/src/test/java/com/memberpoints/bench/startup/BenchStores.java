package com.memberpoints.bench.startup;

import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.settings.MerchantSettings;
import com.memberpoints.infra.testing.DynamoDbLocal;

/** Seeds the store profile and settings through the DynamoDB store adapters. */
final class BenchStores {
    private BenchStores() {}

    static void save(DynamoDbLocal local, String table, Merchant merchant, MerchantSettings settings) {
        throw new UnsupportedOperationException("needs the DynamoDB merchant and settings stores (branch stores)");
    }
}
