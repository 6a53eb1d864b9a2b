package com.memberpoints.bench.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.bench.capacity.CapacityMeter.Call;
import com.memberpoints.bench.capacity.CapacityMeter.IndexSpec;
import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.ledger.LedgerResult;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.infra.dynamodb.DynamoDbLedgerStore;
import com.memberpoints.infra.dynamodb.LedgerTable;
import com.memberpoints.infra.testing.DynamoDbLocal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Capacity of each ledger operation, computed from the items actually written and read through
 * the adapter (see {@link CapacityMeter} for the rules), printed as a table, and checked against
 * the budget: earn and redeem are one transaction of at most 3 items, each under 1 KB, with at most
 * one read before it; a quote needs at most one strongly consistent read of ledger data.
 *
 * <p>Two id profiles: typical ids, and every id at its maximum length (128 characters).
 */
class LedgerCapacityBenchmarkIT {
    static final Instant T0 = Instant.parse("2021-03-01T00:00:00Z");
    static final Optional<Instant> END_2021 = Optional.of(Instant.parse("2021-12-31T15:59:59Z"));
    static final Optional<Instant> END_2022 = Optional.of(Instant.parse("2022-12-31T15:59:59Z"));

    record Measured(String operation, List<Call> calls) {
        List<Call> readsBefore() {
            List<Call> out = new ArrayList<>();
            for (Call c : calls) {
                if (c.operation().startsWith("TransactWriteItems")) {
                    break;
                }
                if (c.operation().startsWith("GetItem") || c.operation().startsWith("Query")) {
                    out.add(c);
                }
            }
            return out;
        }

        List<Call> transactions() {
            return calls.stream().filter(c -> c.operation().startsWith("TransactWriteItems")).toList();
        }

        double readUnits() {
            return calls.stream().mapToDouble(Call::readUnits).sum();
        }

        long writeUnits() {
            return calls.stream().mapToLong(Call::writeUnits).sum();
        }

        long indexWriteUnits() {
            return calls.stream().mapToLong(Call::indexWriteUnits).sum();
        }

        long maxItemBytes() {
            return transactions().stream().mapToLong(Call::maxItemBytes).max().orElse(0);
        }
    }

    @Test
    void ledgerOperationsStayWithinTheCapacityBudget() {
        DynamoDbLocal local = DynamoDbLocal.shared();
        CapacityMeter meter = new CapacityMeter(LedgerTable.PK, LedgerTable.SK, List.of(
                new IndexSpec(LedgerTable.HISTORY_INDEX, LedgerTable.PK, LedgerTable.HISTORY_SK, true),
                new IndexSpec(LedgerTable.EXPIRY_INDEX, LedgerTable.EXPIRY_PK, LedgerTable.EXPIRY_SK, false),
                new IndexSpec(LedgerTable.HOLDS_INDEX, LedgerTable.HOLDS_PK, LedgerTable.HOLDS_SK, false)));
        String table = local.createLedgerTable();
        try (DynamoDbClient client = local.clientBuilder()
                .overrideConfiguration(c -> c.addExecutionInterceptor(meter)).build()) {
            DynamoDbLedgerStore store = new DynamoDbLedgerStore(client, table);
            StringBuilder report = new StringBuilder("\n=== Ledger capacity per operation (computed from item sizes) ===\n");
            report.append(String.format("%-9s %-30s %5s %6s %5s %6s %6s %6s %6s%n", "ids", "operation", "reads",
                    "RCU", "txItm", "maxB", "WCU", "idxWCU", "total"));
            for (boolean longIds : new boolean[] {false, true}) {
                List<Measured> measured = scenario(store, meter, longIds);
                for (Measured m : measured) {
                    report.append(String.format("%-9s %-30s %5d %6.1f %5d %6d %6d %6d %6d%n",
                            longIds ? "max-len" : "typical", m.operation(), m.readsBefore().size(), m.readUnits(),
                            m.transactions().stream().mapToInt(Call::items).sum(), maxWritten(m), m.writeUnits(),
                            m.indexWriteUnits(), m.writeUnits() + m.indexWriteUnits()));
                }
                checkBudget(measured);
            }
            report.append("reads = read calls before the write; RCU = strongly consistent read units of those reads;"
                    + " txItm = items in the TransactWriteItems; maxB = largest item written (bytes);\n"
                    + "WCU = base-table write units (transactions: 2 per started KB per item, billed even when"
                    + " cancelled); idxWCU = GSI/LSI maintenance; total = WCU + idxWCU\n");
            System.out.print(report);
        }
    }

    private static List<Measured> scenario(DynamoDbLedgerStore store, CapacityMeter meter, boolean longIds) {
        MerchantId shop = MerchantId.of(id(longIds, "shop-8f3a2c"));
        MemberId member = MemberId.of(id(longIds, "member-1029384756"));
        WalletRef points = WalletRef.points(shop, member);
        Actor staff = Actor.staff(id(longIds, "staff-42"));
        String reason = "x".repeat(LedgerCommand.MAX_REASON_LENGTH);
        // A member with points from two years, as after a year of shopping.
        store.apply(LedgerCommand.earn(shop, member, OrderId.of(id(longIds, "order-0001")), 500, END_2021, T0));
        store.apply(LedgerCommand.earn(shop, member, OrderId.of(id(longIds, "order-0002")), 400, END_2022, T0));
        meter.drain();

        List<Measured> out = new ArrayList<>();
        out.add(measure("earn", meter, () -> store.apply(
                LedgerCommand.earn(shop, member, OrderId.of(id(longIds, "order-0003")), 120, END_2022, T0))));
        out.add(measure("redeem (held)", meter, () -> store.apply(
                LedgerCommand.redeem(points, OrderId.of(id(longIds, "order-0004")), 600, true, T0))));
        out.add(measure("confirm hold", meter, () -> {
            store.confirmHold(points, OrderId.of(id(longIds, "order-0004")));
            return null;
        }));
        out.add(measure("manual add (200-char reason)", meter, () -> store.apply(LedgerCommand.manualAdd(points,
                id(longIds, "request-1"), 50, Optional.empty(), reason, staff, T0))));
        out.add(measure("manual deduct", meter, () -> store.apply(LedgerCommand.manualDeduct(points,
                id(longIds, "request-2"), 10, "correction", staff, T0))));
        out.add(measure("redeem revert", meter, () -> store.apply(LedgerCommand.revertRedemption(points,
                OrderId.of(id(longIds, "order-0004")), Actor.SYSTEM, T0))));
        out.add(measure("expire one lot", meter, () -> store.apply(LedgerCommand.expire(points, END_2021.get(),
                END_2021.get()))));
        out.add(measure("quote reads (both wallets)", meter, () -> store.wallets(shop, member)));
        out.add(measure("duplicate earn (no change)", meter, () -> store.apply(
                LedgerCommand.earn(shop, member, OrderId.of(id(longIds, "order-0003")), 120, END_2022, T0))));
        return out;
    }

    private static Measured measure(String name, CapacityMeter meter, Supplier<Object> operation) {
        Object result = operation.get();
        if (result instanceof LedgerResult r) {
            assertThat(r).as(name).isInstanceOfAny(LedgerResult.Applied.class, LedgerResult.Duplicate.class);
        }
        return new Measured(name, meter.drain());
    }

    private static long maxWritten(Measured m) {
        return m.calls().stream().filter(c -> c.writeUnits() > 0).mapToLong(Call::maxItemBytes).max().orElse(0);
    }

    private static void checkBudget(List<Measured> measured) {
        for (Measured m : measured) {
            if (m.operation().equals("earn") || m.operation().startsWith("redeem (held)")) {
                assertThat(m.transactions()).as(m.operation() + ": one transaction").hasSize(1);
                assertThat(m.transactions().getFirst().items()).as(m.operation() + ": at most 3 items").isLessThanOrEqualTo(3);
                assertThat(m.transactions().getFirst().itemBytes()).as(m.operation() + ": each item < 1 KB")
                        .allSatisfy(b -> assertThat(b).isLessThan(1024L));
                assertThat(m.readsBefore()).as(m.operation() + ": at most one read before").hasSizeLessThanOrEqualTo(1);
            }
            if (m.operation().startsWith("quote")) {
                assertThat(m.calls()).as("quote: one read").hasSize(1);
                assertThat(m.readUnits()).as("quote: one strongly consistent read unit").isLessThanOrEqualTo(1.0);
            }
            if (m.operation().startsWith("expire") || m.operation().startsWith("manual")) {
                assertThat(m.transactions()).as(m.operation() + ": one transaction").hasSize(1);
                assertThat(m.transactions().getFirst().itemBytes()).allSatisfy(b -> assertThat(b).isLessThan(1024L));
            }
        }
    }

    /** A typical id, or the same id padded to the maximum length of 128 characters. */
    private static String id(boolean longIds, String base) {
        return longIds ? (base + "-" + "z".repeat(128)).substring(0, 128) : base;
    }
}
