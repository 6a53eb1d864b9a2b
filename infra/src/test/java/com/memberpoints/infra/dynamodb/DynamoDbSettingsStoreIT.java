package com.memberpoints.infra.dynamodb;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.memberpoints.domain.port.SettingsStore;
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
}
