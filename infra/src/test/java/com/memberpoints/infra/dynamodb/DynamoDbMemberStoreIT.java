package com.memberpoints.infra.dynamodb;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.memberpoints.domain.member.MemberStore;
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
    private static String tableName;

    @BeforeAll
    static void createTable(DynamoDbLocal local) {
        tableName = local.createLedgerTable();
        store = new DynamoDbMemberStore(local.client(), tableName);
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

    @Test
    void unprocessedKeysAreRetriedUntilEveryProfileIsRead(DynamoDbLocal local) {
        java.util.List<com.memberpoints.domain.model.MemberId> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 150; i++) {
            var id = com.memberpoints.domain.model.MemberId.of("t-" + i);
            ids.add(id);
            store.upsert(profile(id, T0, "t" + i + "@example.com"));
        }
        ThrottlingDynamoDb throttled = new ThrottlingDynamoDb(local.client(), 4);
        var retrying = new DynamoDbMemberStore(throttled, tableName,
                new RetryPolicy(10, java.time.Duration.ZERO, java.time.Duration.ZERO));
        org.assertj.core.api.Assertions.assertThat(retrying.findAll(shop, ids)).hasSize(150)
                .containsEntry(ids.get(149), profile(ids.get(149), T0, "t149@example.com"));
        org.assertj.core.api.Assertions.assertThat(throttled.calls.get()).isGreaterThan(4);
    }

    @Test
    void keysStillUnprocessedAfterTheLastAttemptAreAFailureNotAPartialAnswer(DynamoDbLocal local) {
        store.upsert(profile(ann, T0, "ann@example.com"));
        store.upsert(profile(com.memberpoints.domain.model.MemberId.of("bo"), T0, null));
        var alwaysThrottled = new DynamoDbMemberStore(new ThrottlingDynamoDb(local.client(), -1), tableName,
                new RetryPolicy(3, java.time.Duration.ZERO, java.time.Duration.ZERO));
        assertThatThrownBy(() -> alwaysThrottled.findAll(shop,
                java.util.List.of(ann, com.memberpoints.domain.model.MemberId.of("bo"))))
                .isInstanceOf(MemberStore.MemberStoreException.class).hasMessageContaining("unprocessed");
    }
}
