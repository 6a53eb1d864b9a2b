package com.memberpoints.bench.liability;

import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.bench.capacity.CapacityMeter;
import com.memberpoints.bench.startup.StartupBenchmark;
import com.memberpoints.domain.expiry.ExpiryCalculator;
import com.memberpoints.domain.inmemory.InMemoryLedgerStore;
import com.memberpoints.domain.ledger.JournalEntry;
import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.ledger.LedgerResult;
import com.memberpoints.domain.liability.LiabilityReport;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.domain.model.TimeSource;
import com.memberpoints.infra.dynamodb.DynamoDbLiabilityCounters;
import com.memberpoints.infra.dynamodb.DynamoDbMerchantStore;
import com.memberpoints.infra.dynamodb.DynamoDbSettingsStore;
import com.memberpoints.infra.dynamodb.LedgerTable;
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
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The liability report ({@code GET /v1/admin/reports/liability}) as its handler runs it — {@link LiabilityReport} over
 * the DynamoDB merchant, settings and counters adapters — on DynamoDB Local: DynamoDB calls, items and read units per
 * report (counted by {@link CapacityMeter} on the client), and the warm time per report (median of rounds), for an
 * empty store and for one whose counters hold {@value #MEMBERS} members' points and credits (expiry instants at local
 * day ends from 20 days ago to a year ahead, so every shard holds buckets before, inside and after the 90-day
 * window). Uses only what the report's callers use, so the same file measures any version of the adapters.
 */
@com.memberpoints.bench.BenchOutput.File("liability-report-benchmark.txt")
class LiabilityReportBenchmarkIT {
    static final int MEMBERS = 2_000;
    static final int WARM_UP = 5;
    static final int ROUNDS = 9;
    static final int PER_ROUND = 2;
    static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");

    @Test
    void warmReportCallsAndTime() {
        DynamoDbLocal local = DynamoDbLocal.shared();
        String table = local.createLedgerTable();
        CapacityMeter meter = new CapacityMeter(LedgerTable.PK, LedgerTable.SK, List.of());
        Instant now = Instant.now();
        StringBuilder out = new StringBuilder(String.format(
                "%n=== Liability report on DynamoDB Local (warm, medians of %d rounds x %d reports) ===%n", ROUNDS,
                PER_ROUND));
        out.append(String.format("%-34s %6s %6s %7s %9s  %s%n", "store", "calls", "items", "RCU", "ms/report",
                "load average (1/5/15 min)"));
        try (DynamoDbClient client = local.clientBuilder()
                .overrideConfiguration(c -> c.addExecutionInterceptor(meter)).build()) {
            DynamoDbMerchantStore merchants = new DynamoDbMerchantStore(client, table);
            DynamoDbLiabilityCounters counters = new DynamoDbLiabilityCounters(client, table);
            LiabilityReport report = new LiabilityReport(merchants, new DynamoDbSettingsStore(client, table), counters,
                    TimeSource.system());
            MerchantId empty = MerchantId.of("bench-empty");
            MerchantId busy = MerchantId.of("bench-busy");
            for (MerchantId shop : List.of(empty, busy)) {
                merchants.save(new Merchant(shop, "Bench", Currency.getInstance("TWD"), TAIPEI, Locale.ENGLISH,
                        Set.of(), true, true, Set.of()));
            }
            seed(counters, busy, now);
            List<Long> calls = new ArrayList<>();
            for (MerchantId shop : List.of(empty, busy)) {
                for (int i = 0; i < WARM_UP; i++) {
                    assertThat(report.report(shop)).isPresent();
                }
                meter.drain();
                LiabilityReport.Report r = report.report(shop).orElseThrow();
                List<CapacityMeter.Call> reads = meter.drain();
                double[] ms = new double[ROUNDS];
                for (int round = 0; round < ROUNDS; round++) {
                    long t0 = System.nanoTime();
                    for (int i = 0; i < PER_ROUND; i++) {
                        report.report(shop).orElseThrow();
                    }
                    ms[round] = (System.nanoTime() - t0) / 1e6 / PER_ROUND;
                }
                meter.drain();
                calls.add((long) reads.size());
                out.append(String.format("%-34s %6d %6d %7.1f %9.1f  %s%n",
                        shop == empty ? "empty (no counter items)" : MEMBERS + " members, 2 wallet kinds",
                        reads.size(), reads.stream().mapToInt(CapacityMeter.Call::items).sum(),
                        reads.stream().mapToDouble(CapacityMeter.Call::readUnits).sum(), StartupBenchmark.median(ms),
                        StartupBenchmark.loadAverage()));
                out.append(String.format("  figures: points %s, credits %s%n", r.points(), r.credits()));
                if (shop == busy) {
                    assertThat(r.points().expiring90()).isPositive();
                    assertThat(r.points().expiredAwaitingSweep()).isPositive();
                    assertThat(r.credits().outstanding()).isPositive();
                }
            }
            assertThat(calls.get(1)).as("a report makes the same calls whatever the counters hold").isEqualTo(calls.get(0));
        }
        out.append("calls = DynamoDB calls of one report (merchant, settings, counters; BatchGetItem items not counted in"
                + " items); RCU = strongly consistent read units of the Queries and GetItems\n");
        System.out.print(out);
    }

    /** Each member earns points and gets credits expiring at the end of a local day, -20 .. +365 days from today. */
    private static void seed(DynamoDbLiabilityCounters counters, MerchantId shop, Instant now) {
        InMemoryLedgerStore ledger = new InMemoryLedgerStore();
        LocalDate today = LocalDate.ofInstant(now, TAIPEI);
        List<JournalEntry> entries = new ArrayList<>();
        for (int m = 0; m < MEMBERS; m++) {
            MemberId member = MemberId.of("member-" + m);
            Optional<Instant> expiry = Optional.of(ExpiryCalculator.endOfLocalDay(today.plusDays(m % 386 - 20), TAIPEI));
            entries.add(entry(ledger, LedgerCommand.earn(shop, member, OrderId.of("o-" + m), 100 + m % 7, expiry, now)));
            entries.add(entry(ledger, LedgerCommand.rewardCredit(shop, member, OrderId.of("o-" + m), 250, expiry, now)));
        }
        for (int from = 0; from < entries.size(); from += 100) {
            counters.recordAll(entries.subList(from, Math.min(entries.size(), from + 100)));
        }
    }

    private static JournalEntry entry(InMemoryLedgerStore ledger, LedgerCommand command) {
        return ((LedgerResult.Applied) ledger.apply(command)).entry();
    }
}
