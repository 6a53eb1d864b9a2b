package com.memberpoints.infra.dynamodb;

import static com.memberpoints.infra.dynamodb.LedgerTable.PK;
import static com.memberpoints.infra.dynamodb.LedgerTable.SK;

import com.memberpoints.domain.ledger.OperationId;
import com.memberpoints.domain.model.Page;
import com.memberpoints.domain.model.PageRequest;
import com.memberpoints.domain.ledger.Wallet;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.notify.Channel;
import com.memberpoints.domain.notify.Delivery;
import com.memberpoints.domain.notify.DeliveryCursor;
import com.memberpoints.domain.notify.DeliveryKey;
import com.memberpoints.domain.notify.DeliveryStatus;
import com.memberpoints.domain.notify.DeliveryStore;
import com.memberpoints.domain.notify.SmsUsageMeter;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * {@link DeliveryStore} and {@link SmsUsageMeter} on the ledger's single table (layout in {@link LedgerTable}):
 *
 * <pre>
 * delivery   N#&lt;merchant&gt;#&lt;yyyy-MM&gt;#&lt;shard 00..15&gt;   D#&lt;member&gt;#&lt;WALLET&gt;#&lt;CHANNEL&gt;#&lt;operationId&gt;
 * sms usage  N#&lt;merchant&gt;#SMS#&lt;shard 00..15&gt;          M#&lt;yyyy-MM&gt;   (parts, msgs: numbers, ADDed atomically)
 * </pre>
 *
 * Both are sharded in the partition key over {@value #SHARDS} shards (docs/scale.md change 4): a delivery's shard is
 * a hash of its id, so its claim and every transition hit the same item, and an SMS adds its usage to the usage
 * item of that same shard. Reading usage sums the shards (one {@code BatchGetItem}); listing queries every shard
 * from the cursor and merges by sort key, so the cursor (the last id) is the same as before sharding.
 *
 * Every transition is one conditional write on status and attempt; marking an SMS sent and adding its parts to
 * the month's usage is one {@code TransactWriteItems}, so usage counts each sent SMS exactly once.
 */
public final class DynamoDbDeliveryStore implements DeliveryStore, SmsUsageMeter {

    static final String STATUS = "st";
    static final String RECIPIENT = "to";
    static final String SUBJECT = "sub";
    static final String HTML = "html";
    static final String TEXT = "txt";
    static final String SMS_PARTS = "parts";
    static final String ATTEMPTS = "att";
    static final String PROVIDER_ID = "pmid";
    static final String ERROR = "err";
    static final String UPDATED = "upd";
    static final String NEXT_ATTEMPT = "nxt";
    /** Deferrals for a send rate; absent = 0 (and on records written before throttles were counted). */
    static final String THROTTLES = "thr";
    static final String MESSAGES = "msgs";
    /** Longest provider error kept on a record. */
    static final int MAX_ERROR = 500;

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbDeliveryStore(DynamoDbClient dynamo, String table) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.table = Objects.requireNonNull(table, "table");
    }

    static final int SHARDS = 16;

    static int shard(DeliveryKey key) {
        return Shards.of(key.id(), SHARDS);
    }

    static String deliveryPartition(MerchantId merchant, YearMonth month, int shard) {
        return "N#" + merchant.value() + "#" + month + "#" + String.format("%02d", shard);
    }

    static String deliverySortKey(DeliveryKey key) {
        return "D#" + key.id();
    }

    static String usagePartition(MerchantId merchant, int shard) {
        return "N#" + merchant.value() + "#SMS#" + String.format("%02d", shard);
    }

    static String usageSortKey(YearMonth month) {
        return "M#" + month;
    }

    private static Map<String, AttributeValue> key(DeliveryKey key) {
        return Map.of(PK, s(deliveryPartition(key.merchant(), key.month(), shard(key))), SK, s(deliverySortKey(key)));
    }

    @Override
    public boolean claim(Delivery claim) {
        if (claim.status() != DeliveryStatus.CLAIMED || claim.attempts() != 1) {
            throw new IllegalArgumentException("a claim is CLAIMED at attempt 1");
        }
        Map<String, AttributeValue> item = new HashMap<>(key(claim.key()));
        item.put(STATUS, s(claim.status().name()));
        item.put(RECIPIENT, s(claim.recipient()));
        if (!claim.subject().isEmpty()) {
            item.put(SUBJECT, s(claim.subject()));
        }
        if (!claim.html().isEmpty()) {
            item.put(HTML, s(claim.html()));
        }
        item.put(TEXT, s(claim.text()));
        item.put(SMS_PARTS, n(claim.smsParts()));
        item.put(ATTEMPTS, n(1));
        item.put(UPDATED, s(claim.updatedAt().toString()));
        try {
            dynamo.putItem(r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", PK)));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        } catch (SdkException e) {
            throw failure("claim", claim.key(), e);
        }
    }

    @Override
    public Optional<Delivery> find(DeliveryKey key) {
        try {
            Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(key(key)).consistentRead(true))
                    .item();
            return item == null || item.isEmpty() ? Optional.empty() : Optional.of(delivery(key, item));
        } catch (SdkException e) {
            throw failure("read", key, e);
        }
    }

    @Override
    public boolean markSent(DeliveryKey key, int attempt, String providerMessageId, Instant at, YearMonth billingMonth) {
        Update sent = Update.builder().tableName(table).key(key(key))
                .conditionExpression("#st = :claimed AND #att = :att")
                .updateExpression("SET #st = :sent, #pmid = :pmid, #upd = :upd")
                .expressionAttributeNames(Map.of("#st", STATUS, "#att", ATTEMPTS, "#pmid", PROVIDER_ID, "#upd", UPDATED))
                .expressionAttributeValues(Map.of(":claimed", s(DeliveryStatus.CLAIMED.name()), ":att", n(attempt),
                        ":sent", s(DeliveryStatus.SENT.name()), ":pmid", s(providerMessageId), ":upd", s(at.toString())))
                .build();
        if (key.channel() != Channel.SMS) {
            return conditionalUpdate(key, sent);
        }
        Delivery claimed = find(key).orElse(null);
        if (claimed == null || claimed.status() != DeliveryStatus.CLAIMED || claimed.attempts() != attempt) {
            return false;
        }
        Update usage = Update.builder().tableName(table)
                .key(Map.of(PK, s(usagePartition(key.merchant(), shard(key))), SK, s(usageSortKey(billingMonth))))
                .updateExpression("ADD #parts :parts, #msgs :one")
                .expressionAttributeNames(Map.of("#parts", SMS_PARTS, "#msgs", MESSAGES))
                .expressionAttributeValues(Map.of(":parts", n(claimed.smsParts()), ":one", n(1)))
                .build();
        try {
            dynamo.transactWriteItems(r -> r.transactItems(
                    TransactWriteItem.builder().update(sent).build(),
                    TransactWriteItem.builder().update(usage).build()));
            return true;
        } catch (TransactionCanceledException e) {
            if (e.cancellationReasons().stream().map(CancellationReason::code)
                    .anyMatch("ConditionalCheckFailed"::equals)) {
                return false;
            }
            throw failure("mark sent", key, e);
        } catch (SdkException e) {
            throw failure("mark sent", key, e);
        }
    }

    @Override
    public boolean markRetrying(DeliveryKey key, int attempt, String reason, Instant at, Instant nextAttemptAt) {
        return conditionalUpdate(key, Update.builder().tableName(table).key(key(key))
                .conditionExpression("#st = :claimed AND #att = :att")
                .updateExpression("SET #st = :retrying, #err = :err, #upd = :upd, #nxt = :nxt")
                .expressionAttributeNames(Map.of("#st", STATUS, "#att", ATTEMPTS, "#err", ERROR, "#upd", UPDATED,
                        "#nxt", NEXT_ATTEMPT))
                .expressionAttributeValues(Map.of(":claimed", s(DeliveryStatus.CLAIMED.name()), ":att", n(attempt),
                        ":retrying", s(DeliveryStatus.RETRYING.name()), ":err", s(clip(reason)),
                        ":upd", s(at.toString()), ":nxt", n(nextAttemptAt.toEpochMilli())))
                .build());
    }

    @Override
    public boolean markThrottled(DeliveryKey key, int attempt, String reason, Instant at, Instant nextAttemptAt) {
        return conditionalUpdate(key, Update.builder().tableName(table).key(key(key))
                .conditionExpression("#st = :claimed AND #att = :att")
                .updateExpression("SET #st = :retrying, #att = :given, #err = :err, #upd = :upd, #nxt = :nxt "
                        + "ADD #thr :one")
                .expressionAttributeNames(Map.of("#st", STATUS, "#att", ATTEMPTS, "#err", ERROR, "#upd", UPDATED,
                        "#nxt", NEXT_ATTEMPT, "#thr", THROTTLES))
                .expressionAttributeValues(Map.of(":claimed", s(DeliveryStatus.CLAIMED.name()), ":att", n(attempt),
                        ":given", n(attempt - 1), ":retrying", s(DeliveryStatus.RETRYING.name()),
                        ":err", s(clip(reason)), ":upd", s(at.toString()), ":nxt", n(nextAttemptAt.toEpochMilli()),
                        ":one", n(1)))
                .build());
    }

    @Override
    public boolean markFailed(DeliveryKey key, int attempt, String reason, Instant at) {
        return conditionalUpdate(key, Update.builder().tableName(table).key(key(key))
                .conditionExpression("(#st = :claimed OR #st = :retrying) AND #att = :att")
                .updateExpression("SET #st = :failed, #err = :err, #upd = :upd REMOVE #nxt")
                .expressionAttributeNames(Map.of("#st", STATUS, "#att", ATTEMPTS, "#err", ERROR, "#upd", UPDATED,
                        "#nxt", NEXT_ATTEMPT))
                .expressionAttributeValues(Map.of(":claimed", s(DeliveryStatus.CLAIMED.name()),
                        ":retrying", s(DeliveryStatus.RETRYING.name()), ":att", n(attempt),
                        ":failed", s(DeliveryStatus.FAILED_PERMANENT.name()), ":err", s(clip(reason)),
                        ":upd", s(at.toString())))
                .build());
    }

    @Override
    public boolean markUnconfirmed(DeliveryKey key, int attempt, String reason, Instant at) {
        return conditionalUpdate(key, Update.builder().tableName(table).key(key(key))
                .conditionExpression("#st = :claimed AND #att = :att")
                .updateExpression("SET #st = :unconfirmed, #err = :err, #upd = :upd REMOVE #nxt")
                .expressionAttributeNames(Map.of("#st", STATUS, "#att", ATTEMPTS, "#err", ERROR, "#upd", UPDATED,
                        "#nxt", NEXT_ATTEMPT))
                .expressionAttributeValues(Map.of(":claimed", s(DeliveryStatus.CLAIMED.name()), ":att", n(attempt),
                        ":unconfirmed", s(DeliveryStatus.UNCONFIRMED.name()), ":err", s(clip(reason)),
                        ":upd", s(at.toString())))
                .build());
    }

    @Override
    public boolean reclaim(DeliveryKey key, int attempt, Instant at) {
        return conditionalUpdate(key, Update.builder().tableName(table).key(key(key))
                .conditionExpression("#st = :retrying AND #att = :att AND #nxt <= :now")
                .updateExpression("SET #st = :claimed, #att = :next, #upd = :upd REMOVE #nxt")
                .expressionAttributeNames(Map.of("#st", STATUS, "#att", ATTEMPTS, "#upd", UPDATED,
                        "#nxt", NEXT_ATTEMPT))
                .expressionAttributeValues(Map.of(":retrying", s(DeliveryStatus.RETRYING.name()), ":att", n(attempt),
                        ":now", n(at.toEpochMilli()), ":claimed", s(DeliveryStatus.CLAIMED.name()),
                        ":next", n(attempt + 1), ":upd", s(at.toString())))
                .build());
    }

    @Override
    public Page<Delivery> list(MerchantId merchant, YearMonth month, Set<DeliveryStatus> statuses, PageRequest page) {
        if (statuses.isEmpty()) {
            return new Page<>(List.of(), Optional.empty());
        }
        // the shards are read concurrently (one virtual thread each): a page costs about one round trip, not 16
        List<Map<String, AttributeValue>> merged = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<List<Map<String, AttributeValue>>>> shards = new ArrayList<>(SHARDS);
            for (int shard = 0; shard < SHARDS; shard++) {
                String partition = deliveryPartition(merchant, month, shard);
                shards.add(threads.submit(() -> listShard(partition, statuses, page, merchant, month)));
            }
            for (Future<List<Map<String, AttributeValue>>> shard : shards) {
                merged.addAll(shardItems(shard, threads, merchant, month));
            }
        }
        merged.sort(java.util.Comparator.comparing(item -> item.get(SK).s()));
        boolean more = merged.size() > page.limit();
        List<Delivery> out = new ArrayList<>();
        for (Map<String, AttributeValue> item : merged.subList(0, Math.min(page.limit(), merged.size()))) {
            out.add(delivery(parseKey(merchant, month, item.get(SK).s()), item));
        }
        Optional<String> next = more && !out.isEmpty()
                ? Optional.of(DeliveryCursor.encode(out.getLast().key().id())) : Optional.empty();
        return new Page<>(List.copyOf(out), next);
    }

    /** One shard's read; when it failed, the other reads are stopped and its failure rethrown as it was thrown. */
    private static List<Map<String, AttributeValue>> shardItems(Future<List<Map<String, AttributeValue>>> read,
                                                               ExecutorService threads, MerchantId merchant,
                                                               YearMonth month) {
        try {
            return read.get();
        } catch (ExecutionException e) {
            threads.shutdownNow();
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure; // listShard's DeliveryStoreException (an SDK failure, named by its class only)
            }
            throw new DeliveryStoreException("listing deliveries of " + merchant.value() + " " + month + " failed: "
                    + e.getCause().getClass().getSimpleName(), e.getCause());
        } catch (InterruptedException e) {
            threads.shutdownNow();
            Thread.currentThread().interrupt();
            throw new DeliveryStoreException("interrupted while listing deliveries of " + merchant.value(), e);
        }
    }

    /** Up to {@code limit + 1} matching items of one shard after the cursor, in sort-key order. */
    private List<Map<String, AttributeValue>> listShard(String partition, Set<DeliveryStatus> statuses,
                                                        PageRequest page, MerchantId merchant, YearMonth month) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pk", s(partition));
        values.put(":d", s("D#"));
        List<String> alternatives = new ArrayList<>();
        int i = 0;
        for (DeliveryStatus status : statuses) {
            values.put(":s" + i, s(status.name()));
            alternatives.add(":s" + i++);
        }
        Map<String, AttributeValue> start = page.cursor()
                .map(c -> Map.of(PK, s(partition), SK, s("D#" + DeliveryCursor.decode(c))))
                .orElse(null);
        List<Map<String, AttributeValue>> out = new ArrayList<>();
        try {
            do {
                QueryRequest.Builder q = QueryRequest.builder().tableName(table)
                        .keyConditionExpression("#pk = :pk AND begins_with(#sk, :d)")
                        .filterExpression("#st IN (" + String.join(", ", alternatives) + ")")
                        .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK, "#st", STATUS))
                        .expressionAttributeValues(values)
                        .limit(page.limit() + 1)
                        .consistentRead(true);
                if (start != null) {
                    q.exclusiveStartKey(start);
                }
                QueryResponse response = dynamo.query(q.build());
                for (Map<String, AttributeValue> item : response.items()) {
                    if (out.size() <= page.limit()) {
                        out.add(item);
                    }
                }
                start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                        ? response.lastEvaluatedKey() : null;
            } while (start != null && out.size() <= page.limit());
        } catch (SdkException e) {
            throw new DeliveryStoreException("listing deliveries of " + merchant.value() + " " + month + " failed: "
                    + e.getClass().getSimpleName(), e);
        }
        return out;
    }

    @Override
    public SmsUsage usage(MerchantId merchant, YearMonth month) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (int shard = 0; shard < SHARDS; shard++) {
            keys.add(Map.of(PK, s(usagePartition(merchant, shard)), SK, s(usageSortKey(month))));
        }
        long parts = 0;
        long messages = 0;
        try {
            for (Map<String, AttributeValue> item : Shards.readAll(dynamo, table, keys)) {
                parts += Long.parseLong(item.get(SMS_PARTS).n());
                messages += Long.parseLong(item.get(MESSAGES).n());
            }
        } catch (SdkException | IllegalStateException e) {
            throw new DeliveryStoreException("reading SMS usage of " + merchant.value() + " " + month + " failed: "
                    + e.getClass().getSimpleName(), e);
        }
        return new SmsUsage(merchant, month, parts, messages);
    }

    private boolean conditionalUpdate(DeliveryKey key, Update update) {
        try {
            dynamo.updateItem(UpdateItemRequest.builder().tableName(update.tableName()).key(update.key())
                    .conditionExpression(update.conditionExpression()).updateExpression(update.updateExpression())
                    .expressionAttributeNames(update.expressionAttributeNames())
                    .expressionAttributeValues(update.expressionAttributeValues()).build());
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        } catch (SdkException e) {
            throw failure("update", key, e);
        }
    }

    static DeliveryKey parseKey(MerchantId merchant, YearMonth month, String sortKey) {
        String[] p = sortKey.substring(2).split("#", 4);
        return new DeliveryKey(merchant, month, MemberId.of(p[0]), Wallet.valueOf(p[1]), new OperationId(p[3]),
                Channel.valueOf(p[2]));
    }

    private static Delivery delivery(DeliveryKey key, Map<String, AttributeValue> item) {
        return new Delivery(key, DeliveryStatus.valueOf(item.get(STATUS).s()), item.get(RECIPIENT).s(),
                str(item, SUBJECT), str(item, HTML), str(item, TEXT), Integer.parseInt(item.get(SMS_PARTS).n()),
                Integer.parseInt(item.get(ATTEMPTS).n()), opt(item, PROVIDER_ID), opt(item, ERROR),
                Instant.parse(item.get(UPDATED).s()),
                item.containsKey(NEXT_ATTEMPT)
                        ? Optional.of(Instant.ofEpochMilli(Long.parseLong(item.get(NEXT_ATTEMPT).n())))
                        : Optional.empty(),
                item.containsKey(THROTTLES) ? Integer.parseInt(item.get(THROTTLES).n()) : 0);
    }

    private static String str(Map<String, AttributeValue> item, String name) {
        return item.containsKey(name) ? item.get(name).s() : "";
    }

    private static Optional<String> opt(Map<String, AttributeValue> item, String name) {
        return item.containsKey(name) ? Optional.of(item.get(name).s()) : Optional.empty();
    }

    private static String clip(String reason) {
        return reason.length() <= MAX_ERROR ? reason : reason.substring(0, MAX_ERROR);
    }

    private static DeliveryStoreException failure(String what, DeliveryKey key, SdkException e) {
        return new DeliveryStoreException("delivery " + what + " failed for " + key.id() + ": "
                + e.getClass().getSimpleName(), e);
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
