package com.memberpoints.infra.dynamodb;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.memberpoints.domain.settings.SettingsStore;
import com.memberpoints.infra.testing.DynamoDbLocal;
import com.memberpoints.infra.testing.DynamoDbLocalExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** The settings store contract against DynamoDB Local, on the table created from {@link LedgerTable}. */
@ExtendWith(DynamoDbLocalExtension.class)
class DynamoDbSettingsStoreIT extends SettingsStoreContract {
    private static DynamoDbSettingsStore store;

    @BeforeAll
    static void createTable(DynamoDbLocal local) {
        store = new DynamoDbSettingsStore(local.client(), local.createLedgerTable());
    }

    @Override
    SettingsStore store() {
        return store;
    }

    @Test
    void failuresOfDynamoDbAreTypedExceptionsNeverSwallowed(DynamoDbLocal local) {
        DynamoDbSettingsStore missing = new DynamoDbSettingsStore(local.client(), "no-such-table");
        assertThatThrownBy(() -> missing.current(shop))
                .isInstanceOf(SettingsStore.SettingsStoreException.class)
                .hasCauseInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void settingsTooLargeForOneItemAreRefusedWithATypedExceptionAndNothingIsWritten() {
        java.util.Map<String, String> text = new java.util.TreeMap<>();
        for (int i = 0; i < 26; i++) {
            text.put("x-" + (char) ('a' + i), "點".repeat(com.memberpoints.domain.settings.SettingsValidator.MAX_RULES_TEXT_LENGTH));
        }
        var d = com.memberpoints.domain.settings.MerchantSettings.defaults();
        var huge = com.memberpoints.domain.settings.MerchantSettings.of(1, d.points(), d.redeem(), d.tiers(), d.credits(), text);
        assertThatThrownBy(() -> store.save(shop, huge, 0, change(amy, T0, "rulesText", null, "...")))
                .isInstanceOf(SettingsStore.SettingsStoreException.class).hasMessageContaining("too large");
        org.assertj.core.api.Assertions.assertThat(store.current(shop)).isEmpty();
    }
}
