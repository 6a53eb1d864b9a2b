package com.memberpoints.infra.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.memberpoints.domain.ledger.JournalEntry;
import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.ledger.LedgerResult;
import com.memberpoints.domain.ledger.Wallet;
import com.memberpoints.domain.inmemory.InMemoryLedgerStore;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.domain.liability.CutOffs;
import com.memberpoints.domain.liability.LiabilityCounters;
import com.memberpoints.domain.liability.LiabilityTally;
import com.memberpoints.infra.testing.DynamoDbLocal;
import com.memberpoints.infra.testing.InFlightProbe;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import com.memberpoints.infra.testing.DynamoDbLocalExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** The liability counters contract on DynamoDB Local, plus concurrency and typed failures. */
@ExtendWith(DynamoDbLocalExtension.class)
class DynamoDbLiabilityCountersIT extends LiabilityCountersContract {
    private static DynamoDbLiabilityCounters counters;

    @BeforeAll
    static void createTable(DynamoDbLocal local) {
        counters = new DynamoDbLiabilityCounters(local.client(), local.createLedgerTable());
    }

    @Override
    LiabilityCounters counters() {
        return counters;
    }

    @Test
    void theSameEntriesRecordedConcurrentlyAreCountedOnce() throws Exception {
        MerchantId shop = MerchantId.of("conc-" + java.util.UUID.randomUUID().toString().substring(0, 8));
        InMemoryLedgerStore ledger = new InMemoryLedgerStore();
        List<JournalEntry> entries = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            LedgerResult r = ledger.apply(LedgerCommand.earn(shop, MemberId.of("m" + i), OrderId.of("o" + i), 10 + i,
                    Optional.of(SOON), NOW));
            entries.add(((LedgerResult.Applied) r).entry());
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Boolean>> calls = new ArrayList<>();
            for (int copy = 0; copy < 3; copy++) {
                for (JournalEntry e : entries) {
                    calls.add(() -> counters.record(e));
                }
            }
            long firsts = 0;
            for (Future<Boolean> f : pool.invokeAll(calls)) {
                firsts += f.get() ? 1 : 0;
            }
            assertThat(firsts).isEqualTo(entries.size());
        } finally {
            pool.shutdownNow();
        }
        long expected = entries.stream().mapToLong(JournalEntry::delta).sum();
        assertThat(counters.total(shop, Wallet.POINTS)).isEqualTo(expected);
        assertThat(counters.expiring(shop, Wallet.POINTS, NOW, SOON)).isEqualTo(expected);
    }

    @Test
    void countersAreShardedInThePartitionKeyOneShardPerEntryAndReadsSumEveryShard(DynamoDbLocal local) {
        String table = local.createLedgerTable();
        DynamoDbLiabilityCounters sharded = new DynamoDbLiabilityCounters(local.client(), table);
        MerchantId shop = MerchantId.of("shard-" + java.util.UUID.randomUUID().toString().substring(0, 8));
        InMemoryLedgerStore ledger = new InMemoryLedgerStore();
        long expected = 0;
        java.util.Set<String> partitions = new java.util.HashSet<>();
        for (int i = 0; i < 400; i++) {
            JournalEntry e = ((LedgerResult.Applied) ledger.apply(LedgerCommand.earn(shop, MemberId.of("m" + i),
                    OrderId.of("o" + i), 10, Optional.of(SOON), NOW))).entry();
            assertThat(sharded.record(e)).isTrue();
            assertThat(sharded.record(e)).as("a repeat is not counted again").isFalse();
            expected += e.delta();
            partitions.add(DynamoDbLiabilityCounters.partition(shop, DynamoDbLiabilityCounters.shard(e)));
        }
        java.util.Map<String, Long> itemsPerPartition = new java.util.TreeMap<>();
        local.client().scanPaginator(r -> r.tableName(table)).items().forEach(item -> {
            String pk = item.get(LedgerTable.PK).s();
            if (pk.startsWith("LB#")) {
                itemsPerPartition.merge(pk, 1L, Long::sum);
            }
        });
        // 400 entries over 32 shards (P(a shard unused) ≈ 1e-4): every shard used, each partition holds one total and one bucket
        assertThat(itemsPerPartition.keySet()).isEqualTo(partitions).hasSize(DynamoDbLiabilityCounters.SHARDS);
        assertThat(itemsPerPartition.values()).allMatch(n -> n == 2);
        assertThat(itemsPerPartition.keySet()).allMatch(pk -> pk.matches("LB#" + shop.value() + "#\\d{2}"));
        assertThat(sharded.total(shop, Wallet.POINTS)).isEqualTo(expected);
        assertThat(sharded.expiring(shop, Wallet.POINTS, NOW, SOON)).isEqualTo(expected);
        assertThat(sharded.expiringUpTo(shop, Wallet.POINTS, SOON)).isEqualTo(expected);
        assertThat(sharded.expiring(shop, Wallet.POINTS, SOON, SOON.plusSeconds(60))).isZero();
    }

    @Test
    void failuresOfDynamoDbAreTypedExceptionsNeverSwallowed(DynamoDbLocal local) {
        DynamoDbLiabilityCounters missing = new DynamoDbLiabilityCounters(local.client(), "no-such-table");
        assertThatThrownBy(() -> missing.total(MerchantId.of("x"), Wallet.POINTS))
                .isInstanceOf(LiabilityCountersException.class)
                .hasCauseInstanceOf(ResourceNotFoundException.class);
        // the concurrent reads of a tally: the first failure, typed, without the library's message
        assertThatThrownBy(() -> missing.tally(MerchantId.of("x"), CutOffs.of(NOW, SOON)))
                .isInstanceOf(LiabilityCountersException.class)
                .hasCauseInstanceOf(ResourceNotFoundException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(e.getCause().getMessage())
                        .doesNotContainIgnoringCase("no-such-table"));
    }

    @Test
    void aTallyIsOneBatchGetAndOneQueryPerShardAndWalletKindSixteenInFlightAtOnce(DynamoDbLocal local) throws Exception {
        String table = local.createLedgerTable();
        int calls = 1 + 2 * DynamoDbLiabilityCounters.SHARDS;
        int slots = DynamoDbLiabilityCounters.MAX_IN_FLIGHT;
        // sequential reads would wait in the probe for its time-out: the first reads wait until as many as may be in
        // flight at once are sent
        InFlightProbe probe = new InFlightProbe(DynamoDbRequest.class, slots);
        try (var client = local.clientBuilder().overrideConfiguration(c -> c.addExecutionInterceptor(probe)).build()) {
            DynamoDbLiabilityCounters tallying = new DynamoDbLiabilityCounters(client, table);
            MerchantId shop = MerchantId.of("tally-" + java.util.UUID.randomUUID().toString().substring(0, 8));
            long started = System.nanoTime();
            LiabilityTally tally = tallying.tally(shop, CutOffs.of(NOW, SOON, LATER));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("no read waited for the time-out")
                    .isLessThan(Duration.ofSeconds(15));
            assertThat(tally.points()).isEqualTo(new LiabilityTally.Counts(0, List.of(0L, 0L, 0L)));
        }
        List<String> operations = probe.operations();
        assertThat(operations).hasSize(calls);
        assertThat(operations.stream().filter(o -> o.equals("BatchGetItemRequest")).count()).isEqualTo(1);
        assertThat(operations.stream().filter(o -> o.equals("QueryRequest")).count())
                .isEqualTo(2L * DynamoDbLiabilityCounters.SHARDS);
        assertThat(probe.most()).as("as many reads in flight as allowed, never more").isEqualTo(slots);
    }
}
