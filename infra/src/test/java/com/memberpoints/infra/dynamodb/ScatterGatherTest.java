package com.memberpoints.infra.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.infra.dynamodb.ScatterGather.Chunk;
import com.memberpoints.infra.dynamodb.ScatterGather.Gathered;
import com.memberpoints.infra.dynamodb.ScatterGather.Position;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The merge of {@link ScatterGather} over parts held in memory (read like DynamoDB: in order, after an exclusive
 * start, a "more" flag whenever the limit was reached). DynamoDB itself: {@code DynamoDbLedgerStoreIT},
 * {@code DynamoDbOrderStoreIT}.
 */
class ScatterGatherTest {

    /** Parts as sorted sets, read as DynamoDB reads a partition; counts the reads. */
    static final class Parts {
        final Map<String, TreeSet<Position>> parts = new LinkedHashMap<>();
        final java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();

        Parts(int count) {
            for (int i = 0; i < count; i++) {
                parts.put("p" + i, new TreeSet<>());
            }
        }

        List<String> names() {
            return List.copyOf(parts.keySet());
        }

        Chunk<Position> read(String part, Optional<Position> after, int limit) {
            reads.incrementAndGet();
            TreeSet<Position> set = parts.get(part);
            List<Position> out = new ArrayList<>();
            for (Position p : after.map(a -> set.tailSet(a, false)).orElse(set)) {
                if (out.size() == limit) {
                    break;
                }
                out.add(p);
            }
            return new Chunk<>(out, out.size() == limit); // DynamoDB: LastEvaluatedKey whenever the limit is hit
        }

        Set<Position> all() {
            Set<Position> all = new HashSet<>();
            parts.values().forEach(all::addAll);
            return all;
        }
    }

    static Position pos(int n) {
        return new Position(String.format("%06d", n), "L#m#" + n, "B#POINTS");
    }

    static Gathered<Position> page(Parts parts, Optional<Position> after, int limit) {
        return ScatterGather.gather(parts.names(), after, limit, parts::read, Function.identity());
    }

    @Test
    void aWalkInSmallPagesListsEveryEntryOnceInOrder_theLastPageHasNoCursor() {
        Parts parts = new Parts(17);
        for (int n = 0; n < 200; n++) {
            parts.parts.get("p" + (n * 7 % 17)).add(pos(n));
        }
        List<Position> seen = new ArrayList<>();
        Optional<Position> cursor = Optional.empty();
        int pages = 0;
        do {
            Gathered<Position> page = page(parts, cursor, 9);
            assertThat(page.entries()).hasSizeLessThanOrEqualTo(9).isNotEmpty();
            seen.addAll(page.entries());
            cursor = page.next();
            pages++;
        } while (cursor.isPresent());
        assertThat(seen).isSortedAccordingTo(Position.ORDER).containsExactlyElementsOf(new TreeSet<>(parts.all()));
        assertThat(pages).isEqualTo(23); // full pages: 200 = 22 x 9 + 2
    }

    @Test
    void theFirstEntryAloneIsTheSmallestOfEveryPart_andEmptyPartsEndTheWalk() {
        Parts parts = new Parts(17);
        parts.parts.get("p16").add(pos(5));
        parts.parts.get("p3").add(pos(9));
        Gathered<Position> first = page(parts, Optional.empty(), 1);
        assertThat(first.entries()).containsExactly(pos(5));
        assertThat(first.next()).contains(pos(5));
        Gathered<Position> second = page(parts, first.next(), 1);
        assertThat(second.entries()).containsExactly(pos(9));
        assertThat(second.next()).isEmpty();
        assertThat(page(new Parts(17), Optional.empty(), 100)).isEqualTo(new Gathered<>(List.of(), Optional.empty()));
    }

    @Test
    void anEntryInTwoPartsAtOnceIsListedOnce() {
        Parts parts = new Parts(17);
        parts.parts.get("p16").add(pos(1)); // the unsharded key, not yet removed by the index
        parts.parts.get("p4").add(pos(1)); // its shard
        parts.parts.get("p4").add(pos(2));
        assertThat(page(parts, Optional.empty(), 10).entries()).containsExactly(pos(1), pos(2));
    }

    @Test
    void anEntryLeftInASecondPartWhenThePageFillsDoesNotEndTheWalk() {
        // p0 = {3}; p1 = {1, 3, 4}: the page of two takes 1 from p1 and 3 from p0, leaving p1's copy of 3 buffered
        // while p1 was read to its limit; that copy must not end the walk before 4
        Parts parts = new Parts(2);
        parts.parts.get("p0").add(pos(3));
        parts.parts.get("p1").addAll(List.of(pos(1), pos(3), pos(4)));
        Gathered<Position> first = page(parts, Optional.empty(), 2);
        assertThat(first.entries()).containsExactly(pos(1), pos(3));
        assertThat(first.next()).contains(pos(3));
        Gathered<Position> second = page(parts, first.next(), 2);
        assertThat(second.entries()).containsExactly(pos(4));
        assertThat(second.next()).isEmpty();
    }

    @Test
    void onePartIsOneReadPerPage() {
        Parts parts = new Parts(1);
        for (int n = 0; n < 50; n++) {
            parts.parts.get("p0").add(pos(n));
        }
        Gathered<Position> page = page(parts, Optional.empty(), 10);
        assertThat(page.entries()).hasSize(10);
        assertThat(page.next()).contains(pos(9));
        assertThat(parts.reads.get()).isEqualTo(1);
    }

    /**
     * Entries added and removed between pages: the walk stays in order, lists an entry only if it was there when
     * its page was read, and lists every entry that was there from the first page to the last exactly once.
     */
    @Property(tries = 300)
    void aWalkWhileEntriesChangeListsEachPositionOnce(@ForAll @IntRange(min = 1, max = 17) int partCount,
                                                      @ForAll @IntRange(min = 1, max = 30) int limit,
                                                      @ForAll @IntRange(min = 0, max = 300) int initial,
                                                      @ForAll @IntRange(min = 0, max = 6) int changesPerPage,
                                                      @ForAll long seed) {
        Random random = new Random(seed);
        Parts parts = new Parts(partCount);
        List<String> names = parts.names();
        for (int i = 0; i < initial; i++) {
            parts.parts.get(names.get(random.nextInt(partCount))).add(pos(random.nextInt(1_000)));
        }
        Set<Position> stable = new HashSet<>(parts.all());
        List<Position> seen = new ArrayList<>();
        Optional<Position> cursor = Optional.empty();
        int guard = 0;
        do {
            Set<Position> present = parts.all();
            Gathered<Position> page = page(parts, cursor, limit);
            assertThat(page.entries()).hasSizeLessThanOrEqualTo(limit);
            assertThat(present).containsAll(page.entries());
            seen.addAll(page.entries());
            cursor = page.next();
            for (int c = 0; c < changesPerPage; c++) {
                TreeSet<Position> part = parts.parts.get(names.get(random.nextInt(partCount)));
                if (random.nextBoolean() || part.isEmpty()) {
                    part.add(pos(random.nextInt(1_000)));
                } else {
                    Position gone = random.nextBoolean() ? part.first() : part.last();
                    part.remove(gone);
                    stable.remove(gone);
                }
            }
            stable.retainAll(parts.all());
        } while (cursor.isPresent() && ++guard < 10_000);
        assertThat(cursor).isEmpty();
        assertThat(seen).doesNotHaveDuplicates().isSortedAccordingTo(Position.ORDER);
        assertThat(seen).containsAll(stable);
    }

    @Property(tries = 200)
    void withoutChangesTheWalkIsExactlyTheSortedUnionOfTheParts(@ForAll @IntRange(min = 1, max = 17) int partCount,
                                                                @ForAll @IntRange(min = 1, max = 100) int limit,
                                                                @ForAll @IntRange(min = 0, max = 400) int entries,
                                                                @ForAll long seed) {
        Random random = new Random(seed);
        Parts parts = new Parts(partCount);
        List<String> names = parts.names();
        for (int i = 0; i < entries; i++) {
            parts.parts.get(names.get(random.nextInt(partCount))).add(pos(random.nextInt(100_000)));
        }
        List<Position> seen = new ArrayList<>();
        Optional<Position> cursor = Optional.empty();
        int pages = 0;
        do {
            Gathered<Position> page = page(parts, cursor, limit);
            seen.addAll(page.entries());
            cursor = page.next();
            pages++;
            // every page but the last is full: the merge reads on until it is, and ends exactly
            if (cursor.isPresent()) {
                assertThat(page.entries()).hasSize(limit);
            }
        } while (cursor.isPresent());
        assertThat(seen).containsExactlyElementsOf(new TreeSet<>(parts.all()));
        assertThat(pages).isEqualTo(Math.max(1, Math.ceilDiv(seen.size(), limit)));
    }

    @Test
    void positionsCompareAsDynamoDbDoes_byUtf8Bytes() {
        // U+FF61 sorts before U+1F600 in UTF-16 code units' reverse: UTF-8 bytes EF BD A1 < F0 9F 98 80
        Position bmp = new Position("a\uFF61", "pk", "sk");
        Position astral = new Position("a\uD83D\uDE00", "pk", "sk");
        assertThat(bmp.compareTo(astral)).isNegative();
        assertThat("a\uFF61".compareTo("a\uD83D\uDE00")).isPositive(); // String order would differ
    }
}
