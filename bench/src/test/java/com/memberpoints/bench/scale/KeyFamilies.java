package com.memberpoints.bench.scale;

import java.util.List;

/**
 * The one place that maps a partition-key value (of the table or of an index) to its logical key family, by prefix.
 * A family says how its keys multiply with load:
 * <ul>
 *   <li>{@link Scope#SHARED}: a fixed set of keys per merchant (today one: {@code X#<merchant>}; after write
 *       sharding, {@code X#<merchant>#<shard>} — same prefix, same family). At the target the same keys carry all
 *       the extra load, so each key's rate is multiplied by the shape's rate factor.</li>
 *   <li>{@link Scope#SPREAD}: one key per member, order or wallet. More load means more keys, not hotter ones: a
 *       key's rate at the target is its rate in the simulation.</li>
 * </ul>
 * A later change that shards a hot key needs no change here as long as it keeps the prefix: the simulation then
 * sees its load spread over the shards and prints the new per-key figures.
 */
public final class KeyFamilies {
    private KeyFamilies() {}

    public enum Scope { SHARED, SPREAD }

    /**
     * {@code index}: {@code "table"} or the index name; {@code suffix}: a marker segment the key ends with or that is
     * followed by a shard ({@code N#<m>#SMS} and {@code N#<m>#SMS#<shard>}).
     */
    public record Family(String index, String prefix, String suffix, String name, Scope scope) {
        boolean matches(String idx, String key) {
            return index.equals(idx) && key.startsWith(prefix) && (suffix.isEmpty() || key.contains(suffix + "#")
                    || key.endsWith(suffix));
        }
    }

    /** First match wins (more specific rules first). */
    public static final List<Family> FAMILIES = List.of(
            new Family("table", "L#", "", "wallet L#<m>#<member>", Scope.SPREAD),
            new Family("table", "O#", "", "order O#<m>#<order>", Scope.SPREAD),
            new Family("table", "U#", "", "member profile U#<m>#<member>", Scope.SPREAD),
            new Family("table", "Q#", "", "liability marker Q#<m>#<member>", Scope.SPREAD),
            new Family("table", "MERCHANTS", "", "merchant profiles MERCHANTS", Scope.SHARED),
            new Family("table", "S#", "", "settings S#<m>", Scope.SHARED),
            new Family("table", "LB#", "", "liability counters LB#<m>", Scope.SHARED),
            new Family("table", "N#", "#SMS", "SMS usage N#<m>#SMS", Scope.SHARED),
            new Family("table", "N#", "", "delivery records N#<m>#<yyyy-MM>", Scope.SHARED),
            new Family("table", "BJ#", "", "bulk job BJ#<m>#<job>", Scope.SHARED),
            new Family("table", "XW#", "", "expiry walk claims XW#<m>", Scope.SHARED),
            new Family("expiry", "X#", "", "expiry index X#<m>", Scope.SHARED),
            new Family("holds", "H#", "", "holds index H#<m>", Scope.SHARED),
            new Family("due", "D#", "", "due index D#<m>", Scope.SHARED),
            new Family("placed", "P#", "", "placed index P#<m>", Scope.SHARED),
            new Family("pending", "M#", "", "pending index M#<m>#<member>", Scope.SPREAD));

    public static Family classify(String index, String partitionKey) {
        for (Family f : FAMILIES) {
            if (f.matches(index, partitionKey)) {
                return f;
            }
        }
        return new Family(index, "", "", index + " (unclassified " + partitionKey + ")", Scope.SHARED);
    }
}
