package com.memberpoints.infra.dynamodb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Write-sharded partition keys: the shard of a write, and the scatter-gather read of one item per shard.
 *
 * <p>The shard of a write-sharded partition key (docs/scale.md changes 2 and 4): a stable hash of a value that
 * identifies the write (so a repeat lands on the same item), mixed so that similar ids — which differ in a few
 * trailing characters — spread over every shard. {@code String.hashCode() mod n} alone does not: for ids like
 * {@code m1|EARN#o1} it left half of 32 shards unused.
 */
final class Shards {
    private Shards() {}

    /** Rounds of a scatter-gather read while DynamoDB leaves keys unprocessed. */
    static final int UNPROCESSED_ROUNDS = 5;

    /**
     * Every existing item of {@code keys} (at most 100: one item per shard), read consistently with
     * {@code BatchGetItem}; unprocessed keys are asked again with backoff, up to {@link #UNPROCESSED_ROUNDS} rounds.
     *
     * @throws IllegalStateException keys still unprocessed after the last round
     */
    static List<Map<String, AttributeValue>> readAll(DynamoDbClient dynamo, String table,
                                                     List<Map<String, AttributeValue>> keys) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, KeysAndAttributes> request = Map.of(table,
                KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
        for (int round = 1; !request.isEmpty(); round++) {
            if (round > UNPROCESSED_ROUNDS) {
                throw new IllegalStateException("DynamoDB left " + keys.size() + " shard items unread");
            }
            if (round > 1) {
                // unprocessed keys mean throttling: back off 50, 100, 200, 400 ms
                java.util.concurrent.locks.LockSupport.parkNanos(50_000_000L << (round - 2));
            }
            Map<String, KeysAndAttributes> pending = request;
            BatchGetItemResponse response = dynamo.batchGetItem(b -> b.requestItems(pending));
            items.addAll(response.responses().getOrDefault(table, List.of()));
            request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
        }
        return items;
    }

    /** Shards of each merchant-wide index key ({@code X#}, {@code H#}, {@code D#}, {@code P#}; docs/scale.md change 3). */
    static final int INDEX_SHARDS = 16;

    /** A sharded partition key: {@code <base>#<shard, 2 digits>}, as the liability and delivery keys. */
    static String key(String base, int shard) {
        return base + "#" + String.format("%02d", shard);
    }

    /**
     * The parts a reader of a write-sharded index queries: {@code <base>#00 .. <base>#<shards - 1>}, then
     * {@code <base>} itself — the unsharded key that items written before sharding still carry (docs/decisions.md
     * "16.3 Write-sharded index keys").
     */
    static List<String> partsWithLegacy(String base, int shards) {
        List<String> parts = new ArrayList<>(shards + 1);
        for (int shard = 0; shard < shards; shard++) {
            parts.add(key(base, shard));
        }
        parts.add(base);
        return List.copyOf(parts);
    }

    static int of(String value, int shards) {
        int h = value.hashCode();
        // murmur3 32-bit finaliser: every input bit affects every output bit
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return Math.floorMod(h, shards);
    }
}
