package com.memberpoints.bench.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.domain.bulk.BulkAssignments;
import com.memberpoints.domain.inmemory.InMemoryBulkJobQueue;
import com.memberpoints.domain.ledger.LedgerStore;
import com.memberpoints.domain.ledger.NotifyChoice;
import com.memberpoints.domain.member.MemberProfile;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.infra.dynamodb.DynamoDbBulkJobStore;
import com.memberpoints.infra.dynamodb.DynamoDbLedgerStore;
import com.memberpoints.infra.dynamodb.DynamoDbMemberStore;
import com.memberpoints.infra.dynamodb.DynamoDbMerchantStore;
import com.memberpoints.infra.dynamodb.DynamoDbSettingsStore;
import com.memberpoints.infra.dynamodb.LedgerTable;
import com.memberpoints.infra.testing.DynamoDbLocal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * Issue 15, row "bulk assignment per member vs a raw TransactWriteItems loop": one chunk of members credited by
 * {@link BulkAssignments#processChunk} over the DynamoDB adapters on DynamoDB Local, one member at a time (before)
 * and 8 at once (now), against a loop of one single-item conditional {@code TransactWriteItems} per member on the
 * same client. Members/s, ratios, load average printed; every run's credits checked.
 */
@com.memberpoints.bench.BenchOutput.File("bulk-throughput-benchmark.txt") // bench/perf-table reads it
class BulkThroughputBenchmarkIT {
    static final int MEMBERS = 400;
    static final AtomicInteger JOBS = new AtomicInteger();

    @Test
    void bulkChunkAgainstARawTransactionLoop() throws Exception {
        DynamoDbLocal local = DynamoDbLocal.shared();
        String table = local.createLedgerTable();
        DynamoDbClient client = local.client();
        MerchantId shop = MerchantId.of("bench-shop");
        Instant now = Instant.now();
        new DynamoDbMerchantStore(client, table).save(new Merchant(shop, "Bench Shop", Currency.getInstance("USD"),
                ZoneId.of("Asia/Taipei"), Locale.ENGLISH, Set.of(), false, true, Set.of()));
        DynamoDbMemberStore members = new DynamoDbMemberStore(client, table);
        List<MemberId> ids = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            MemberId id = MemberId.of("m-" + i);
            ids.add(id);
            members.upsert(new MemberProfile(shop, id, Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.of(Locale.ENGLISH), Optional.empty(), now));
        }
        // warm-up of every path (JIT, emulator)
        rawLoop(client, table, "warm", 50);
        run(client, table, shop, ids.subList(0, 50), 1, now);
        run(client, table, shop, ids.subList(0, 50), 8, now);

        double raw = rawLoop(client, table, "raw", MEMBERS);
        double sequential = run(client, table, shop, ids, 1, now);
        double concurrent = run(client, table, shop, ids, 8, now);
        double raw2 = rawLoop(client, table, "raw2", MEMBERS);
        double rawMedian = Math.max(raw, raw2);
        String load = Files.readString(Path.of("/proc/loadavg")).trim();
        System.out.printf("%n=== Bulk chunk of %d members on DynamoDB Local (one run, same client) ===%nload average: %s%n",
                MEMBERS, load);
        System.out.printf("%-52s %10s %16s%n", "path", "members/s", "time/member vs raw");
        System.out.printf("%-52s %10.0f %15.2fx%n", "raw TransactWriteItems loop (best of 2, 1 item each)", rawMedian, 1.0);
        System.out.printf("%-52s %10.0f %15.2fx%n", "processChunk, one member at a time (before)", sequential,
                rawMedian / sequential);
        System.out.printf("%-52s %10.0f %15.2fx%n", "processChunk, 8 at once (now)", concurrent, rawMedian / concurrent);
        System.out.printf("speed-up of the chunk: %.2fx%n", concurrent / sequential);
    }

    /** Members per second of one chunk job over {@code ids}. */
    static double run(DynamoDbClient client, String table, MerchantId shop, List<MemberId> ids, int parallelism,
                      Instant now) {
        InMemoryBulkJobQueue queue = new InMemoryBulkJobQueue();
        String jobKey = "bench-" + JOBS.incrementAndGet();
        // "before" (one at a time) is the old path: every credit reads its wallet first (the port's defaults).
        LedgerStore ledger = parallelism == 1 ? readFirst(new DynamoDbLedgerStore(client, table))
                : new DynamoDbLedgerStore(client, table);
        BulkAssignments bulk = new BulkAssignments(ledger,
                new DynamoDbMemberStore(client, table), new DynamoDbMerchantStore(client, table),
                new DynamoDbSettingsStore(client, table), new DynamoDbBulkJobStore(client, table), queue,
                Instant::now, () -> jobKey).withParallelism(parallelism);
        var started = bulk.start(shop, new BulkAssignments.Request(ids, 5, "bench", NotifyChoice.NONE,
                Optional.of(jobKey)), Actor.staff("bench"));
        assertThat(started).isInstanceOf(BulkAssignments.Outcome.Started.class);
        long t0 = System.nanoTime();
        int chunks = 0;
        for (var m = queue.poll(); m.isPresent(); m = queue.poll()) {
            assertThat(bulk.processChunk(m.get().merchant(), m.get().jobId(), m.get().chunk()))
                    .isEqualTo(BulkAssignments.ChunkRun.PROCESSED);
            chunks++;
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertThat(chunks).isPositive();
        return ids.size() / seconds;
    }

    /**
     * The ledger as the chunk used it before issue 15's last round: no batch read of the wallets, every credit reads
     * its own wallet ({@link LedgerStore}'s default {@code walletsOf} and {@code apply(command, expected)}).
     */
    static LedgerStore readFirst(DynamoDbLedgerStore store) {
        return (LedgerStore) java.lang.reflect.Proxy.newProxyInstance(LedgerStore.class.getClassLoader(),
                new Class<?>[] {LedgerStore.class}, (proxy, method, args) -> {
                    if (method.isDefault()) {
                        return java.lang.reflect.InvocationHandler.invokeDefault(proxy, method, args);
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** Members per second of a loop of single-item conditional transactions (a blind credit's floor). */
    static double rawLoop(DynamoDbClient client, String table, String tag, int n) {
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            Map<String, AttributeValue> item = Map.of(LedgerTable.PK, AttributeValue.fromS("RAW#" + tag + "#" + i),
                    LedgerTable.SK, AttributeValue.fromS("B#POINTS"), "b", AttributeValue.fromN("5"));
            client.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(TransactWriteItem.builder()
                    .put(Put.builder().tableName(table).item(item).conditionExpression("attribute_not_exists(pk)")
                            .build()).build()).build());
        }
        return n / ((System.nanoTime() - t0) / 1e9);
    }
}
