package com.memberpoints.infra.dynamodb;

import static com.memberpoints.infra.dynamodb.Attrs.n;
import static com.memberpoints.infra.dynamodb.Attrs.s;
import static com.memberpoints.infra.dynamodb.LedgerTable.PK;
import static com.memberpoints.infra.dynamodb.LedgerTable.SK;

import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.sweep.ExpiryWalkClaims;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * {@link ExpiryWalkClaims} on the ledger's single table (issue 16 change 7), one item per merchant and part of the
 * expiry index:
 *
 * <pre>
 * expiry walk claim  XW#&lt;merchant&gt;   PART#&lt;3-digit part&gt;   run, prog (N: epoch ms of the run instant, of the last progress)
 * </pre>
 *
 * Every operation is one conditional write: a claim is a put if the item is absent or its progress is older than the
 * stale bound, a renewal an update of {@code prog} if {@code run} still names the walk's run, a release a delete under
 * the same condition. A lost condition is the answer ({@code false}, or nothing to release), never an error. A merchant's
 * claims share one partition key written once per walk message (a few per second at most). {@link #held} is one
 * strongly consistent Query of that key (at most 34 small items: 1 RCU), asked by the hourly run only for a merchant
 * with work due.
 */
public final class DynamoDbExpiryWalkClaims implements ExpiryWalkClaims {
    static final String RUN = "run";
    static final String PROGRESS = "prog";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbExpiryWalkClaims(DynamoDbClient dynamo, String table) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.table = Objects.requireNonNull(table, "table");
    }

    static Map<String, AttributeValue> key(MerchantId merchant, int part) {
        return Map.of(PK, s("XW#" + merchant.value()), SK, s(String.format("PART#%03d", part)));
    }

    @Override
    public boolean claim(MerchantId merchant, int part, Instant runAt, Instant now, Instant staleBefore) {
        Map<String, AttributeValue> item = new java.util.HashMap<>(key(merchant, part));
        item.put(RUN, n(runAt.toEpochMilli()));
        item.put(PROGRESS, n(now.toEpochMilli()));
        return conditional("claiming", merchant, part, () -> dynamo.putItem(p -> p.tableName(table).item(item)
                .conditionExpression("attribute_not_exists(#pk) OR #prog < :stale")
                .expressionAttributeNames(Map.of("#pk", PK, "#prog", PROGRESS))
                .expressionAttributeValues(Map.of(":stale", n(staleBefore.toEpochMilli())))));
    }

    @Override
    public boolean renew(MerchantId merchant, int part, Instant runAt, Instant now) {
        return conditional("renewing", merchant, part, () -> dynamo.updateItem(u -> u.tableName(table)
                .key(key(merchant, part)).updateExpression("SET #prog = :now")
                .conditionExpression("#run = :run")
                .expressionAttributeNames(Map.of("#prog", PROGRESS, "#run", RUN))
                .expressionAttributeValues(Map.of(":now", n(now.toEpochMilli()), ":run", n(runAt.toEpochMilli())))));
    }

    @Override
    public void release(MerchantId merchant, int part, Instant runAt) {
        conditional("releasing", merchant, part, () -> dynamo.deleteItem(d -> d.tableName(table)
                .key(key(merchant, part)).conditionExpression("#run = :run")
                .expressionAttributeNames(Map.of("#run", RUN))
                .expressionAttributeValues(Map.of(":run", n(runAt.toEpochMilli())))));
    }

    @Override
    public List<Held> held(MerchantId merchant) {
        List<Held> held = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        try {
            do {
                Map<String, AttributeValue> from = start;
                QueryResponse page = dynamo.query(q -> q.tableName(table).consistentRead(true)
                        .keyConditionExpression("#pk = :pk").expressionAttributeNames(Map.of("#pk", PK))
                        .expressionAttributeValues(Map.of(":pk", s("XW#" + merchant.value())))
                        .exclusiveStartKey(from));
                for (Map<String, AttributeValue> item : page.items()) {
                    held.add(new Held(Integer.parseInt(item.get(SK).s().substring("PART#".length())),
                            Instant.ofEpochMilli(Long.parseLong(item.get(RUN).n())),
                            Instant.ofEpochMilli(Long.parseLong(item.get(PROGRESS).n()))));
                }
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            } while (start != null);
        } catch (SdkException e) {
            throw new DynamoDbLedgerException("reading the expiry walk claims of " + merchant.value(), e);
        }
        return held;
    }

    private static boolean conditional(String what, MerchantId merchant, int part, Runnable write) {
        try {
            write.run();
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        } catch (SdkException e) {
            throw new DynamoDbLedgerException(what + " the expiry walk claim of " + merchant.value() + " part " + part,
                    e);
        }
    }
}
