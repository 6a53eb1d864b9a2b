package com.memberpoints.bench.startup;

import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.settings.SettingsStore;
import com.memberpoints.domain.settings.MerchantSettings;
import com.memberpoints.infra.dynamodb.DynamoDbMerchantStore;
import com.memberpoints.infra.dynamodb.DynamoDbSettingsStore;
import com.memberpoints.infra.testing.DynamoDbLocal;

import java.time.Instant;
import java.util.List;

/** Seeds the store profile and its first settings version through the DynamoDB store adapters. */
final class BenchStores {
    private BenchStores() {}

    static void save(DynamoDbLocal local, String table, Merchant merchant, MerchantSettings settings) {
        save(local.client(), table, merchant, settings);
    }

    static void save(software.amazon.awssdk.services.dynamodb.DynamoDbClient client, String table, Merchant merchant,
                     MerchantSettings settings) {
        new DynamoDbMerchantStore(client, table).save(merchant);
        SettingsStore.SaveResult r = new DynamoDbSettingsStore(client, table).save(merchant.id(),
                settings.withVersion(1), 0, new SettingsStore.ChangeLogEntry(Actor.SYSTEM, Instant.now(), List.of()));
        if (!(r instanceof SettingsStore.SaveResult.Saved)) {
            throw new IllegalStateException("seeding the settings failed: " + r);
        }
    }
}
