package com.memberpoints.infra.dynamodb;

import static com.memberpoints.infra.dynamodb.Attrs.s;
import static com.memberpoints.infra.dynamodb.LedgerTable.PK;
import static com.memberpoints.infra.dynamodb.LedgerTable.SK;

import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.merchant.MerchantStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * {@link MerchantStore} on the single table: every merchant is one item in the {@code MERCHANTS} partition,
 * sort key = merchant id, so {@link #all()} is a Query (never a Scan), ordered by id. A deployment serves one
 * or a few merchants, so the partition stays tiny.
 */
public final class DynamoDbMerchantStore implements MerchantStore {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbMerchantStore(DynamoDbClient dynamo, String tableName) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.table = Objects.requireNonNull(tableName, "tableName");
    }

    @Override
    public Optional<Merchant> find(MerchantId merchant) {
        return call("reading merchant " + merchant, () -> StoreCalls.item(dynamo.getItem(GetItemRequest.builder()
                        .tableName(table).key(LedgerTable.itemKey(MerchantItemMapper.MERCHANTS_PK, merchant.value()))
                        .consistentRead(true).build()).item())
                .map(i -> MerchantItemMapper.merchant(merchant, i)));
    }

    @Override
    public void save(Merchant merchant) {
        Map<String, AttributeValue> item = new HashMap<>(MerchantItemMapper.merchant(merchant));
        item.putAll(LedgerTable.itemKey(MerchantItemMapper.MERCHANTS_PK, merchant.id().value()));
        call("saving merchant " + merchant.id(), () -> dynamo.putItem(PutItemRequest.builder()
                .tableName(table).item(item).build()));
    }

    @Override
    public List<MerchantId> all() {
        return call("listing merchants", () -> {
            List<MerchantId> ids = new ArrayList<>();
            Map<String, AttributeValue> start = null;
            do {
                QueryRequest.Builder q = QueryRequest.builder().tableName(table).consistentRead(true)
                        .keyConditionExpression("#pk = :pk")
                        .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK))
                        .expressionAttributeValues(Map.of(":pk", s(MerchantItemMapper.MERCHANTS_PK)))
                        .projectionExpression("#sk");
                if (start != null) {
                    q.exclusiveStartKey(start);
                }
                QueryResponse r = dynamo.query(q.build());
                r.items().forEach(i -> ids.add(MerchantId.of(i.get(SK).s())));
                start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
            } while (start != null);
            return ids;
        });
    }

    private static <T> T call(String what, java.util.function.Supplier<T> body) {
        return StoreCalls.call(what, MerchantStoreException::new, body);
    }
}
