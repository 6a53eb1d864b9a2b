package com.memberpoints.bench.scale;

import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.domain.bulk.BulkAssignments;
import com.memberpoints.domain.inmemory.InMemoryBulkJobQueue;
import com.memberpoints.domain.inmemory.InMemoryAssignmentScheduler;
import com.memberpoints.domain.ledger.JournalEntry;
import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.sweep.DailySweep;
import com.memberpoints.domain.sweep.ExpiryFanOut;
import com.memberpoints.domain.sweep.ExpiryWalk;
import com.memberpoints.domain.sweep.ExpiryWalkQueue;
import com.memberpoints.domain.sweep.ExpiryWalker;
import com.memberpoints.domain.sweep.LedgerSweeps;
import com.memberpoints.domain.ledger.NotifyChoice;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.order.AssignmentWindow;
import com.memberpoints.domain.order.OrderLifecycle;
import com.memberpoints.domain.member.MemberProfile;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.domain.model.StaffId;
import com.memberpoints.domain.notify.NotificationDispatcher;
import com.memberpoints.domain.notify.RateLimiter;
import com.memberpoints.domain.notify.DeliveryResult;
import com.memberpoints.domain.notify.EmailSender;
import com.memberpoints.domain.settings.SettingsStore;
import com.memberpoints.domain.settings.CachingSettingsStore;
import com.memberpoints.domain.merchant.CachingMerchantStore;
import com.memberpoints.domain.merchant.MerchantStore;
import com.memberpoints.domain.notify.SmsSender;
import com.memberpoints.domain.settings.AssignmentPolicy;
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
import com.memberpoints.functions.platform.json.Json;
import com.memberpoints.functions.platform.log.JsonLogger;
import com.memberpoints.functions.events.DailySweepHandler;
import com.memberpoints.functions.events.OrderEventsHandler;
import com.memberpoints.functions.events.ScheduledAssignmentHandler;
import com.memberpoints.functions.events.SweepSettings;
import com.memberpoints.infra.dynamodb.DynamoDbBulkJobStore;
import com.memberpoints.infra.dynamodb.DynamoDbDeliveryStore;
import com.memberpoints.infra.dynamodb.DynamoDbExpiryWalkClaims;
import com.memberpoints.infra.dynamodb.DynamoDbLedgerStore;
import com.memberpoints.infra.dynamodb.DynamoDbLiabilityCounters;
import com.memberpoints.infra.dynamodb.DynamoDbMemberStore;
import com.memberpoints.infra.dynamodb.DynamoDbMerchantStore;
import com.memberpoints.infra.dynamodb.DynamoDbOrderStore;
import com.memberpoints.infra.dynamodb.DynamoDbSettingsStore;
import com.memberpoints.infra.testing.DynamoDbLocal;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Simulation of the four load shapes of docs/scale.md ("Internet scale"), scaled down, through the real handlers,
 * domain services and DynamoDB adapters on DynamoDB Local. {@link KeyTraffic} records the capacity each partition
 * key takes per virtual second; {@link ScaleReport} extrapolates to the target with the model of docs/scale.md and
 * prints, per key family and per AWS limit, the peak at the target, the limit and a verdict. Figures, not a timed
 * test: the assertions check the model's inputs (calls and index writes per order, per assignment, per expiry).
 *
 * <p>Run: {@code ./mvnw -B -ntp -q -pl bench -am verify -Pbench -Dit.test=ScaleSimulationBenchmarkIT}
 */
class ScaleSimulationBenchmarkIT {
    static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");
    static final MerchantId SHOP = MerchantId.of("shop-1");
    /** Modelled DynamoDB round trip (single-digit milliseconds) and Lambda overhead per invocation. */
    static final Duration CALL_LATENCY = Duration.ofMillis(8);
    static final double INVOCATION_OVERHEAD_MS = 10;

    // AWS limits (sources in docs/scale.md)
    static final double SCHEDULER_INVOCATIONS_TPS = 1_000;
    static final double LAMBDA_ACCOUNT_CONCURRENCY = 1_000;
    static final double SES_PRODUCTION_RATE = 14;
    static final double SES_SANDBOX_RATE = 1;
    static final int SES_SANDBOX_PER_DAY = 200;
    static final double SNS_SMS_RATE = 20; // template SmsMaxSendRate default; the account's real rate varies
    static final double SQS_MAX_CONCURRENCY = 10; // template: BulkAssignmentWorker ScalingConfig.MaximumConcurrency
    static final int SWEEP_MAX_ITEMS = SweepSettings.DEFAULTS.maxItems();

    static Instant local(int y, int m, int d, int h, int min, int s) {
        return LocalDateTime.of(y, m, d, h, min, s).atZone(TAIPEI).toInstant();
    }

    /** One shape's wiring: a fresh table, the metered client, every store and handler. */
    static final class World {
        final SimClock clock = new SimClock(local(2021, 11, 29, 10, 0, 0));
        final KeyTraffic traffic = new KeyTraffic(clock);
        final DynamoDbClient client;
        final String table;
        final DynamoDbLedgerStore ledger;
        final DynamoDbOrderStore orders;
        final DynamoDbSettingsStore settings;
        final DynamoDbMerchantStore merchants;
        /** As Lambda reads them (Wiring): merchant and settings cached per container, 30 s; the sim is one container. */
        final SettingsStore cachedSettings;
        final MerchantStore cachedMerchants;
        final DynamoDbMemberStore members;
        final DynamoDbLiabilityCounters counters;
        final InMemoryAssignmentScheduler scheduler = new InMemoryAssignmentScheduler();
        final OrderLifecycle lifecycle;
        final OrderEventsHandler events;
        final ScheduledAssignmentHandler assignments;
        final NotificationDispatcher dispatcher;
        /** function → second → invocations; function → {invocations, DynamoDB calls}. */
        final Map<String, TreeMap<Long, Long>> invocations = new TreeMap<>();
        final Map<String, long[]> callsPerFunction = new TreeMap<>();
        final TreeMap<Long, Long> emails = new TreeMap<>();
        /** stream consumer → second → records processed. */
        final Map<String, TreeMap<Long, Long>> records = new TreeMap<>();
        final AtomicLong streamRecords = new AtomicLong();
        final List<KeyTraffic.StreamRecord> stream = new ArrayList<>();

        final TreeMap<Long, Long> smsSent = new TreeMap<>();
        final boolean sms;

        /** {@code sms}: the store has SMS on and members have phone numbers (else email only). */
        World(boolean sms) {
            this(sms, AssignmentWindow.DEFAULT);
        }

        /** {@code window}: the spread of scheduled assignments over the due date (issue 16 change 1). */
        World(boolean sms, AssignmentWindow window) {
            this.sms = sms;
            DynamoDbLocal local = DynamoDbLocal.shared();
            table = local.createLedgerTable();
            traffic.readBackWith(local.client(), table);
            client = local.clientBuilder().overrideConfiguration(c -> c.addExecutionInterceptor(traffic)).build();
            ledger = new DynamoDbLedgerStore(client, table);
            orders = new DynamoDbOrderStore(client, table);
            settings = new DynamoDbSettingsStore(client, table);
            merchants = new DynamoDbMerchantStore(client, table);
            cachedSettings = new CachingSettingsStore(settings, READ_CACHE_TTL, clock);
            cachedMerchants = new CachingMerchantStore(merchants, READ_CACHE_TTL, clock);
            members = new DynamoDbMemberStore(client, table);
            counters = new DynamoDbLiabilityCounters(client, table);
            lifecycle = new OrderLifecycle(orders, ledger, cachedSettings, cachedMerchants, members, scheduler, clock,
                    window);
            events = new OrderEventsHandler(lifecycle, JsonLogger.discarding());
            assignments = new ScheduledAssignmentHandler(lifecycle, JsonLogger.discarding());
            DynamoDbDeliveryStore deliveries = new DynamoDbDeliveryStore(client, table);
            EmailSender email = message -> {
                emails.merge(clock.second(), 1L, Long::sum);
                return new DeliveryResult.Sent("sim-" + emails.size());
            };
            SmsSender smsSender = message -> {
                smsSent.merge(clock.second(), 1L, Long::sum);
                return new DeliveryResult.Sent("sim-sms-" + smsSent.size());
            };
            dispatcher = new NotificationDispatcher(cachedMerchants, members, ledger, deliveries, email, smsSender,
                    RateLimiter.perSecond(1e9, 1_000_000), RateLimiter.perSecond(1e9, 1_000_000), clock,
                    NotificationDispatcher.Settings.DEFAULT);
            merchants.save(new Merchant(SHOP, "Shop One", Currency.getInstance("TWD"), TAIPEI, Locale.ENGLISH,
                    Set.of(), sms, true, Set.of()));
            settings.save(SHOP, MerchantSettings.of(1,
                    new PointsProgram(true, new EarnRule(true, EarnRate.of("10.00", 1)), Channels.DEFAULT,
                            ExpiryPolicy.annual(12, 31), AssignmentPolicy.afterDelivery(3)),
                    new RedeemRule(true, 10, BigDecimal.ZERO, RedeemCap.NONE), List.of(),
                    new OrderRewardCredits(true, new CreditRule(new BigDecimal("100"), CreditType.fixed("10", true),
                            CreditValidity.NEVER)), Map.of()), 0,
                    new SettingsStore.ChangeLogEntry(Actor.SYSTEM, clock.now(), List.of()));
        }

        void profile(MemberId member) {
            members.upsert(new MemberProfile(SHOP, member, Optional.of("Member " + member.value()),
                    Optional.of(member.value() + "@example.com"),
                    sms ? Optional.of("+8869" + String.format("%08d", Math.abs(member.value().hashCode()) % 100_000_000))
                            : Optional.empty(), Optional.empty(), Optional.empty(),
                    clock.now()));
        }

        /** Counts one invocation of {@code function} at the current second and the DynamoDB calls it made. */
        void invoke(String function, Runnable body) {
            invocations.computeIfAbsent(function, f -> new TreeMap<>()).merge(clock.second(), 1L, Long::sum);
            long before = totalCalls();
            body.run();
            long[] c = callsPerFunction.computeIfAbsent(function, f -> new long[2]);
            c[0]++;
            c[1] += totalCalls() - before;
        }

        long totalCalls() {
            return traffic.calls().values().stream().mapToLong(Long::longValue).sum();
        }

        /** Setup done: forget what it cost and what it streamed. */
        void startMeasuring() {
            collectStream();
            stream.clear();
            traffic.reset();
            invocations.clear();
            callsPerFunction.clear();
            emails.clear();
            smsSent.clear();
            records.clear();
        }

        void collectStream() {
            stream.addAll(traffic.drainStream());
        }

        /**
         * The table stream's two consumers, fed with the journal inserts of each second in that second (batch sizes
         * of the template: liability 100, dispatcher 50).
         */
        void consumeStream() {
            collectStream();
            clock.latencyPerCall(Duration.ZERO);
            Map<Long, List<JournalEntry>> bySecond = new TreeMap<>();
            for (var e : stream) {
                DynamoDbLedgerStore.journalEntryOf(e.newImage())
                        .ifPresent(j -> bySecond.computeIfAbsent(e.second(), s -> new ArrayList<>()).add(j));
            }
            stream.clear();
            bySecond.forEach((second, entries) -> {
                clock.set(Instant.ofEpochSecond(second).plusMillis(900));
                streamRecords.addAndGet(entries.size());
                for (int from = 0; from < entries.size(); from += 100) {
                    List<JournalEntry> batch = entries.subList(from, Math.min(entries.size(), from + 100));
                    records.computeIfAbsent("LiabilityStream", f -> new TreeMap<>()).merge(second, (long) batch.size(), Long::sum);
                    invoke("LiabilityStream", () -> batch.forEach(counters::record));
                }
                for (int from = 0; from < entries.size(); from += 50) {
                    List<JournalEntry> batch = entries.subList(from, Math.min(entries.size(), from + 50));
                    records.computeIfAbsent("NotificationDispatcher", f -> new TreeMap<>()).merge(second, (long) batch.size(), Long::sum);
                    invoke("NotificationDispatcher", () -> dispatcher.dispatch(batch));
                }
            });
        }

        double peakInvocations(String function) {
            return invocations.getOrDefault(function, new TreeMap<>()).values().stream().mapToLong(Long::longValue)
                    .max().orElse(0);
        }

        double callsPerInvocation(String function) {
            long[] c = callsPerFunction.get(function);
            return c == null || c[0] == 0 ? 0 : (double) c[1] / c[0];
        }

        double peakSms() {
            return smsSent.values().stream().mapToLong(Long::longValue).max().orElse(0);
        }

        double peakEmails() {
            return emails.values().stream().mapToLong(Long::longValue).max().orElse(0);
        }

        /**
         * Adds the Lambda lines. A request-driven function's invocations scale with the rate; a stream consumer's
         * records do, and at the target its batches are full (invocations = records / batch size). Concurrency =
         * invocations x overhead + DynamoDB calls x latency, per second at the target.
         */
        void lambdaLines(ScaleReport report) {
            double total = 0;
            for (String function : invocations.keySet()) {
                double f = report.rateFactor();
                long[] c = callsPerFunction.get(function);
                Integer batch = BATCH_SIZES.get(function);
                double invocationsAtTarget;
                double callsAtTarget;
                String note;
                if (batch != null) {
                    double recordsPeak = records.getOrDefault(function, new TreeMap<>()).values().stream()
                            .mapToLong(Long::longValue).max().orElse(0);
                    long recordsTotal = records.getOrDefault(function, new TreeMap<>()).values().stream()
                            .mapToLong(Long::longValue).sum();
                    double callsPerRecord = recordsTotal == 0 ? 0 : (double) c[1] / recordsTotal;
                    invocationsAtTarget = Math.max(peakInvocations(function), Math.ceil(recordsPeak * f / batch));
                    callsAtTarget = recordsPeak * f * callsPerRecord;
                    note = String.format("stream, batch %d, %.1f DynamoDB calls/record", batch, callsPerRecord);
                } else {
                    invocationsAtTarget = peakInvocations(function) * f;
                    callsAtTarget = invocationsAtTarget * callsPerInvocation(function);
                    note = String.format("%.1f DynamoDB calls/invocation", callsPerInvocation(function));
                }
                double concurrency = (invocationsAtTarget * INVOCATION_OVERHEAD_MS
                        + callsAtTarget * CALL_LATENCY.toMillis()) / 1000.0;
                total += concurrency;
                report.line(new ScaleReport.Line("Lambda " + function + " invocations", peakInvocations(function),
                        invocationsAtTarget, 0, "/s", note + String.format(" -> concurrency %.0f", concurrency)));
            }
            report.figure("Lambda concurrency (all functions)", total, LAMBDA_ACCOUNT_CONCURRENCY,
                    "concur.", "account default 1,000; scaling +1,000 per function per 10 s");
        }
    }

    /** Wiring.READ_CACHE_TTL: how long a container keeps the merchant and settings it read. */
    static final java.time.Duration READ_CACHE_TTL = java.time.Duration.ofSeconds(30);

    /** Batch sizes of the template's stream event source mappings. */
    static final Map<String, Integer> BATCH_SIZES = Map.of("LiabilityStream", 100, "NotificationDispatcher", 50);

    private static void send(OrderEventsHandler events, String type, String detail) {
        String out = Json.write(events.handle("{\"source\":\"commerce.platform\",\"detail-type\":\"" + type
                + "\",\"detail\":" + detail + "}"));
        assertThat(out).contains("\"result\":\"applied\"");
    }

    private static String placed(String order, String member, Instant at, boolean redeemed) {
        return "{\"merchantId\":\"shop-1\",\"orderId\":\"" + order + "\",\"memberId\":\"" + member + "\","
                + "\"checkout\":\"MEMBER_LOGGED_IN\",\"channel\":\"ONLINE\",\"amounts\":{\"currency\":\"TWD\","
                + "\"itemSubtotal\":\"300.00\"" + (redeemed ? ",\"redeemedPoints\":100,\"pointDiscount\":\"10.00\"" : "")
                + "},\"placedAt\":\"" + at + "\"}";
    }

    // ------------------------------------------------------------------ shapes

    /** Flash sale: 1,000 orders/s for one merchant; simulated at 10 orders/s (1/100) for 10 s. */
    static ScaleReport flashSale() {
        World w = new World(false);
        int perSecond = 10;
        int seconds = 10;
        int orders = perSecond * seconds;
        Instant start = local(2021, 11, 29, 10, 0, 0);
        Instant lotExpiry = local(2022, 12, 31, 23, 59, 59);
        for (int i = 0; i < orders; i++) {
            MemberId m = MemberId.of("m-" + i);
            w.profile(m);
            w.ledger.apply(LedgerCommand.manualAdd(WalletRef.points(SHOP, m), "seed-" + i, 500, Optional.of(lotExpiry),
                    "seed", Actor.SYSTEM, w.clock.now()));
        }
        w.startMeasuring();
        for (int i = 0; i < orders; i++) {
            MemberId m = MemberId.of("m-" + i);
            OrderId o = OrderId.of("o-" + i);
            Instant t = start.plusMillis(1000L * (i / perSecond) + 90L * (i % perSecond));
            boolean redeems = i % 5 == 0; // one order in five redeems points at checkout (a held redemption)
            w.clock.set(t);
            w.invoke("StorefrontCheckout", () -> {
                w.cachedMerchants.find(SHOP);
                w.cachedSettings.current(SHOP);
                w.members.find(SHOP, m);
                w.ledger.wallets(SHOP, m);
                if (redeems) {
                    w.ledger.entriesForOrder(SHOP, m, o);
                    w.ledger.apply(LedgerCommand.redeem(WalletRef.points(SHOP, m), o, 100, true, t));
                }
            });
            w.clock.set(t.plusMillis(20));
            w.invoke("OrderEvents", () -> send(w.events, "OrderPlaced", placed(o.value(), m.value(), t, redeems)));
            w.clock.set(t.plusMillis(40));
            w.invoke("OrderEvents", () -> send(w.events, "OrderPaid",
                    "{\"merchantId\":\"shop-1\",\"orderId\":\"" + o.value() + "\",\"paidAt\":\"" + t + "\"}"));
        }
        w.consumeStream();
        ScaleReport r = new ScaleReport("Flash sale: 1,000 orders/s, one merchant, 10M members (sim 10/s)", 100);
        r.keys(w.traffic);
        w.lambdaLines(r);
        r.rate("Table stream: journal inserts", w.streamRecords.get() / (double) seconds, 0, "rec/s",
                "1 REWARD_CREDIT per order + 1 REDEEM per redeeming order");
        r.rate("SES emails", w.peakEmails(), SES_PRODUCTION_RATE, "msg/s",
                "order reward credits; production rate varies (14/s typical start), sandbox 1/s; paced by the account-wide send budget (change 5): delayed, not lost");
        // model invariants: every order writes exactly one placed-index entry, every redemption one holds entry
        // and its removal (confirm at placement)
        // (summed over the index's write shards, issue 16.3: the orders spread over the 16 P# shards)
        assertThat(w.traffic.totalWcu("placed index P#<m>")).isEqualTo(orders);
        assertThat(r.families().get("placed index P#<m>").keys()).isEqualTo(16);
        assertThat(w.traffic.totalWcu("holds index H#<m>")).isEqualTo(2.0 * orders / 5);
        assertThat(w.invocations.get("OrderEvents").values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(2L * orders);
        return r;
    }

    /**
     * Assignment wave: 100,000 orders delivered on one day; simulated with 100 (1/1,000).
     *
     * <p>Without spread ({@link AssignmentWindow#NONE}) all are due at 00:00 local and the rate factor is 1,000 (the
     * analysis before change 1). With the spread, the target's peak demand per second is computed from the offsets of
     * 100,000 order ids over {@link AssignmentWindow#DEFAULT}; the simulation spreads its 100 orders over a window
     * scaled by 1/1,000 (21 s), and the rate factor is target peak / simulated peak (per second).
     */
    static ScaleReport assignmentWave(boolean spread) {
        AssignmentWindow window = spread ? new AssignmentWindow(Duration.ofSeconds(21)) : AssignmentWindow.NONE;
        World w = new World(true, window); // store with SMS on: members get an email and an SMS
        int orders = 100;
        Instant day = local(2021, 12, 1, 9, 0, 0);
        for (int i = 0; i < orders; i++) {
            MemberId m = MemberId.of("w-" + i);
            String o = "wo-" + i;
            Instant t = day.plusSeconds(30L * i);
            w.clock.set(t);
            w.profile(m);
            send(w.events, "OrderPlaced", placed(o, m.value(), t, false));
            send(w.events, "OrderPaid", "{\"merchantId\":\"shop-1\",\"orderId\":\"" + o + "\",\"paidAt\":\"" + t + "\"}");
            send(w.events, "OrderDeliveryStatusChanged", "{\"merchantId\":\"shop-1\",\"orderId\":\"" + o
                    + "\",\"status\":\"COLLECTED\",\"changedAt\":\"" + t.plusSeconds(5) + "\"}");
        }
        w.startMeasuring();
        // Scheduler: every schedule fires at its due instant, at most 1,000/s at the target (1/s here, scaled).
        Map<OrderId, Instant> due = new HashMap<>(w.scheduler.pending());
        assertThat(due).hasSize(orders);
        TreeMap<Long, Long> demand = new TreeMap<>();
        due.values().forEach(d -> demand.merge(d.getEpochSecond(), 1L, Long::sum));
        long simPeak = demand.values().stream().mapToLong(Long::longValue).max().orElse(1);
        long targetPeak = spread ? targetPeakDemand() : 100_000;
        double scale = targetPeak / (double) simPeak;
        List<Map.Entry<OrderId, Instant>> queue = new ArrayList<>(due.entrySet());
        queue.sort(Map.Entry.comparingByValue());
        double perSecondCap = SCHEDULER_INVOCATIONS_TPS / scale;
        long second = queue.getFirst().getValue().getEpochSecond();
        double budget = 0;
        int next = 0;
        while (next < queue.size()) {
            budget += perSecondCap;
            int inSecond = 0;
            while (next < queue.size() && budget >= 1 && queue.get(next).getValue().getEpochSecond() <= second) {
                OrderId o = queue.get(next).getKey();
                w.clock.set(Instant.ofEpochSecond(second).plusMillis(10L * inSecond++));
                w.invoke("ScheduledAssignment", () -> w.assignments.handle(
                        "{\"merchantId\":\"shop-1\",\"orderId\":\"" + o.value() + "\"}"));
                budget -= 1;
                next++;
            }
            second++;
        }
        double drainSeconds = second - queue.getFirst().getValue().getEpochSecond();
        w.consumeStream();
        ScaleReport r = new ScaleReport(spread
                ? "Assignment wave AFTER change 1: 100,000 orders spread over 00:00-06:00 local (sim 100 over 21 s)"
                : "Assignment wave BEFORE change 1: 100,000 orders due at 00:00 local (sim 100)", scale);
        r.rate("Scheduler invocations demanded in one second", simPeak, SCHEDULER_INVOCATIONS_TPS, "/s", spread
                ? "peak second of 100,000 real offsets: " + targetPeak + " (mean 4.6/s)"
                : "all due at 00:00:00");
        if (!spread) {
            r.figure("Scheduler backlog drained after", drainSeconds, 0, "s",
                    "at 1,000 TPS (delayed, retried by the Scheduler; not lost)");
        }
        r.keys(w.traffic);
        w.lambdaLines(r);
        double streamPerSecond = w.streamRecords.get() / drainSeconds;
        r.rate("Table stream: journal inserts", streamPerSecond, 0, "rec/s", "1 EARN per order");
        r.rate("SES emails", w.peakEmails(), SES_PRODUCTION_RATE, "msg/s", "ORDER_POINTS email per order; paced by the account-wide send budget (change 5): delayed, not lost");
        r.rate("SNS SMS", w.peakSms(), SNS_SMS_RATE, "msg/s", "ORDER_POINTS SMS per order (template default 20/s); paced by the account-wide send budget (change 5): delayed, not lost");
        assertThat(w.smsSent.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(orders);
        // invariants: one earn transaction per order and one due-index removal per assignment
        assertThat(w.streamRecords.get()).isEqualTo(orders);
        // (summed over the due index's write shards, issue 16.3)
        assertThat(w.traffic.totalWcu("due index D#<m>")).isEqualTo(orders);
        if (spread) {
            // the schedules keep their due date and stay inside the window
            assertThat(due.values()).allSatisfy(d -> assertThat(d).isBetween(local(2021, 12, 4, 0, 0, 0),
                    local(2021, 12, 4, 0, 0, 20)));
        }
        return r;
    }

    /** The busiest second of 100,000 orders' assignment offsets over the default 6-hour window. */
    static long targetPeakDemand() {
        Map<Long, Long> perSecond = new HashMap<>();
        for (int i = 0; i < 100_000; i++) {
            perSecond.merge(AssignmentWindow.DEFAULT.offset(SHOP, OrderId.of("o-" + i)).toSeconds(), 1L, Long::sum);
        }
        return perSecond.values().stream().mapToLong(Long::longValue).max().orElseThrow();
    }

    /** Bulk job of 100,000 members; simulated with 100 (one chunk), one worker at a modelled 8 ms per call. */
    static ScaleReport bulkJob() {
        World w = new World(false);
        int membersSim = 100;
        List<MemberId> ids = new ArrayList<>();
        for (int i = 0; i < membersSim; i++) {
            MemberId m = MemberId.of("b-" + i);
            ids.add(m);
            w.profile(m);
        }
        InMemoryBulkJobQueue queue = new InMemoryBulkJobQueue();
        BulkAssignments bulk = new BulkAssignments(w.ledger, w.members, w.cachedMerchants, w.cachedSettings,
                new DynamoDbBulkJobStore(w.client, w.table), queue, w.clock, () -> "sim");
        w.clock.set(local(2021, 12, 2, 10, 0, 0));
        Object started = bulk.start(SHOP, new BulkAssignments.Request(ids, 50, "Anniversary gift", NotifyChoice.BOTH,
                Optional.of("sim")), new Actor.Staff(StaffId.of("staff-1")));
        assertThat(started).isInstanceOf(BulkAssignments.Outcome.Started.class);
        w.startMeasuring();
        Instant begin = w.clock.now();
        w.clock.latencyPerCall(CALL_LATENCY);
        while (queue.size() > 0) {
            var message = queue.poll().orElseThrow();
            w.invoke("BulkAssignmentWorker", () -> bulk.processChunk(message.merchant(), message.jobId(),
                    message.chunk()));
        }
        double workerSeconds = Duration.between(begin, w.clock.now()).toMillis() / 1000.0;
        double creditsPerWorkerSecond = membersSim / workerSeconds;
        w.consumeStream();
        ScaleReport r = new ScaleReport("Bulk job: 100,000 members, 10 concurrent workers (sim 100, 1 worker)",
                SQS_MAX_CONCURRENCY);
        r.keys(w.traffic);
        w.lambdaLines(r);
        r.rate("Bulk credits (ledger transactions)", creditsPerWorkerSecond, 0, "/s",
                String.format("one worker: %.0f members/s at 8 ms per call", creditsPerWorkerSecond));
        r.figure("Bulk job duration at target", 100_000 / (creditsPerWorkerSecond * SQS_MAX_CONCURRENCY) , 0, "s",
                "100 chunks of 1,000 over MaximumConcurrency 10");
        r.rate("SES emails", w.peakEmails(), SES_PRODUCTION_RATE, "msg/s", "STAFF_POINTS email per member; paced by the account-wide send budget (change 5): delayed, not lost");
        r.figure("SES: time to send 100,000 emails at 14/s", 100_000 / SES_PRODUCTION_RATE, 0, "s",
                String.format("sandbox (%.0f/s, %d/day): %,d days", SES_SANDBOX_RATE, SES_SANDBOX_PER_DAY,
                        100_000 / SES_SANDBOX_PER_DAY));
        assertThat(w.streamRecords.get()).isEqualTo(membersSim);
        return r;
    }

    /** Yearly expiry shared by 9M of 10M wallets; simulated with 450 of 500 (1/20,000), one sweeper. */
    static ScaleReport yearlyExpiry() {
        World w = new World(false);
        int wallets = 500;
        int expiring = 450;
        double countScale = 20_000;
        Instant expiry = local(2022, 12, 31, 23, 59, 59);
        w.clock.set(local(2022, 3, 1, 10, 0, 0));
        for (int i = 0; i < wallets; i++) {
            MemberId m = MemberId.of("x-" + i);
            Optional<Instant> at = i < expiring ? Optional.of(expiry) : Optional.of(local(2023, 12, 31, 23, 59, 59));
            w.ledger.apply(LedgerCommand.manualAdd(WalletRef.points(SHOP, m), "seed-" + i, 100, at, "seed",
                    Actor.SYSTEM, w.clock.now()));
        }
        DailySweepHandler sweep = new DailySweepHandler(w.cachedMerchants, new LedgerSweeps(w.ledger), w.lifecycle, w.clock,
                SweepSettings.DEFAULTS, JsonLogger.discarding());
        w.startMeasuring();
        w.clock.set(local(2023, 1, 1, 0, 5, 0));
        Instant begin = w.clock.now();
        w.clock.latencyPerCall(CALL_LATENCY);
        w.invoke("DailySweep", sweep::sweep);
        double sweepSeconds = Duration.between(begin, w.clock.now()).toMillis() / 1000.0;
        double expiriesPerSecond = expiring / sweepSeconds;
        w.consumeStream();
        ScaleReport r = new ScaleReport("Yearly expiry: 9M of 10M wallets on one instant (sim 450 of 500, one sweeper)", 1);
        r.keys(w.traffic);
        w.lambdaLines(r);
        r.rate("Expiry transactions", expiriesPerSecond, 0, "/s", "one sequential sweeper, 8 ms per call");
        double targetExpiring = expiring * countScale;
        r.figure("Before 16.7: sweep runs of SWEEP_MAX_ITEMS 20,000", Math.ceil(targetExpiring / SWEEP_MAX_ITEMS),
                0, "runs", "hourly runs without the fan-out (19 days); the fanned-out shape below replaces this");
        r.figure("Sweep time for 9M at this rate, if unbounded", targetExpiring / expiriesPerSecond / 3600, 0, "h",
                "Lambda timeout 900 s per run");
        double fannedOutRate = targetExpiring / 3600;
        double idxWcuPerExpiry = w.traffic.totalWcu("expiry index X#<m>") / expiring;
        int xShards = r.families().get("expiry index X#<m>").keys() - 1; // the unsharded part takes no new entries
        r.figure("Expiry index X#<m> per shard if fanned out to finish in 1 h", fannedOutRate * idxWcuPerExpiry / xShards,
                ScaleReport.PARTITION_WCU, "WCU/s", String.format("%,.0f expiries/s x %.1f WCU / %d shards",
                        fannedOutRate, idxWcuPerExpiry, xShards));
        double lbWcuPerExpiry = w.traffic.totalWcu("liability counters LB#<m>") / expiring;
        int lbShards = r.families().get("liability counters LB#<m>").keys();
        r.figure("Liability counters LB#<m> per shard if fanned out to finish in 1 h",
                fannedOutRate * lbWcuPerExpiry / lbShards, ScaleReport.PARTITION_WCU, "WCU/s",
                String.format("%,.0f expiries/s x %.1f WCU / %d shards", fannedOutRate, lbWcuPerExpiry, lbShards));
        // model inputs: an expiry removes the wallet's expiry-index entry (1 WCU) and adds 4 WCU to LB#<m>
        assertThat(idxWcuPerExpiry).isEqualTo(1.0);
        assertThat(lbWcuPerExpiry).isEqualTo(4.0);
        assertThat(w.streamRecords.get()).isEqualTo(expiring);
        // every expiry moves the wallet's index entry: a delete, and a put when a later lot remains (none here)
        assertThat(w.traffic.calls().get("TransactWriteItems")).isGreaterThanOrEqualTo((long) expiring);
        return r;
    }

    /** The expiry index's parts at the target: 16 write shards of {@code X#<m>} + the legacy key (change 3). */
    static final int EXPIRY_PARTS_AT_TARGET = 17;
    /** template: ExpirySweepWorkerFunction ScalingConfig.MaximumConcurrency. */
    static final int EXPIRY_WORKER_MAX_CONCURRENCY = 34;
    /** template: ExpiryWalksQueue VisibilityTimeout (a failed step is received again after it). */
    static final Duration EXPIRY_WALK_VISIBILITY = Duration.ofSeconds(720);

    /**
     * Yearly expiry fanned out (issue 16 change 7): the hourly run starts one walk per part of the expiry index
     * ({@code ExpiryFanOut}); each part's walk runs on its own worker in virtual time (all from the same instant, so the
     * per-second key traffic adds up as in AWS), in steps of {@code budget} wallets with their continuations; one step
     * is throttled half-way and redelivered after the visibility timeout. 1,700 of 1,800 wallets, 17 parts (100 wallets
     * each on average); the DynamoDB store's expiry index has 17 parts (16 write shards + the unsharded key, change 3),
     * walked with real metered Queries; {@link ThrottlingLedger} injects the one throttle. Rates are real per-worker rates (8 ms per call): factor 1.
     */
    static ScaleReport yearlyExpiryFannedOut() {
        World w = new World(false);
        int parts = EXPIRY_PARTS_AT_TARGET;
        int expiring = 1_700;
        int wallets = 1_800;
        int budget = 50; // wallets per step: 5,000 at the target, scaled like a part (9M/17 -> 100): 2 steps a part
        Instant expiry = local(2022, 12, 31, 23, 59, 59);
        w.clock.set(local(2022, 3, 1, 10, 0, 0));
        for (int i = 0; i < wallets; i++) {
            Optional<Instant> at = i < expiring ? Optional.of(expiry) : Optional.of(local(2023, 12, 31, 23, 59, 59));
            w.ledger.apply(LedgerCommand.manualAdd(WalletRef.points(SHOP, MemberId.of("x-" + i)), "seed-" + i, 100, at,
                    "seed", Actor.SYSTEM, w.clock.now()));
        }
        ThrottlingLedger index = new ThrottlingLedger(w.ledger, w.clock, CALL_LATENCY);
        List<ExpiryWalk> queue = new ArrayList<>();
        ExpiryWalkQueue sqs = queue::addAll;
        DynamoDbExpiryWalkClaims claims = new DynamoDbExpiryWalkClaims(w.client, w.table);
        ExpiryWalker walker = new ExpiryWalker(index.store, sqs, claims, w.clock);
        w.startMeasuring();
        Instant runAt = local(2023, 1, 1, 0, 0, 0); // the hourly run after the instant (on the hour, UTC)
        w.clock.set(runAt);
        w.clock.latencyPerCall(CALL_LATENCY);
        int[] started = new int[1];
        w.invoke("DailySweep", () -> started[0] = new ExpiryFanOut(index.store, sqs, claims, Duration.ofHours(3))
                .start(SHOP, runAt));
        Instant begin = w.clock.now();
        List<ExpiryWalk> firsts = List.copyOf(queue);
        queue.clear();
        // The next hourly run while the 17 walks hold their parts (S4: it leaves the merchant's expiry to them). Its
        // calls are counted apart (not as a DailySweep invocation): it runs an hour later, alone in its seconds.
        w.clock.set(runAt.plus(Duration.ofHours(1)));
        long callsBeforeHourly = w.totalCalls();
        Instant hourlyStart = w.clock.now();
        DailySweep.MerchantResult.Swept during = (DailySweep.MerchantResult.Swept) new DailySweep(w.cachedMerchants,
                new LedgerSweeps(index.store), w.lifecycle, w.clock, SweepSettings.DEFAULTS.limits())
                .withFanOut(new ExpiryFanOut(index.store, sqs, claims, Duration.ofHours(3))).run().results().stream()
                .filter(m -> m.merchant().equals(SHOP)).findFirst().orElseThrow();
        long hourlyCalls = w.totalCalls() - callsBeforeHourly;
        double hourlySeconds = Duration.between(hourlyStart, w.clock.now()).toMillis() / 1000.0;
        assertThat(queue).as("the hourly run during the walks starts none").isEmpty();
        w.clock.set(begin);
        index.throttleApplyAt.set(25); // the first step is throttled at its 26th expiry
        int steps = 0;
        int failures = 0;
        int continued = 0;
        double workSeconds = 0;
        Instant end = begin;
        for (ExpiryWalk first : firsts) {
            w.clock.set(begin); // every part's worker starts at the same instant
            java.util.ArrayDeque<ExpiryWalk> chain = new java.util.ArrayDeque<>(List.of(first));
            Duration waited = Duration.ZERO;
            while (!chain.isEmpty()) {
                ExpiryWalk message = chain.peek();
                Instant invoked = w.clock.now();
                ExpiryWalker.Budget b = new ExpiryWalker.Budget(budget,
                        () -> Duration.ofSeconds(120).minus(Duration.between(invoked, w.clock.now())),
                        Duration.ofSeconds(30));
                ExpiryWalker.Step[] step = new ExpiryWalker.Step[1];
                steps++;
                try {
                    w.invoke("ExpirySweepWorker", () -> step[0] = walker.walk(message, b));
                    chain.pop();
                    continued += step[0] instanceof ExpiryWalker.Step.Continued ? 1 : 0;
                    chain.addAll(queue);
                    queue.clear();
                    w.clock.set(w.clock.now().plusMillis((long) INVOCATION_OVERHEAD_MS));
                } catch (ThrottlingLedger.Throttled e) {
                    failures++; // a batch item failure: SQS redelivers the same message after the visibility timeout
                    w.clock.set(w.clock.now().plus(EXPIRY_WALK_VISIBILITY));
                    waited = waited.plus(EXPIRY_WALK_VISIBILITY);
                }
            }
            workSeconds += Duration.between(begin, w.clock.now()).minus(waited).toMillis() / 1000.0;
            end = end.isAfter(w.clock.now()) ? end : w.clock.now();
        }
        double perWorker = expiring / workSeconds; // expiries per second of one walking worker
        w.consumeStream();
        ScaleReport r = new ScaleReport("Yearly expiry fanned out (16.7): 9M wallets, 17 parts walked in parallel"
                + " (sim 1,700 wallets, 17 workers, 50-wallet steps, one throttled step)", 1);
        r.keys(w.traffic);
        w.lambdaLines(r);
        double target = 9_000_000;
        r.rate("Expiries per walking worker", perWorker, 0, "/s", String.format(
                "%d steps (%d continued, %d throttled and redelivered) for %d parts", steps, continued, failures, parts));
        r.figure("Before: hourly runs of SWEEP_MAX_ITEMS 20,000 for 9M", Math.ceil(target / SWEEP_MAX_ITEMS), 0,
                "runs", String.format("one run an hour: %.0f days", Math.ceil(target / SWEEP_MAX_ITEMS) / 24));
        int walletParts = parts - 1; // new entries go to the 16 write shards; the unsharded part holds older ones only
        r.figure("After: 9M over 16 shards walked in parallel", target / walletParts / perWorker / 3600, 0, "h",
                String.format("%,.0f wallets per shard at %.0f/s; + %d s per throttled step (visibility timeout)",
                        target / walletParts, perWorker, EXPIRY_WALK_VISIBILITY.toSeconds()));
        r.figure("Worker concurrency for one merchant (one chain per part)", parts, EXPIRY_WORKER_MAX_CONCURRENCY,
                "concur.", "MaximumConcurrency 34 (2 merchants fanned out at once); account 1,000");
        double idxWcuPerExpiry = w.traffic.totalWcu("expiry index X#<m>") / expiring;
        r.figure("X#<m> per part after change 3 (one chain per part)", perWorker * idxWcuPerExpiry,
                ScaleReport.PARTITION_WCU, "WCU/s", String.format("%.0f expiries/s x %.1f WCU; 2 chains (a duplicate"
                        + " or a takeover) %.0f", perWorker, idxWcuPerExpiry, 2 * perWorker * idxWcuPerExpiry));
        double lbWcuPerExpiry = w.traffic.totalWcu("liability counters LB#<m>") / expiring;
        int lbShards = r.families().get("liability counters LB#<m>").keys();
        r.figure("LB#<m> per shard, 17 workers on one merchant", parts * perWorker * lbWcuPerExpiry / lbShards,
                ScaleReport.PARTITION_WCU, "WCU/s", String.format("%d x %.0f/s x %.1f WCU / %d shards", parts,
                        perWorker, lbWcuPerExpiry, lbShards));
        r.figure("LB#<m> per shard, all 34 workers on one merchant (bound)",
                EXPIRY_WORKER_MAX_CONCURRENCY * perWorker * lbWcuPerExpiry / lbShards, ScaleReport.PARTITION_WCU,
                "WCU/s", "what MaximumConcurrency caps, whatever the claims");
        r.figure("Hourly run while the walks are live: DynamoDB calls", hourlyCalls, 0, "calls", String.format(
                "%.2f s; 0 expiries, left to %d live walks (before S4: up to 20,000 wallets x 2 calls = 40,000 calls,"
                        + " ~%.0f s at 8 ms, each a duplicate of a walk's)", hourlySeconds, during.expiryLeftToWalks(),
                40_000 * 0.008));
        r.figure("Sim: wall time of the slowest part (incl. one redelivery)", Duration.between(begin, end).toSeconds(),
                0, "s", "virtual time");
        // model inputs: every due lot expired exactly once (one journal insert each), through every part
        assertThat(index.store.expiryParts()).isEqualTo(parts);
        assertThat(started[0]).isEqualTo(parts);
        assertThat(during.expired().applied() + during.expired().notApplicable()).isZero();
        assertThat(during.expiryLeftToWalks()).isEqualTo(parts);
        assertThat(during.walksStarted()).isZero();
        assertThat(w.streamRecords.get()).isEqualTo(expiring);
        assertThat(failures).isEqualTo(1);
        assertThat(continued).isGreaterThanOrEqualTo(parts / 2);
        assertThat(idxWcuPerExpiry).isEqualTo(1.0);
        assertThat(lbWcuPerExpiry).isEqualTo(4.0);
        for (int part = 0; part < parts; part++) {
            assertThat(claims.renew(SHOP, part, runAt, w.clock.now())).as("part %d's walk ended", part).isFalse();
        }
        return r;
    }

    @Test
    void loadShapesAtTheTarget() {
        List<ScaleReport> reports = List.of(flashSale(), assignmentWave(false), assignmentWave(true), bulkJob(),
                yearlyExpiry(), yearlyExpiryFannedOut());
        StringBuilder out = new StringBuilder("\n=== Internet-scale simulation (docs/scale.md) ===");
        reports.forEach(r -> out.append(r.print()));
        out.append("""
                verdict: OK < 50% of the limit, NEAR 50-100%, THROTTLED above; a SHARED key family's load at the target is
                its peak per second x rate factor, divided over its keys (shards); SPREAD families (one key per
                member/order) keep their per-key rate. Modelled: 8 ms per DynamoDB call,
                10 ms per invocation; WCU/RCU computed from item sizes (transactions x2, cancelled ones billed).
                """);
        System.out.println(out);
        assertThat(reports).allSatisfy(r -> assertThat(r.lines()).isNotEmpty());
    }
}
