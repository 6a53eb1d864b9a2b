package com.memberpoints.infra.dynamodb;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.PageRequest;
import com.memberpoints.domain.staff.ReceiptStore;
import com.memberpoints.infra.testing.DynamoDbLocal;
import com.memberpoints.infra.testing.DynamoDbLocalExtension;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** The receipt store contract against DynamoDB Local, on the table created from {@link LedgerTable}. */
@ExtendWith(DynamoDbLocalExtension.class)
class DynamoDbReceiptStoreIT extends ReceiptStoreContract {
    private static DynamoDbReceiptStore store;

    @BeforeAll
    static void createTable(DynamoDbLocal local) {
        store = new DynamoDbReceiptStore(local.client(), local.createLedgerTable());
    }

    @Override
    ReceiptStore store() {
        return store;
    }

    @Test
    void failuresOfDynamoDbAreTypedExceptionsNeverSwallowed(DynamoDbLocal local) {
        DynamoDbReceiptStore missing = new DynamoDbReceiptStore(local.client(), "no-such-table");
        assertThatThrownBy(() -> missing.recordedBetween(MerchantId.of("m"), Instant.EPOCH, Instant.now(),
                PageRequest.first(1)))
                .isInstanceOf(ReceiptStore.ReceiptStoreException.class)
                .hasCauseInstanceOf(ResourceNotFoundException.class);
    }
}
