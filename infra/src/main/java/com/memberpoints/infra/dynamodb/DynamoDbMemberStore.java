package com.memberpoints.infra.dynamodb;

import static com.memberpoints.infra.dynamodb.LedgerTable.PK;

import com.memberpoints.domain.member.MemberProfile;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.member.MemberStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * {@link MemberStore} on the single table: one item per member ({@code U#<merchant>#<member>} / {@code PROFILE}).
 * The upsert is a PutItem conditioned on the stored {@code updatedAt} being strictly older (compared as an
 * exact decimal number of seconds in DynamoDB), so a late, older event is {@code STALE} without a read.
 * {@link #findAll} is BatchGetItem in chunks of 100 with unprocessed-keys retries.
 */
public final class DynamoDbMemberStore implements MemberStore {

    private final DynamoDbClient dynamo;
    private final String table;
    private final RetryPolicy retry;

    public DynamoDbMemberStore(DynamoDbClient dynamo, String tableName, RetryPolicy retry) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.table = Objects.requireNonNull(tableName, "tableName");
        this.retry = Objects.requireNonNull(retry, "retry");
    }

    public DynamoDbMemberStore(DynamoDbClient dynamo, String tableName) {
        this(dynamo, tableName, RetryPolicy.standard());
    }

    @Override
    public Optional<MemberProfile> find(MerchantId merchant, MemberId member) {
        return call("reading member " + member + " of " + merchant, () -> StoreCalls.item(dynamo.getItem(
                        GetItemRequest.builder().tableName(table).key(key(merchant, member)).consistentRead(true).build())
                .item()).map(i -> MemberItemMapper.member(merchant, member, i)));
    }

    @Override
    public Map<MemberId, MemberProfile> findAll(MerchantId merchant, Collection<MemberId> members) {
        List<MemberId> distinct = new ArrayList<>(new LinkedHashSet<>(members));
        if (distinct.isEmpty()) {
            return Map.of();
        }
        return call("reading " + distinct.size() + " members of " + merchant, () -> {
            Map<String, MemberId> byPk = new HashMap<>();
            List<Map<String, AttributeValue>> keys = new ArrayList<>();
            for (MemberId id : distinct) {
                byPk.put(MemberItemMapper.memberPk(merchant, id), id);
                keys.add(key(merchant, id));
            }
            Map<MemberId, MemberProfile> byId = new HashMap<>();
            for (Map<String, AttributeValue> item : StoreCalls.batchGet(dynamo, table, keys, retry)) {
                MemberId id = byPk.get(item.get(PK).s());
                byId.put(id, MemberItemMapper.member(merchant, id, item));
            }
            Map<MemberId, MemberProfile> ordered = new LinkedHashMap<>();
            distinct.stream().filter(byId::containsKey).forEach(id -> ordered.put(id, byId.get(id)));
            return ordered;
        });
    }

    @Override
    public UpsertResult upsert(MemberProfile profile) {
        Map<String, AttributeValue> item = new HashMap<>(MemberItemMapper.member(profile));
        item.putAll(key(profile.merchant(), profile.member()));
        return call("upserting member " + profile.member() + " of " + profile.merchant(), () -> {
            try {
                dynamo.putItem(PutItemRequest.builder().tableName(table).item(item)
                        .conditionExpression("attribute_not_exists(#pk) OR #u < :u")
                        .expressionAttributeNames(Map.of("#pk", PK, "#u", MemberItemMapper.UPDATED_NUM))
                        .expressionAttributeValues(Map.of(":u", item.get(MemberItemMapper.UPDATED_NUM)))
                        .build());
                return UpsertResult.STORED;
            } catch (ConditionalCheckFailedException e) {
                return UpsertResult.STALE;
            }
        });
    }

    private static Map<String, AttributeValue> key(MerchantId merchant, MemberId member) {
        return LedgerTable.itemKey(MemberItemMapper.memberPk(merchant, member), MemberItemMapper.MEMBER_SK);
    }

    private static <T> T call(String what, java.util.function.Supplier<T> body) {
        return StoreCalls.call(what, MemberStoreException::new, body);
    }
}
