package com.memberpoints.infra.dynamodb;

/**
 * The shard of a write-sharded partition key (docs/scale.md changes 2 and 4): a stable hash of a value that
 * identifies the write (so a repeat lands on the same item), mixed so that similar ids — which differ in a few
 * trailing characters — spread over every shard. {@code String.hashCode() mod n} alone does not: for ids like
 * {@code m1|EARN#o1} it left half of 32 shards unused.
 */
final class Shards {
    private Shards() {}

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
