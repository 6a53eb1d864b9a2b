package com.memberpoints.bench.capacity;

/** Capacity units DynamoDB bills for items of a given size (sizes from {@link com.memberpoints.infra.dynamodb.ItemSize}). */
public final class CapacityUnits {
    private CapacityUnits() {}

    /** Write units for one item of {@code bytes}: 1 per started KB (at least 1). */
    public static long writeUnits(long bytes) {
        return Math.max(1, (bytes + 1023) / 1024);
    }

    /** Strongly consistent read units for {@code bytes}: 1 per started 4 KB (at least 1). */
    public static long strongReadUnits(long bytes) {
        return Math.max(1, (bytes + 4095) / 4096);
    }
}
