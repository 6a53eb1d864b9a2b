package com.memberpoints.infra.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.ledger.LedgerStore;
import com.memberpoints.domain.ledger.LedgerStoreException;
import com.memberpoints.domain.ledger.Lot;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.domain.model.PageRequest;
import com.memberpoints.domain.sweep.LedgerSweeps;
import com.memberpoints.infra.testing.DynamoDbLocal;
import com.memberpoints.infra.testing.DynamoDbLocalExtension;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** The ledger contract against DynamoDB Local, on a table created from {@link LedgerTable}. */
@ExtendWith(DynamoDbLocalExtension.class)
class DynamoDbLedgerStoreIT extends LedgerStoreContract {
    private static DynamoDbLedgerStore store;
    private static String table;

    @BeforeAll
    static void createTable(DynamoDbLocal local) {
        table = local.createLedgerTable();
        store = new DynamoDbLedgerStore(local.client(), table);
    }

    @Override
    LedgerStore store() {
        return store;
    }

    @Test
    void failuresOfDynamoDbAreTypedExceptionsNeverSwallowed(DynamoDbLocal local) {
        DynamoDbLedgerStore missing = new DynamoDbLedgerStore(local.client(), "no-such-table");
        assertThatThrownBy(() -> missing.apply(LedgerCommand.earn(shop, ann, OrderId.of("o-1"), 1, END_2021, T0)))
                .isInstanceOf(DynamoDbLedgerException.class)
                .isInstanceOf(LedgerStoreException.class)
                .hasCauseInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> missing.history(points, PageRequest.first(5)))
                .isInstanceOf(DynamoDbLedgerException.class);
    }

    @Test
    void staleExpiryIndexEntriesAtTheHeadNeverEndTheSweep(DynamoDbLocal local) {
        // 120 wallets whose index entry lags (it still names a 2020 lot; their only lot expires in 2022), ahead of
        // 30 wallets really due: the stale entries are listed first on every run and must be walked past.
        Instant sweepTime = END_2021.get().plusSeconds(60);
        Instant old = Instant.parse("2020-12-31T15:59:59Z");
        int lagging = 120;
        int due = 30;
        for (int i = 0; i < lagging + due; i++) {
            store.apply(LedgerCommand.earn(shop, member(i), OrderId.of("o-" + i), 10, i < lagging ? END_2022 : END_2021,
                    T0));
        }
        for (int i = 0; i < lagging; i++) {
            WalletRef ref = WalletRef.points(shop, member(i));
            local.client().updateItem(u -> u.tableName(table).key(LedgerItemMapper.balanceKey(ref))
                    .updateExpression("SET #x = :x").expressionAttributeNames(Map.of("#x", LedgerTable.EXPIRY_SK))
                    .expressionAttributeValues(Map.of(":x", AttributeValue.fromS(LedgerItemMapper.expirySortKey(old, ref)))));
        }
        assertThat(store.expiringUpTo(shop, sweepTime, PageRequest.first(100)).items())
                .hasSize(100).allSatisfy(lot -> assertThat(lot.expiresAt()).isEqualTo(old));

        LedgerSweeps sweeps = new LedgerSweeps(store);
        assertThat(sweeps.expireDue(shop, sweepTime, 1000)).isEqualTo(new LedgerSweeps.SweepReport(due, lagging, true));
        for (int i = 0; i < lagging + due; i++) {
            assertThat(store.wallet(WalletRef.points(shop, member(i))).lots().asList()).as("wallet %s", i)
                    .isEqualTo(i < lagging ? java.util.List.of(new Lot(END_2022, 10)) : java.util.List.of());
        }
        // The lagging entries are still there: the next run walks past them again and applies nothing.
        assertThat(sweeps.expireDue(shop, sweepTime, 1000)).isEqualTo(new LedgerSweeps.SweepReport(0, lagging, true));
    }

    static software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException throughputExceeded() {
        return software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException.builder()
                .awsErrorDetails(DynamoDbThrottlingTest.details("ProvisionedThroughputExceededException", 400))
                .statusCode(400).build();
    }

    /** Issue 13 C1: throttling is retried like contention (bounded, with backoff) and the credit lands once. */
    @Test
    void throttledCallsAreRetriedAndTheCommandAppliesOnce(DynamoDbLocal local) {
        String table = local.createLedgerTable();
        ThrottledCallsDynamoDb throttled = new ThrottledCallsDynamoDb(local.client(), 3,
                DynamoDbLedgerStoreIT::throughputExceeded);
        DynamoDbLedgerStore retrying = new DynamoDbLedgerStore(throttled, table,
                new RetryPolicy(10, java.time.Duration.ZERO, java.time.Duration.ZERO));
        var result = retrying.apply(LedgerCommand.earn(shop, ann, OrderId.of("o-1"), 40, END_2021, T0));
        org.assertj.core.api.Assertions.assertThat(result)
                .isInstanceOf(com.memberpoints.domain.ledger.LedgerResult.Applied.class);
        org.assertj.core.api.Assertions.assertThat(throttled.calls.get()).isGreaterThan(3);
        org.assertj.core.api.Assertions.assertThat(new DynamoDbLedgerStore(local.client(), table).wallet(points).balance())
                .isEqualTo(40);
    }

    @Test
    void throttlingBeyondTheRetriesIsContentionNothingApplied(DynamoDbLocal local) {
        String table = local.createLedgerTable();
        DynamoDbLedgerStore always = new DynamoDbLedgerStore(new ThrottledCallsDynamoDb(local.client(), -1,
                DynamoDbLedgerStoreIT::throughputExceeded), table,
                new RetryPolicy(4, java.time.Duration.ZERO, java.time.Duration.ZERO));
        assertThatThrownBy(() -> always.apply(LedgerCommand.earn(shop, ann, OrderId.of("o-1"), 40, END_2021, T0)))
                .isInstanceOf(com.memberpoints.domain.ledger.LedgerContentionException.class)
                .isInstanceOf(com.memberpoints.domain.model.RetryLater.class)
                .hasMessageContaining("throttling")
                .hasCauseInstanceOf(software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException.class);
        org.assertj.core.api.Assertions.assertThat(new DynamoDbLedgerStore(local.client(), table).wallet(points).balance())
                .isZero();
    }

    @Test
    void aTransactionCancelledForThrottlingIsRetried(DynamoDbLocal local) {
        String table = local.createLedgerTable();
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        // every call before the 4th fails: GetItem first, then TransactWriteItems cancelled for throttling
        ThrottledCallsDynamoDb throttled = new ThrottledCallsDynamoDb(local.client(), 3,
                () -> n.incrementAndGet() % 2 == 0 ? DynamoDbThrottlingTest.cancelled("ThrottlingError", "None")
                        : throughputExceeded());
        DynamoDbLedgerStore retrying = new DynamoDbLedgerStore(throttled, table,
                new RetryPolicy(10, java.time.Duration.ZERO, java.time.Duration.ZERO));
        org.assertj.core.api.Assertions.assertThat(retrying.apply(LedgerCommand.earn(shop, ann, OrderId.of("o-2"), 5,
                END_2021, T0))).isInstanceOf(com.memberpoints.domain.ledger.LedgerResult.Applied.class);
    }

    // ------------------------------------------------------------------ write-sharded index keys (issue 16.3)

    private java.util.Set<String> indexPartitions(DynamoDbLocal local, String attribute) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        local.client().scanPaginator(b -> b.tableName(table)).items().forEach(item -> {
            AttributeValue v = item.get(attribute);
            if (v != null && v.s().startsWith(attribute.equals(LedgerTable.EXPIRY_PK) ? "X#" + shop.value()
                    : "H#" + shop.value())) {
                out.add(v.s());
            }
        });
        return out;
    }

    /** An entry written before sharding: the wallet's balance item back on the unsharded {@code X#<merchant>}. */
    private void unsharded(DynamoDbLocal local, WalletRef ref) {
        local.client().updateItem(u -> u.tableName(table).key(LedgerItemMapper.balanceKey(ref))
                .updateExpression("SET #x = :x").expressionAttributeNames(Map.of("#x", LedgerTable.EXPIRY_PK))
                .expressionAttributeValues(Map.of(":x", AttributeValue.fromS("X#" + shop.value()))));
    }

    private static java.util.Optional<Instant> expiry(int i) {
        return java.util.Optional.of(END_2021.get().minusSeconds(10_000 - i * 7L));
    }

    @Test
    void expiryEntriesUseAll16ShardsAndAWalkInSmallPagesListsEachOnceInOrderWhileEntriesChange(DynamoDbLocal local) {
        int members = 240;
        for (int i = 0; i < members; i++) {
            store.apply(LedgerCommand.earn(shop, member(i), OrderId.of("o-" + i), 10, expiry(i), T0));
        }
        java.util.Set<String> shards = new java.util.TreeSet<>();
        for (int s = 0; s < 16; s++) {
            shards.add(String.format("X#%s#%02d", shop.value(), s));
        }
        assertThat(indexPartitions(local, LedgerTable.EXPIRY_PK)).isEqualTo(shards);
        // 12 wallets written before sharding keep the unsharded key: still listed
        for (int i = 0; i < members; i += 20) {
            unsharded(local, WalletRef.points(shop, member(i)));
        }
        assertThat(indexPartitions(local, LedgerTable.EXPIRY_PK)).hasSize(17).contains("X#" + shop.value());

        Instant upTo = END_2021.get();
        java.util.Set<WalletRef> stable = new java.util.HashSet<>();
        for (int i = 0; i < members; i++) {
            stable.add(WalletRef.points(shop, member(i)));
        }
        java.util.List<com.memberpoints.domain.ledger.ExpiringLot> seen = new java.util.ArrayList<>();
        java.util.Optional<String> cursor = java.util.Optional.empty();
        int pages = 0;
        int added = 0;
        do {
            var page = store.expiringUpTo(shop, upTo, new PageRequest(cursor, 7));
            assertThat(page.items()).hasSizeLessThanOrEqualTo(7);
            seen.addAll(page.items());
            cursor = page.nextCursor();
            pages++;
            if (cursor.isPresent() && pages % 3 == 0 && pages <= 24) { // (7 x 24 listed, well behind member 216)
                // between pages: a wallet far ahead leaves the index (its lot spent), a new one appears far ahead
                int gone = members - pages;
                store.apply(LedgerCommand.redeem(WalletRef.points(shop, member(gone)), OrderId.of("r-" + gone), 10,
                        false, T0.plusSeconds(1)));
                stable.remove(WalletRef.points(shop, member(gone)));
                int fresh = members + added++;
                store.apply(LedgerCommand.earn(shop, member(fresh), OrderId.of("o-" + fresh), 10,
                        java.util.Optional.of(upTo), T0));
            }
        } while (cursor.isPresent() && pages < 500);
        assertThat(cursor).isEmpty();
        java.util.List<String> keys = seen.stream()
                .map(l -> LedgerItemMapper.expirySortKey(l.expiresAt(), l.wallet())).toList();
        assertThat(keys).doesNotHaveDuplicates().isSorted();
        assertThat(seen).extracting(com.memberpoints.domain.ledger.ExpiringLot::wallet).containsAll(stable);
        // the entries added at the end of the range while walking were reached and listed
        assertThat(seen).filteredOn(l -> l.expiresAt().equals(upTo)).hasSize(added);
        assertThat(seen).hasSize(stable.size() + added);
    }

    @Test
    void theExpiryIndexParts_shardsThenTheUnshardedKey_togetherListTheWhole(DynamoDbLocal local) {
        assertThat(store.expiryParts()).isEqualTo(17);
        for (int i = 0; i < 80; i++) {
            store.apply(LedgerCommand.earn(shop, member(i), OrderId.of("o-" + i), 10, expiry(i), T0));
        }
        java.util.List<WalletRef> legacy = new java.util.ArrayList<>();
        for (int i = 0; i < 80; i += 10) {
            legacy.add(WalletRef.points(shop, member(i)));
            unsharded(local, legacy.getLast());
        }
        java.util.List<com.memberpoints.domain.ledger.ExpiringLot> whole = walk(null, 100);
        assertThat(whole).hasSize(80);
        java.util.List<com.memberpoints.domain.ledger.ExpiringLot> union = new java.util.ArrayList<>();
        for (int part = 0; part < store.expiryParts(); part++) {
            java.util.List<com.memberpoints.domain.ledger.ExpiringLot> listed = walk(part, 3);
            assertThat(listed.stream().map(l -> LedgerItemMapper.expirySortKey(l.expiresAt(), l.wallet())).toList())
                    .as("part %d", part).isSorted();
            if (part < 16) {
                int shard = part;
                assertThat(listed).as("part %d", part).allSatisfy(l -> assertThat(
                        LedgerItemMapper.expiryPartition(shop, l.wallet().member())).endsWith(String.format("#%02d", shard)));
            } else {
                assertThat(listed).extracting(com.memberpoints.domain.ledger.ExpiringLot::wallet)
                        .containsExactlyInAnyOrderElementsOf(legacy);
            }
            union.addAll(listed);
        }
        assertThat(union).containsExactlyInAnyOrderElementsOf(whole);
        assertThatThrownBy(() -> store.expiring(shop, 17, Instant.EPOCH, END_2022.get(), PageRequest.first(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private java.util.List<com.memberpoints.domain.ledger.ExpiringLot> walk(Integer part, int size) {
        java.util.List<com.memberpoints.domain.ledger.ExpiringLot> out = new java.util.ArrayList<>();
        java.util.Optional<String> cursor = java.util.Optional.empty();
        int guard = 0;
        do {
            PageRequest request = new PageRequest(cursor, size);
            var page = part == null ? store.expiring(shop, Instant.EPOCH, END_2022.get(), request)
                    : store.expiring(shop, part, Instant.EPOCH, END_2022.get(), request);
            out.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor.isPresent() && ++guard < 1000);
        return out;
    }

    @Test
    void holdsUseAll16ShardsAndUnshardedHoldsAreStillReleased(DynamoDbLocal local) {
        int members = 160;
        for (int i = 0; i < members; i++) {
            WalletRef ref = WalletRef.points(shop, member(i));
            store.apply(LedgerCommand.earn(shop, member(i), OrderId.of("o-" + i), 10, END_2022, T0));
            store.apply(LedgerCommand.redeem(ref, OrderId.of("h-" + i), 5, true, T0.plusSeconds(i)));
        }
        assertThat(indexPartitions(local, LedgerTable.HOLDS_PK)).hasSize(16);
        WalletRef old = WalletRef.points(shop, member(3));
        local.client().updateItem(u -> u.tableName(table)
                .key(LedgerItemMapper.key(LedgerItemMapper.partitionKey(shop, old.member()),
                        LedgerItemMapper.holdSortKey(old.wallet(), OrderId.of("h-3"))))
                .updateExpression("SET #h = :h").expressionAttributeNames(Map.of("#h", LedgerTable.HOLDS_PK))
                .expressionAttributeValues(Map.of(":h", AttributeValue.fromS("H#" + shop.value()))));
        java.util.List<com.memberpoints.domain.ledger.RedemptionHold> seen = new java.util.ArrayList<>();
        java.util.Optional<String> cursor = java.util.Optional.empty();
        int pages = 0;
        do {
            var page = store.staleHolds(shop, T0.plusSeconds(members), new PageRequest(cursor, 9));
            seen.addAll(page.items());
            cursor = page.nextCursor();
            pages++;
        } while (cursor.isPresent() && pages < 100);
        assertThat(seen).extracting(h -> h.heldAt().getEpochSecond() - T0.getEpochSecond()).isSorted()
                .doesNotHaveDuplicates().hasSize(members);
        assertThat(pages).isEqualTo(18); // 160 = 17 x 9 + 7: full pages, no empty last one
        assertThat(new LedgerSweeps(store).releaseStaleHolds(shop, T0.plusSeconds(members), java.time.Duration.ZERO, 1000))
                .isEqualTo(new LedgerSweeps.SweepReport(members, 0, true));
        assertThat(store.staleHolds(shop, T0.plusSeconds(members), PageRequest.first(10)).items()).isEmpty();
    }
}
