package com.memberpoints.infra.dynamodb;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.memberpoints.domain.merchant.MerchantStore;
import com.memberpoints.infra.testing.DynamoDbLocal;
import com.memberpoints.infra.testing.DynamoDbLocalExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** The merchant store contract against DynamoDB Local, on the table created from {@link LedgerTable}. */
@ExtendWith(DynamoDbLocalExtension.class)
class DynamoDbMerchantStoreIT extends MerchantStoreContract {
    private static DynamoDbMerchantStore store;

    @BeforeAll
    static void createTable(DynamoDbLocal local) {
        store = new DynamoDbMerchantStore(local.client(), local.createLedgerTable());
    }

    @Override
    MerchantStore store() {
        return store;
    }

    @Test
    void failuresOfDynamoDbAreTypedExceptionsNeverSwallowed(DynamoDbLocal local) {
        DynamoDbMerchantStore missing = new DynamoDbMerchantStore(local.client(), "no-such-table");
        assertThatThrownBy(() -> missing.all())
                .isInstanceOf(MerchantStore.MerchantStoreException.class)
                .hasCauseInstanceOf(ResourceNotFoundException.class);
    }
}
