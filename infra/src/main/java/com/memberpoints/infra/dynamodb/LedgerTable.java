package com.memberpoints.infra.dynamodb;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The single source of truth for the ledger table: keys, attribute definitions and indexes. Tests
 * create the table from {@link #createTableRequest}; the template test compares template.yaml with
 * the same constants.
 *
 * <pre>
 * item          pk                       sk                         other keys
 * balance       L#&lt;merchant&gt;#&lt;member&gt;  B#&lt;WALLET&gt;                 xpk/xsk (expiry GSI, only with expiring lots; xpk X#&lt;merchant&gt;#&lt;shard 00..15&gt;)
 * journal       L#&lt;merchant&gt;#&lt;member&gt;  J#&lt;operationId&gt;           lsk (history LSI)
 * hold          L#&lt;merchant&gt;#&lt;member&gt;  H#&lt;WALLET&gt;#&lt;order&gt;        hpk/hsk (holds GSI; hpk H#&lt;merchant&gt;#&lt;shard 00..15&gt;)
 * merchant      MERCHANTS                &lt;merchant&gt;
 * settings      S#&lt;merchant&gt;              CURRENT (copy of the current version)
 * settings ver  S#&lt;merchant&gt;              V#&lt;version, 12 digits&gt;
 * activity log  S#&lt;merchant&gt;              A#&lt;version, 12 digits&gt;
 * member        U#&lt;merchant&gt;#&lt;member&gt;  PROFILE
 * order         O#&lt;merchant&gt;#&lt;order&gt;   ORDER                      dpk/dsk (due GSI, only while owed), ppk/psk (placed GSI): D#/P#&lt;merchant&gt;#&lt;shard 00..15&gt;,
 *                                                                    mpk/msk (pending GSI, only while it will still earn points)
 * delivery      N#&lt;merchant&gt;#&lt;yyyy-MM&gt;#&lt;shard 00..15&gt; D#&lt;member&gt;#&lt;WALLET&gt;#&lt;CHANNEL&gt;#&lt;operationId&gt;   (notification record)
 * sms usage     N#&lt;merchant&gt;#SMS#&lt;shard 00..15&gt; M#&lt;yyyy-MM&gt;                (SMS parts and messages, ADDed)
 * liability     LB#&lt;merchant&gt;#&lt;shard 00..31&gt;  T#&lt;WALLET&gt; / E#&lt;WALLET&gt;#&lt;expiry s&gt;  (counters, ADDed)
 * counted mark  Q#&lt;merchant&gt;#&lt;member&gt;  &lt;WALLET&gt;#&lt;operationId&gt;#&lt;part&gt;   (journal entry added to the counters)
 * bulk job      BJ#&lt;merchant&gt;#&lt;job&gt;     JOB / C#&lt;chunk, 5 digits&gt;  (job summary and its chunks)
 * import job    IJ#&lt;merchant&gt;#&lt;job&gt;     JOB / P#&lt;part, 3 digits&gt; / C#&lt;chunk, 5 digits&gt;  (balance import: job, file parts, chunks)
 * receipt       RC#&lt;merchant&gt;             &lt;epoch ms, 15 digits&gt;#&lt;KIND&gt;#&lt;receiptId&gt;  (in-store receipt, listing copy)
 * </pre>
 *
 * Each store's key formats sit beside its item mapping: {@link LedgerItemMapper}, {@link MerchantItemMapper},
 * {@link SettingsItemMapper}, {@link MemberItemMapper}, {@link OrderItemMapper}; the delivery, liability, bulk-job and
 * import-job and receipt ({@link DynamoDbReceiptStore}) stores keep theirs in the store class. Key strings live only in this package.
 * Delivery and SMS-usage items are written by {@link DynamoDbDeliveryStore}, liability counters and their
 * markers by {@link DynamoDbLiabilityCounters} (from the stream); none carries index keys.
 * The table's stream (NEW_IMAGE) feeds the notification dispatcher with inserted journal items.
 */
public final class LedgerTable {
    private LedgerTable() {}

    public static final String PK = "pk";
    public static final String SK = "sk";

    /** History LSI: journal items by {@code <WALLET>#<sequence, 12 digits>}. Projection ALL. */
    public static final String HISTORY_INDEX = "history";
    public static final String HISTORY_SK = "lsk";

    /**
     * Expiry GSI (sparse, KEYS_ONLY): balance items by {@code X#<merchant>#<shard>} / {@code <soonest expiry>#<member>#<WALLET>}.
     * The four merchant-wide GSI keys are write-sharded over {@link Shards#INDEX_SHARDS} values (items written
     * before: unsharded); readers scatter-gather ({@link ScatterGather}).
     */
    public static final String EXPIRY_INDEX = "expiry";
    public static final String EXPIRY_PK = "xpk";
    public static final String EXPIRY_SK = "xsk";

    /** Holds GSI (sparse, KEYS_ONLY): unconfirmed redemption holds by {@code H#<merchant>#<shard>} / {@code <heldAt ms>#...}. */
    public static final String HOLDS_INDEX = "holds";
    public static final String HOLDS_PK = "hpk";
    public static final String HOLDS_SK = "hsk";

    /** Due GSI (sparse, KEYS_ONLY): orders owed an assignment by {@code D#<merchant>#<shard>} / {@code <due ms, 15 digits>#<order>}. */
    public static final String DUE_INDEX = "due";
    public static final String DUE_PK = "dpk";
    public static final String DUE_SK = "dsk";

    /** Placed GSI (KEYS_ONLY): orders by {@code P#<merchant>#<shard>} / {@code <placed ms, 15 digits>#<order>}. */
    public static final String PLACED_INDEX = "placed";
    public static final String PLACED_PK = "ppk";
    public static final String PLACED_SK = "psk";

    /**
     * Pending GSI (sparse, KEYS_ONLY): a member's orders that will still earn points, by
     * {@code M#<merchant>#<member>} / {@code <due ms, 15 digits>#<order>} when scheduled, else
     * {@code U<placed ms, 15 digits>#<order>} (undated, after the dated ones). Removed once assigned or cancelled.
     */
    public static final String PENDING_INDEX = "pending";
    public static final String PENDING_PK = "mpk";
    public static final String PENDING_SK = "msk";

    public static List<KeySchemaElement> keySchema() {
        return List.of(key(PK, KeyType.HASH), key(SK, KeyType.RANGE));
    }

    public static List<AttributeDefinition> attributeDefinitions() {
        return List.of(
                string(PK), string(SK), string(HISTORY_SK),
                string(EXPIRY_PK), string(EXPIRY_SK),
                string(HOLDS_PK), string(HOLDS_SK),
                string(DUE_PK), string(DUE_SK),
                string(PLACED_PK), string(PLACED_SK),
                string(PENDING_PK), string(PENDING_SK));
    }

    public static List<LocalSecondaryIndex> localSecondaryIndexes() {
        return List.of(LocalSecondaryIndex.builder()
                .indexName(HISTORY_INDEX)
                .keySchema(key(PK, KeyType.HASH), key(HISTORY_SK, KeyType.RANGE))
                .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                .build());
    }

    public static List<GlobalSecondaryIndex> globalSecondaryIndexes() {
        return List.of(
                GlobalSecondaryIndex.builder()
                        .indexName(EXPIRY_INDEX)
                        .keySchema(key(EXPIRY_PK, KeyType.HASH), key(EXPIRY_SK, KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build())
                        .build(),
                GlobalSecondaryIndex.builder()
                        .indexName(HOLDS_INDEX)
                        .keySchema(key(HOLDS_PK, KeyType.HASH), key(HOLDS_SK, KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build())
                        .build(),
                GlobalSecondaryIndex.builder()
                        .indexName(DUE_INDEX)
                        .keySchema(key(DUE_PK, KeyType.HASH), key(DUE_SK, KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build())
                        .build(),
                GlobalSecondaryIndex.builder()
                        .indexName(PLACED_INDEX)
                        .keySchema(key(PLACED_PK, KeyType.HASH), key(PLACED_SK, KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build())
                        .build(),
                GlobalSecondaryIndex.builder()
                        .indexName(PENDING_INDEX)
                        .keySchema(key(PENDING_PK, KeyType.HASH), key(PENDING_SK, KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build())
                        .build());
    }

    /** On-demand capacity: merchants pay per request, no capacity planning. */
    public static BillingMode billingMode() {
        return BillingMode.PAY_PER_REQUEST;
    }

    public static CreateTableRequest createTableRequest(String tableName) {
        return CreateTableRequest.builder()
                .tableName(tableName)
                .keySchema(keySchema())
                .attributeDefinitions(attributeDefinitions())
                .localSecondaryIndexes(localSecondaryIndexes())
                .globalSecondaryIndexes(globalSecondaryIndexes())
                .billingMode(billingMode())
                .build();
    }

    /** The primary key of an item: {@code pk} and {@code sk} as strings. */
    static Map<String, AttributeValue> itemKey(String pk, String sk) {
        return Map.of(PK, AttributeValue.fromS(pk), SK, AttributeValue.fromS(sk));
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private static AttributeDefinition string(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }
}
