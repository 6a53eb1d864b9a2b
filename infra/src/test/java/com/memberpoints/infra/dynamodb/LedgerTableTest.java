package com.memberpoints.infra.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;

class LedgerTableTest {
    private final CreateTableRequest request = LedgerTable.createTableRequest("t");

    @Test
    void everyKeyAttributeIsDefinedAndEveryDefinitionIsAKey() {
        Set<String> keys = new HashSet<>();
        Stream.concat(Stream.concat(request.keySchema().stream(),
                                request.localSecondaryIndexes().stream().flatMap(i -> i.keySchema().stream())),
                        request.globalSecondaryIndexes().stream().flatMap(i -> i.keySchema().stream()))
                .map(KeySchemaElement::attributeName).forEach(keys::add);
        assertThat(request.attributeDefinitions()).extracting(AttributeDefinition::attributeName)
                .containsExactlyInAnyOrderElementsOf(keys);
    }

    @Test
    void indexesAreTheOnesTheAdapterQueries() {
        assertThat(request.localSecondaryIndexes()).singleElement().satisfies(i -> {
            assertThat(i.indexName()).isEqualTo(LedgerTable.HISTORY_INDEX);
            assertThat(i.projection().projectionType()).isEqualTo(ProjectionType.ALL);
        });
        assertThat(request.globalSecondaryIndexes()).extracting(i -> i.indexName())
                .containsExactlyInAnyOrder(LedgerTable.EXPIRY_INDEX, LedgerTable.HOLDS_INDEX,
                        LedgerTable.DUE_INDEX, LedgerTable.PLACED_INDEX, LedgerTable.PENDING_INDEX);
        assertThat(request.globalSecondaryIndexes()).allSatisfy(i ->
                assertThat(i.projection().projectionType()).isEqualTo(ProjectionType.KEYS_ONLY));
        assertThat(request.billingModeAsString()).isEqualTo("PAY_PER_REQUEST");
    }

    @Test
    void thePendingIndexIsKeyedByMerchantAndMemberThenExpectedDate() {
        assertThat(request.globalSecondaryIndexes()).filteredOn(i -> i.indexName().equals(LedgerTable.PENDING_INDEX))
                .singleElement().satisfies(i -> assertThat(i.keySchema()).extracting(KeySchemaElement::attributeName,
                        k -> k.keyTypeAsString())
                        .containsExactly(org.assertj.core.groups.Tuple.tuple(LedgerTable.PENDING_PK, "HASH"),
                                org.assertj.core.groups.Tuple.tuple(LedgerTable.PENDING_SK, "RANGE")));
    }
}
