package com.memberpoints.bench.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.bench.capacity.CapacityMeter.Call;
import com.memberpoints.domain.liability.LiabilityReport;
import com.memberpoints.domain.inmemory.InMemoryMerchantStore;
import com.memberpoints.domain.inmemory.InMemorySettingsStore;
import com.memberpoints.domain.inmemory.InMemoryLedgerStore;
import com.memberpoints.domain.ledger.JournalEntry;
import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.ledger.LedgerResult;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.infra.dynamodb.DynamoDbLiabilityCounters;
import com.memberpoints.infra.dynamodb.LedgerTable;
import com.memberpoints.infra.testing.DynamoDbLocal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Capacity of the liability counters (the stream consumer's writes, off the ledger's transaction) and of one
 * liability report, computed from item sizes ({@link CapacityMeter}), printed, and checked: counting an earn is
 * one transaction of at most 3 items, and a report makes the same calls for 200 members as for 1,000 and reads at
 * most one item per shard, wallet kind and (total or expiry instant) — it never grows with the membership. (Since the
 * counters are sharded in the partition key, issue 16, a small store may not yet have an item on every shard, so
 * the items read can grow with the membership up to that bound, never beyond.)
 */
class LiabilityCapacityBenchmarkIT {
    static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");
    static final Optional<Instant> END_2026 = Optional.of(Instant.parse("2026-12-31T15:59:59Z"));
    static final Optional<Instant> END_2027 = Optional.of(Instant.parse("2027-12-31T15:59:59Z"));

    @Test
    void countingStaysSmallAndAReportDoesNotGrowWithMembers() {
        DynamoDbLocal local = DynamoDbLocal.shared();
        CapacityMeter meter = new CapacityMeter(LedgerTable.PK, LedgerTable.SK, List.of());
        String table = local.createLedgerTable();
        StringBuilder out = new StringBuilder("\n=== Liability counters: capacity (computed from item sizes) ===\n");
        out.append(String.format("%-40s %5s %5s %6s %6s %6s%n", "operation", "calls", "txItm", "maxB", "WCU", "RCU"));
        try (DynamoDbClient client = local.clientBuilder()
                .overrideConfiguration(c -> c.addExecutionInterceptor(meter)).build()) {
            DynamoDbLiabilityCounters counters = new DynamoDbLiabilityCounters(client, table);
            InMemoryLedgerStore ledger = new InMemoryLedgerStore();
            MerchantId shop = MerchantId.of("shop-8f3a2c");
            MemberId amy = MemberId.of("member-1029384756");
            WalletRef points = WalletRef.points(shop, amy);

            JournalEntry earn = entry(ledger, LedgerCommand.earn(shop, amy, OrderId.of("order-0001"), 500, END_2026, NOW));
            List<Call> c = count(counters, meter, earn);
            row(out, "count an earn (one expiry)", c);
            assertThat(c).singleElement().satisfies(t -> assertThat(t.items()).isLessThanOrEqualTo(3));
            row(out, "count a second earn (other expiry)", count(counters, meter,
                    entry(ledger, LedgerCommand.earn(shop, amy, OrderId.of("order-0002"), 400, END_2027, NOW))));
            row(out, "count a never-expiring manual add", count(counters, meter, entry(ledger,
                    LedgerCommand.manualAdd(points, "request-1", 50, Optional.empty(), "gift", Actor.staff("s"), NOW))));
            row(out, "count a redemption across two lots", count(counters, meter,
                    entry(ledger, LedgerCommand.redeem(points, OrderId.of("order-0003"), 700, false, NOW))));
            WalletRef ben = WalletRef.points(shop, MemberId.of("member-5647382910"));
            counters.record(entry(ledger, LedgerCommand.earn(shop, ben.member(), OrderId.of("order-0004"), 80, END_2026,
                    NOW)));
            row(out, "count an expiry", count(counters, meter, entry(ledger,
                    LedgerCommand.expire(ben, END_2026.get(), END_2026.get().plusSeconds(1)))));
            List<Call> dup = count(counters, meter, earn);
            row(out, "repeat of a counted entry (cancelled)", dup);
            assertThat(dup).singleElement().satisfies(t -> assertThat(t.operation()).contains("cancelled"));

            InMemoryMerchantStore merchants = new InMemoryMerchantStore();
            merchants.save(new Merchant(shop, "Shop", Currency.getInstance("TWD"), ZoneId.of("Asia/Taipei"),
                    Locale.ENGLISH, Set.of(), true, true, Set.of()));
            LiabilityReport report = new LiabilityReport(merchants, new InMemorySettingsStore(), counters, () -> NOW);
            int[] sizes = {200, 1_000};
            long[] itemsRead = new long[sizes.length];
            long[] callsMade = new long[sizes.length];
            int seeded = 0;
            for (int i = 0; i < sizes.length; i++) {
                for (; seeded < sizes[i]; seeded++) {
                    MemberId m = MemberId.of("member-" + seeded);
                    counters.record(entry(ledger, LedgerCommand.earn(shop, m, OrderId.of("o-" + seeded), 100,
                            seeded % 2 == 0 ? END_2026 : END_2027, NOW)));
                    counters.record(entry(ledger, LedgerCommand.rewardCredit(shop, m, OrderId.of("o-" + seeded), 250,
                            END_2026, NOW)));
                }
                meter.drain();
                assertThat(report.report(shop)).isPresent();
                List<Call> reads = meter.drain();
                itemsRead[i] = reads.stream().mapToLong(Call::items).sum();
                callsMade[i] = reads.size();
                row(out, "report with " + sizes[i] + " members", reads);
            }
            assertThat(callsMade[1]).as("a report makes as many calls for 1,000 members as for 200")
                    .isEqualTo(callsMade[0]);
            // 32 shards x 2 wallet kinds x (1 total + 2 expiry instants): the most a report can read here
            long bound = 32L * 2 * (1 + 2);
            assertThat(itemsRead[0]).isLessThanOrEqualTo(bound);
            assertThat(itemsRead[1]).isLessThanOrEqualTo(bound);
        }
        out.append("calls = DynamoDB calls; txItm = items in the transactions; maxB = largest item (bytes);"
                + " WCU = transactional write units (2 per started KB per item, billed when cancelled too);"
                + " RCU = strongly consistent read units\n");
        System.out.print(out);
    }

    private static JournalEntry entry(InMemoryLedgerStore ledger, LedgerCommand command) {
        LedgerResult r = ledger.apply(command);
        return ((LedgerResult.Applied) r).entry();
    }

    private static List<Call> count(DynamoDbLiabilityCounters counters, CapacityMeter meter, JournalEntry entry) {
        meter.drain();
        counters.record(entry);
        return meter.drain();
    }

    private static void row(StringBuilder out, String name, List<Call> calls) {
        out.append(String.format("%-40s %5d %5d %6d %6d %6.1f%n", name, calls.size(),
                calls.stream().filter(c -> c.operation().startsWith("TransactWriteItems")).mapToInt(Call::items).sum(),
                calls.stream().mapToLong(Call::maxItemBytes).max().orElse(0),
                calls.stream().mapToLong(Call::writeUnits).sum(),
                calls.stream().mapToDouble(Call::readUnits).sum()));
    }
}
