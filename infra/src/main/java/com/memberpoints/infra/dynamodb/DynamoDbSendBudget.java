package com.memberpoints.infra.dynamodb;

import static com.memberpoints.infra.dynamodb.LedgerTable.PK;
import static com.memberpoints.infra.dynamodb.LedgerTable.SK;

import com.memberpoints.domain.notify.Channel;
import com.memberpoints.domain.notify.SendBudget;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The account-wide send rate ({@link SendBudget}) on the single table: one small item per channel and second,
 * {@code pk = RATE#<CHANNEL>}, {@code sk = S<epoch second mod 120>} — a ring of 120 slots reused every two minutes,
 * so nothing accumulates and no TTL is needed. Taking a unit is one conditional {@code UpdateItem} (1 WCU):
 * {@code ADD used 1} while the slot holds this second and {@code used < limit}; a slot still holding an older second
 * is reset to this one with {@code used = 1}. At the quota (SES 14/s by default) the key takes 14 WCU/s, far from the
 * partition's 1,000. A refused take costs one failed conditional write; the dispatcher's retry run stops at the
 * first refusal, so refusals stay one per run. Errors of the table are thrown (the dispatcher defers the message).
 */
public final class DynamoDbSendBudget implements SendBudget {
    static final int SLOTS = 120;
    private static final String SECOND = "sec";
    private static final String USED = "used";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Map<Channel, Integer> perSecond;

    /** {@code perSecond}: sends per second per channel for the whole account (a channel not named is unlimited). */
    public DynamoDbSendBudget(DynamoDbClient dynamo, String table, Map<Channel, Integer> perSecond) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.table = Objects.requireNonNull(table, "table");
        this.perSecond = new EnumMap<>(Objects.requireNonNull(perSecond, "perSecond"));
        this.perSecond.values().forEach(v -> {
            if (v < 1) {
                throw new IllegalArgumentException("a send rate is at least 1 per second");
            }
        });
    }

    @Override
    public boolean tryTake(Channel channel, Instant now) {
        Integer limit = perSecond.get(channel);
        if (limit == null) {
            return true;
        }
        long second = now.getEpochSecond();
        Map<String, AttributeValue> key = Map.of(PK, s("RATE#" + channel.name()),
                SK, s("S" + Math.floorMod(second, SLOTS)));
        for (int round = 0; round < 2; round++) {
            if (update(key, "#sec = :sec AND #used < :limit", "ADD #used :one", Map.of(":sec", n(second),
                    ":limit", n(limit), ":one", n(1)))) {
                return true;
            }
            if (update(key, "attribute_not_exists(#sec) OR #sec < :sec", "SET #sec = :sec, #used = :one",
                    Map.of(":sec", n(second), ":one", n(1)))) {
                return true;
            }
            // Another taker reset the slot to this second between our two writes: try the first write once more.
        }
        return false;
    }

    private boolean update(Map<String, AttributeValue> key, String condition, String update,
                           Map<String, AttributeValue> values) {
        try {
            dynamo.updateItem(UpdateItemRequest.builder().tableName(table).key(key)
                    .conditionExpression(condition).updateExpression(update)
                    .expressionAttributeNames(condition.contains("#used") || update.contains("#used")
                            ? Map.of("#sec", SECOND, "#used", USED) : Map.of("#sec", SECOND))
                    .expressionAttributeValues(values).build());
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        } catch (SdkException e) {
            throw new IllegalStateException("send budget: " + e.getClass().getSimpleName(), e);
        }
    }

    private static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    private static AttributeValue n(long v) {
        return AttributeValue.fromN(Long.toString(v));
    }
}
