package com.memberpoints.bench.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.bench.capacity.CapacityMeter;
import com.memberpoints.bench.capacity.CapacityMeter.Call;
import com.memberpoints.bench.capacity.CapacityMeter.IndexSpec;
import com.memberpoints.domain.checkout.Cart;
import com.memberpoints.domain.checkout.CheckoutService;
import com.memberpoints.domain.checkout.PointsRequest;
import com.memberpoints.domain.inmemory.InMemoryAssignmentScheduler;
import com.memberpoints.domain.ledger.JournalEntry;
import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.merchant.CachingMerchantStore;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.Money;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.domain.model.SalesChannel;
import com.memberpoints.domain.model.TimeSource;
import com.memberpoints.domain.order.OrderLifecycle;
import com.memberpoints.domain.settings.AssignmentPolicy;
import com.memberpoints.domain.settings.CachingSettingsStore;
import com.memberpoints.domain.settings.Channels;
import com.memberpoints.domain.settings.CreditRule;
import com.memberpoints.domain.settings.CreditType;
import com.memberpoints.domain.settings.CreditValidity;
import com.memberpoints.domain.settings.EarnRate;
import com.memberpoints.domain.settings.EarnRule;
import com.memberpoints.domain.settings.ExpiryPolicy;
import com.memberpoints.domain.settings.MerchantSettings;
import com.memberpoints.domain.settings.OrderRewardCredits;
import com.memberpoints.domain.settings.PointsProgram;
import com.memberpoints.domain.settings.RedeemCap;
import com.memberpoints.domain.settings.RedeemRule;
import com.memberpoints.domain.settings.SettingsStore;
import com.memberpoints.functions.events.OrderEventsHandler;
import com.memberpoints.functions.events.ScheduledAssignmentHandler;
import com.memberpoints.functions.platform.json.Json;
import com.memberpoints.functions.platform.log.JsonLogger;
import com.memberpoints.infra.dynamodb.DynamoDbLedgerStore;
import com.memberpoints.infra.dynamodb.DynamoDbLiabilityCounters;
import com.memberpoints.infra.dynamodb.DynamoDbMemberStore;
import com.memberpoints.infra.dynamodb.DynamoDbMerchantStore;
import com.memberpoints.infra.dynamodb.DynamoDbOrderStore;
import com.memberpoints.infra.dynamodb.DynamoDbSettingsStore;
import com.memberpoints.infra.dynamodb.LedgerTable;
import com.memberpoints.infra.testing.DynamoDbLocal;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What one order costs in DynamoDB: its whole life (quote, redemption, OrderPlaced, OrderPaid, OrderDeliveryStatusChanged
 * COLLECTED, the scheduled assignment) through the real services and event handlers on DynamoDB Local, with the
 * merchant and settings caches warm (a warm container: the first order is run once before measuring). Capacity is
 * computed from item sizes by {@link CapacityMeter} (DynamoDB Local misreports it for transactions). The liability
 * stream's counting is metered on a second client: every journal entry the order wrote, recorded once.
 *
 * <p>Two orders: one with a checkout redemption (the path) and one without (most orders).
 */
class OrderCostBenchmarkIT {
    static final double RRU_PRICE = 0.125;   // $ per million read request units, on-demand, us-east-1
    static final double WRU_PRICE = 0.625;   // $ per million write request units
    static final double LAMBDA_REQUEST_PRICE = 0.20;        // $ per million requests
    static final double LAMBDA_GB_SECOND_PRICE = 0.0000133334; // arm64, $ per GB-s
    static final double ASSUMED_WARM_MS = 20;                // billed duration per warm invocation (assumption)
    static final double MEMORY_GB = 1.0;                     // template.yaml Globals MemorySize 1024

    static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");
    final MerchantId shop = MerchantId.of("shop-8f3a2c");
    final MemberId mei = MemberId.of("member-1029384756");
    Instant now = Instant.parse("2026-11-29T02:00:00Z");

    record Step(String name, List<Call> calls) {
        double rcu() { return calls.stream().mapToDouble(Call::readUnits).sum(); }
        long wcu() { return calls.stream().mapToLong(Call::writeUnits).sum(); }
        long indexWcu() { return calls.stream().mapToLong(Call::indexWriteUnits).sum(); }
    }

    @Test
    void oneOrdersLifeCostsAtMostTheMeasuredUnits() {
        DynamoDbLocal local = DynamoDbLocal.shared();
        CapacityMeter meter = new CapacityMeter(LedgerTable.PK, LedgerTable.SK, List.of(
                new IndexSpec(LedgerTable.HISTORY_INDEX, LedgerTable.PK, LedgerTable.HISTORY_SK, true),
                new IndexSpec(LedgerTable.EXPIRY_INDEX, LedgerTable.EXPIRY_PK, LedgerTable.EXPIRY_SK, false),
                new IndexSpec(LedgerTable.HOLDS_INDEX, LedgerTable.HOLDS_PK, LedgerTable.HOLDS_SK, false),
                new IndexSpec(LedgerTable.DUE_INDEX, LedgerTable.DUE_PK, LedgerTable.DUE_SK, false),
                new IndexSpec(LedgerTable.PLACED_INDEX, LedgerTable.PLACED_PK, LedgerTable.PLACED_SK, false),
                new IndexSpec(LedgerTable.PENDING_INDEX, LedgerTable.PENDING_PK, LedgerTable.PENDING_SK, false)));
        CapacityMeter counterMeter = new CapacityMeter(LedgerTable.PK, LedgerTable.SK, List.of());
        String table = local.createLedgerTable();
        StringBuilder out = new StringBuilder();
        try (DynamoDbClient client = local.clientBuilder().overrideConfiguration(c -> c.addExecutionInterceptor(meter)).build();
             DynamoDbClient counterClient = local.clientBuilder()
                     .overrideConfiguration(c -> c.addExecutionInterceptor(counterMeter)).build()) {
            DynamoDbLedgerStore ledger = new DynamoDbLedgerStore(client, table);
            DynamoDbMerchantStore merchantStore = new DynamoDbMerchantStore(client, table);
            DynamoDbSettingsStore settingsStore = new DynamoDbSettingsStore(client, table);
            Merchant merchant = new Merchant(shop, "Shop One", Currency.getInstance("TWD"), TAIPEI, Locale.ENGLISH,
                    Set.of(), false, true, Set.of());
            merchantStore.save(merchant);
            settingsStore.save(shop, settings(), 0, new SettingsStore.ChangeLogEntry(Actor.SYSTEM, now, List.of()));
            TimeSource clock = () -> now;
            var merchants = new CachingMerchantStore(merchantStore, Duration.ofSeconds(30), clock);
            var settings = new CachingSettingsStore(settingsStore, Duration.ofSeconds(30), clock);
            DynamoDbMemberStore members = new DynamoDbMemberStore(client, table);
            CheckoutService checkout = new CheckoutService(ledger, settings, merchants, members, clock);
            OrderLifecycle lifecycle = new OrderLifecycle(new DynamoDbOrderStore(client, table), ledger, settings,
                    merchants, members, new InMemoryAssignmentScheduler(), clock);
            OrderEventsHandler events = new OrderEventsHandler(lifecycle, JsonLogger.discarding());
            ScheduledAssignmentHandler assignments = new ScheduledAssignmentHandler(lifecycle, JsonLogger.discarding());
            DynamoDbLiabilityCounters counters = new DynamoDbLiabilityCounters(counterClient, table);
            ledger.apply(LedgerCommand.manualAdd(WalletRef.points(shop, mei), "seed", 5_000, Optional.empty(), "seed",
                    Actor.SYSTEM, now));
            Instant start = now;
            life(checkout, events, assignments, merchant, "order-warm-0001", true, meter); // warms the caches
            meter.drain();

            String load = loadAverage();
            out.append("\n=== One order's life: DynamoDB calls and capacity (computed from item sizes) ===\n")
                    .append("load average (1/5/15 min): ").append(load).append('\n');
            for (boolean redeemed : List.of(true, false)) {
                now = start;
                String id = redeemed ? "order-5551234567" : "order-5551234568";
                List<Step> steps = life(checkout, events, assignments, merchant, id, redeemed, meter);
                counterMeter.drain();
                List<JournalEntry> entries = ledger.entriesForOrder(shop, mei, OrderId.of(id));
                for (JournalEntry e : entries) {
                    counters.record(e);
                }
                long counterWcu = counterMeter.drain().stream().mapToLong(Call::writeUnits).sum();
                report(out, redeemed ? "order WITH a checkout redemption" : "order WITHOUT a redemption", steps,
                        counterWcu);
                busyStream(out, entries, counters, counterMeter, steps);
                assertThat(steps.stream().mapToLong(Step::wcu).sum()).isPositive();
                Step placed = steps.stream().filter(s -> s.name().equals("OrderPlaced")).findFirst().orElseThrow();
                // A hold is confirmed only where the order redeemed: no conditional delete that must fail.
                assertThat(placed.calls()).noneMatch(c -> c.operation().contains("condition failed"));
                assertThat(placed.calls().stream().filter(c -> c.operation().startsWith("DeleteItem")).count())
                        .isEqualTo(redeemed ? 1 : 0);
            }
        }
        System.out.println(out);
        try {
            Path file = Path.of("target", "order-cost-benchmark.txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Orders like this one whose entries one busy stream batch counts together (100 entries for two per order). */
    static final int BUSY_ORDERS = 50;

    /**
     * The same counting on a busy stream: the entries of {@value #BUSY_ORDERS} orders shaped like this one (same kinds,
     * amounts and expiries; other members) counted as the stream consumer counts one batch
     * ({@code LiabilityCounters.recordAll}); the order's figures beside it with that counting instead.
     */
    private void busyStream(StringBuilder out, List<JournalEntry> entries, DynamoDbLiabilityCounters counters,
                            CapacityMeter counterMeter, List<Step> steps) {
        com.memberpoints.domain.inmemory.InMemoryLedgerStore twin = new com.memberpoints.domain.inmemory.InMemoryLedgerStore();
        List<JournalEntry> batch = new ArrayList<>();
        for (int i = 0; i < BUSY_ORDERS; i++) {
            MemberId member = MemberId.of("busy-" + i);
            OrderId order = OrderId.of("busy-order-" + i);
            for (JournalEntry e : entries) {
                Optional<Instant> expiry = e.lots().isEmpty() ? Optional.empty() : e.lots().getFirst().expiresAt();
                LedgerCommand c = switch (e.kind()) {
                    case EARN -> LedgerCommand.earn(shop, member, order, e.delta(), expiry, e.at());
                    case REWARD_CREDIT -> LedgerCommand.rewardCredit(shop, member, order, e.delta(), expiry, e.at());
                    default -> null; // a redemption's entries: the busy figure is for orders without one
                };
                if (c != null && twin.apply(c) instanceof com.memberpoints.domain.ledger.LedgerResult.Applied a) {
                    batch.add(a.entry());
                }
            }
        }
        if (batch.size() != BUSY_ORDERS * entries.size()) {
            return; // not this order's shape (it redeemed)
        }
        counterMeter.drain();
        assertThat(counters.recordAll(batch)).containsOnly(true);
        long busyWcu = counterMeter.drain().stream().mapToLong(Call::writeUnits).sum();
        double perOrder = (double) busyWcu / BUSY_ORDERS;
        double rcu = steps.stream().mapToDouble(Step::rcu).sum();
        long tableAndIndex = steps.stream().mapToLong(st -> st.wcu() + st.indexWcu()).sum();
        double all = tableAndIndex + perOrder;
        double dynamo = rcu * RRU_PRICE + all * WRU_PRICE;
        out.append(String.format("busy stream (one batch of %d entries = %d such orders, counted together): counting "
                        + "%.2f WCU per order; all writes %.2f WCU; DynamoDB $%.2f per 1M orders (≤ $15: %s)%n",
                batch.size(), BUSY_ORDERS, perOrder, all, dynamo, dynamo <= 15 ? "met" : "NOT met"));
    }

    private List<Step> life(CheckoutService checkout, OrderEventsHandler events, ScheduledAssignmentHandler assignments,
                            Merchant merchant, String id, boolean redeem, CapacityMeter meter) {
        Money zero = new Money(BigDecimal.ZERO.setScale(2), merchant.currency());
        Cart cart = new Cart(List.of(new Cart.Item(new Money(new BigDecimal("300.00"), merchant.currency()), false)),
                zero, zero, zero, zero, SalesChannel.ONLINE);
        List<Step> steps = new ArrayList<>();
        meter.drain();
        checkout.quote(checkout.merchant(shop), mei, cart, redeem ? PointsRequest.exactly(200) : PointsRequest.exactly(0));
        steps.add(new Step("quote", meter.drain()));
        if (redeem) {
            checkout.redeem(checkout.merchant(shop), mei, OrderId.of(id), cart, PointsRequest.exactly(200));
            steps.add(new Step("redemption (hold)", meter.drain()));
        }
        String amounts = redeem ? "\"itemSubtotal\":\"300.00\",\"redeemedPoints\":200,\"pointDiscount\":\"20.00\""
                : "\"itemSubtotal\":\"300.00\"";
        send(events, "OrderPlaced", "{\"merchantId\":\"" + shop.value() + "\",\"orderId\":\"" + id + "\",\"memberId\":\""
                + mei.value() + "\",\"checkout\":\"MEMBER_LOGGED_IN\",\"channel\":\"ONLINE\",\"amounts\":{\"currency\":"
                + "\"TWD\"," + amounts + "},\"placedAt\":\"" + now + "\"}");
        steps.add(new Step("OrderPlaced", meter.drain()));
        send(events, "OrderPaid", "{\"merchantId\":\"" + shop.value() + "\",\"orderId\":\"" + id + "\",\"paidAt\":\""
                + now + "\"}");
        steps.add(new Step("OrderPaid", meter.drain()));
        now = now.plus(Duration.ofDays(2));
        send(events, "OrderDeliveryStatusChanged", "{\"merchantId\":\"" + shop.value() + "\",\"orderId\":\"" + id
                + "\",\"status\":\"COLLECTED\",\"changedAt\":\"" + now + "\"}");
        steps.add(new Step("OrderDeliveryStatusChanged COLLECTED", meter.drain()));
        now = now.plus(Duration.ofDays(4));
        assignments.handle("{\"merchantId\":\"" + shop.value() + "\",\"orderId\":\"" + id + "\"}");
        steps.add(new Step("scheduled assignment", meter.drain()));
        return steps;
    }

    private static void report(StringBuilder out, String title, List<Step> steps, long counterWcu) {
        out.append("\n-- ").append(title).append(" --\n")
                .append(String.format("%-38s %5s %6s %5s %8s  %s%n", "step", "calls", "RCU", "WCU", "idxWCU", "calls"));
        int calls = 0;
        double rcu = 0;
        long wcu = 0;
        long idx = 0;
        for (Step s : steps) {
            out.append(String.format("%-38s %5d %6.1f %5d %8d  %s%n", s.name(), s.calls().size(), s.rcu(), s.wcu(),
                    s.indexWcu(), s.calls().stream().map(Call::operation).toList()));
            calls += s.calls().size();
            rcu += s.rcu();
            wcu += s.wcu();
            idx += s.indexWcu();
        }
        long allWcu = wcu + idx + counterWcu;
        out.append(String.format("%-38s %5d %6.1f %5d %8d%n", "TOTAL per order", calls, rcu, wcu, idx))
                .append(String.format("liability-stream counting: +%d WCU; all writes %d WCU (table %d + index %d + counters %d)%n",
                        counterWcu, allWcu, wcu, idx, counterWcu));
        double dynamo = rcu * RRU_PRICE + allWcu * WRU_PRICE;
        int invocations = steps.size();
        double lambda = invocations * LAMBDA_REQUEST_PRICE
                + invocations * ASSUMED_WARM_MS / 1000 * MEMORY_GB * LAMBDA_GB_SECOND_PRICE * 1_000_000;
        out.append(String.format("per 1M orders: DynamoDB $%.2f (reads $%.2f + writes $%.2f); Lambda ≈ $%.2f "
                        + "(%d invocations × ($0.20/M + %.0f ms × %.0f GB arm64), stream and scheduler aside)%n",
                dynamo, rcu * RRU_PRICE, allWcu * WRU_PRICE, lambda, invocations, ASSUMED_WARM_MS, MEMORY_GB))
                .append(String.format("aims: WCU with counters %d (≤ 12: %s), RCU %.1f (≤ 10: %s), DynamoDB $%.2f/1M (≤ $15: %s)%n",
                        allWcu, allWcu <= 12 ? "met" : "NOT met", rcu, rcu <= 10 ? "met" : "NOT met", dynamo,
                        dynamo <= 15 ? "met" : "NOT met"));
    }

    private static void send(OrderEventsHandler events, String type, String detail) {
        String out = Json.write(events.handle("{\"source\":\"commerce.platform\",\"detail-type\":\"" + type
                + "\",\"detail\":" + detail + "}"));
        assertThat(out).contains("\"result\":\"applied\"");
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (java.io.IOException e) {
            return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private MerchantSettings settings() {
        return MerchantSettings.of(1,
                new PointsProgram(true, new EarnRule(true, EarnRate.of("10.00", 1)), Channels.DEFAULT,
                        ExpiryPolicy.annual(12, 31), AssignmentPolicy.afterDelivery(3)),
                new RedeemRule(true, 10, BigDecimal.ZERO, RedeemCap.NONE), List.of(),
                new OrderRewardCredits(true, new CreditRule(new BigDecimal("100"), CreditType.fixed("10", true),
                        CreditValidity.NEVER)), Map.of());
    }
}
