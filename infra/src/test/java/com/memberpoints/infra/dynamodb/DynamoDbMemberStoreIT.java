package com.memberpoints.infra.dynamodb;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.memberpoints.domain.port.MemberStore;
import com.memberpoints.infra.testing.DynamoDbLocal;
import com.memberpoints.infra.testing.DynamoDbLocalExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** The member store contract against DynamoDB Local, on the table created from {@link LedgerTable}. */
@ExtendWith(DynamoDbLocalExtension.class)
class DynamoDbMemberStoreIT extends MemberStoreContract {
    private static DynamoDbMemberStore store;

    @BeforeAll
    static void createTable(DynamoDbLocal local) {
        store = new DynamoDbMemberStore(local.client(), local.createLedgerTable());
    }

    @Override
    MemberStore store() {
        return store;
    }

    @Test
    void failuresOfDynamoDbAreTypedExceptionsNeverSwallowed(DynamoDbLocal local) {
        DynamoDbMemberStore missing = new DynamoDbMemberStore(local.client(), "no-such-table");
        assertThatThrownBy(() -> missing.findAll(shop, java.util.List.of(ann)))
                .isInstanceOf(MemberStore.MemberStoreException.class)
                .hasCauseInstanceOf(ResourceNotFoundException.class);
    }
}
