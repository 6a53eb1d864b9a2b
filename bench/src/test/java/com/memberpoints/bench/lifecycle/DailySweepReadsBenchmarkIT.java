package com.memberpoints.bench.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.ledger.LedgerResult;
import com.memberpoints.domain.ledger.LedgerStore;
import com.memberpoints.domain.sweep.LedgerSweeps;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.order.OrderLifecycle;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.domain.order.AssignmentScheduler;
import com.memberpoints.functions.platform.log.JsonLogger;
import com.memberpoints.functions.events.DailySweepHandler;
import com.memberpoints.functions.events.SweepSettings;
import com.memberpoints.infra.dynamodb.DynamoDbLedgerStore;
import com.memberpoints.infra.dynamodb.DynamoDbMemberStore;
import com.memberpoints.infra.dynamodb.DynamoDbMerchantStore;
import com.memberpoints.infra.dynamodb.DynamoDbOrderStore;
import com.memberpoints.infra.dynamodb.DynamoDbSettingsStore;
import com.memberpoints.infra.testing.DynamoDbLocal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import com.memberpoints.functions.platform.json.Json;

/**
 * The daily sweep, measured: 10,000 members hold points, 100 of them in lots expiring today. The sweep (the
 * real {@link DailySweepHandler} over the DynamoDB adapters on DynamoDB Local) must read about 100 ledger items,
 * not 10,000: it finds due lots through the expiry index. Items read are counted from the DynamoDB responses
 * ({@link ItemsReadCounter}) and printed.
 */
class DailySweepReadsBenchmarkIT {
    static final int MEMBERS = 10_000;
    static final int EXPIRING = 100;
    static final ZoneId ZONE = ZoneId.of("Asia/Taipei");

    @Test
    void theSweepReadsTheWalletsWithDueLotsNotEveryWallet() throws Exception {
        DynamoDbLocal local = DynamoDbLocal.shared();
        String table = local.createLedgerTable();
        ItemsReadCounter counter = new ItemsReadCounter();
        MerchantId shop = MerchantId.of("shop-1");
        LocalDate today = LocalDate.of(2024, 12, 31);
        Instant expiresToday = today.plusDays(1).atStartOfDay(ZONE).toInstant().minusSeconds(1);
        Instant nextYear = today.plusYears(1).plusDays(1).atStartOfDay(ZONE).toInstant().minusSeconds(1);
        Instant seededAt = today.minusMonths(6).atStartOfDay(ZONE).toInstant();
        try (DynamoDbClient client = local.clientBuilder()
                .overrideConfiguration(c -> c.addExecutionInterceptor(counter)).build()) {
            LedgerStore ledger = new DynamoDbLedgerStore(client, table);
            DynamoDbMerchantStore merchants = new DynamoDbMerchantStore(client, table);
            merchants.save(new Merchant(shop, "Shop One", Currency.getInstance("TWD"), ZONE, Locale.ENGLISH, Set.of(),
                    false, true, Set.of()));

            long seedStart = System.nanoTime();
            // The 100 wallets with a lot expiring today go through the adapter. The 9,900 others are copies of
            // one wallet written through the adapter (its items with the member id replaced), bulk-loaded with
            // BatchWriteItem: the same items the adapter writes, seeded in seconds instead of minutes.
            for (int i = 0; i < MEMBERS; i += MEMBERS / EXPIRING) {
                assertThat(ledger.apply(LedgerCommand.manualAdd(WalletRef.points(shop, MemberId.of(member(i))), "seed",
                        50, Optional.of(expiresToday), "seed", Actor.SYSTEM, seededAt)))
                        .isInstanceOf(LedgerResult.Applied.class);
            }
            String template = "tmplxq";
            assertThat(ledger.apply(LedgerCommand.manualAdd(WalletRef.points(shop, MemberId.of(template)), "seed", 50,
                    Optional.of(nextYear), "seed", Actor.SYSTEM, seededAt))).isInstanceOf(LedgerResult.Applied.class);
            List<Map<String, AttributeValue>> templateItems = client.scan(b -> b.tableName(table)).items().stream()
                    .filter(item -> item.values().stream().anyMatch(v -> v.s() != null && v.s().contains(template)))
                    .toList();
            assertThat(templateItems).isNotEmpty();
            List<WriteRequest> batch = new ArrayList<>();
            for (int i = 0; i < MEMBERS; i++) {
                if (i % (MEMBERS / EXPIRING) == 0) {
                    continue;
                }
                for (Map<String, AttributeValue> item : templateItems) {
                    Map<String, AttributeValue> copy = new HashMap<>();
                    for (var e : item.entrySet()) {
                        AttributeValue v = e.getValue();
                        copy.put(e.getKey(), v.s() != null
                                ? AttributeValue.fromS(v.s().replace(template, member(i))) : v);
                    }
                    batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(copy).build()).build());
                    if (batch.size() == 25) {
                        write(client, table, batch);
                        batch = new ArrayList<>();
                    }
                }
            }
            if (!batch.isEmpty()) {
                write(client, table, batch);
            }
            double seedSeconds = (System.nanoTime() - seedStart) / 1e9;

            OrderLifecycle lifecycle = new OrderLifecycle(new DynamoDbOrderStore(client, table), ledger,
                    new DynamoDbSettingsStore(client, table), merchants, new DynamoDbMemberStore(client, table),
                    new NoSchedules(), () -> expiresToday.plusSeconds(301));
            DailySweepHandler sweep = new DailySweepHandler(merchants, new LedgerSweeps(ledger), lifecycle,
                    () -> expiresToday.plusSeconds(301), SweepSettings.DEFAULTS, JsonLogger.discarding());

            counter.reset();
            long sweepStart = System.nanoTime();
            var report = sweep.sweep();
            double sweepSeconds = (System.nanoTime() - sweepStart) / 1e9;
            long itemsRead = counter.items.get();
            long readCalls = counter.calls.get();

            System.out.printf("%n=== Daily sweep reads (DynamoDB Local, %,d members, %,d with a lot expiring today) ===%n"
                            + "items read by the sweep: %,d in %,d read calls (%.1f items per expiring wallet);"
                            + " a scan of every wallet would read >= %,d%n"
                            + "sweep %.2f s; seeding %,d wallets %.1f s; report %s%n",
                    MEMBERS, EXPIRING, itemsRead, readCalls, itemsRead / (double) EXPIRING, MEMBERS, sweepSeconds,
                    MEMBERS, seedSeconds, Json.write(report));

            assertThat(Json.write(report)).contains("\"lotsExpired\":" + EXPIRING);
            // About 100: the index entries of the due wallets plus each wallet read before its expiry write.
            assertThat(itemsRead).isBetween((long) EXPIRING, 5L * EXPIRING);
            long expiredMembers = 0;
            for (int i = 0; i < MEMBERS; i += MEMBERS / EXPIRING) {
                expiredMembers += ledger.wallet(WalletRef.points(shop, MemberId.of(member(i)))).balance() == 0 ? 1 : 0;
            }
            assertThat(expiredMembers).isEqualTo(EXPIRING);
            assertThat(ledger.wallet(WalletRef.points(shop, MemberId.of(member(1)))).balance()).isEqualTo(50);
        }
    }

    static String member(int i) {
        return String.format("m%05d", i);
    }

    static void write(DynamoDbClient client, String table, List<WriteRequest> batch) {
        List<WriteRequest> pending = batch;
        while (!pending.isEmpty()) {
            var request = software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest.builder()
                    .requestItems(Map.of(table, pending)).build();
            pending = client.batchWriteItem(request).unprocessedItems().getOrDefault(table, List.of());
        }
    }

    /** The sweep never schedules; any call would be a bug. */
    static final class NoSchedules implements AssignmentScheduler {
        @Override
        public ScheduleOutcome schedule(MerchantId merchant, OrderId order, Instant dueAt, ZoneId zone) {
            throw new AssertionError("the sweep must not schedule");
        }

        @Override
        public CancelOutcome cancel(MerchantId merchant, OrderId order) {
            throw new AssertionError("the sweep must not cancel schedules");
        }
    }
}
