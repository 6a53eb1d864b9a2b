package com.memberpoints.local;

import com.memberpoints.domain.ledger.LedgerResult;
import com.memberpoints.domain.ledger.LedgerStore;
import com.memberpoints.domain.model.IdSource;
import com.memberpoints.domain.member.MemberStore;
import com.memberpoints.domain.merchant.MerchantStore;
import com.memberpoints.domain.order.OrderStore;
import com.memberpoints.domain.settings.SettingsStore;
import com.memberpoints.functions.platform.ApiRoutes;
import com.memberpoints.functions.platform.log.JsonLogger;
import com.memberpoints.infra.dynamodb.DynamoDbDeliveryStore;
import com.memberpoints.infra.dynamodb.DynamoDbLedgerStore;
import com.memberpoints.infra.dynamodb.DynamoDbLiabilityCounters;
import com.memberpoints.domain.notify.NotificationDispatcher;
import com.memberpoints.domain.notify.RateLimiter;
import com.memberpoints.infra.dynamodb.DynamoDbMemberStore;
import com.memberpoints.infra.dynamodb.DynamoDbMerchantStore;
import com.memberpoints.infra.dynamodb.DynamoDbOrderStore;
import com.memberpoints.infra.dynamodb.DynamoDbSettingsStore;
import com.memberpoints.infra.dynamodb.LedgerTable;
import com.memberpoints.infra.testing.DynamoDbLocal;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.InstantSource;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * LOCAL ONLY: the whole service on one machine with no Docker and no AWS account — every route of
 * {@link ApiRoutes} plus the local-only routes, served by the real handlers built on local adapters:
 * DynamoDB Local in-process (the table created from {@link LedgerTable}, the ledger and store adapters on it), the in-process
 * {@link LocalAssignmentScheduler}, the {@link LocalOutbox} for email and SMS, and a {@link LocalClock}
 * that {@code POST /local/clock} moves forward, running the schedules and hourly sweeps due on the way
 * ({@link LocalTimeMachine}). The demo store ({@link DemoStore}) is seeded at start.
 *
 * <p>Handlers are registered in {@link LocalHandlers}, one line each.
 */
public final class LocalStack implements AutoCloseable {

    /** Routes that exist only in the local stack (never in template.yaml). */
    public static final List<ApiRoutes.Route> LOCAL_ROUTES = List.of(
            new ApiRoutes.Route("GET", "/local/clock", LocalClockHandler.class),
            new ApiRoutes.Route("POST", "/local/clock", LocalClockHandler.class),
            new ApiRoutes.Route("GET", "/local/outbox", LocalOutboxHandler.class),
            new ApiRoutes.Route("DELETE", "/local/outbox", LocalOutboxHandler.class),
            new ApiRoutes.Route("GET", "/local/schedules", LocalSchedulesHandler.class),
            new ApiRoutes.Route("POST", "/local/order-events", LocalOrderEventsHandler.class),
            new ApiRoutes.Route("GET", "/local/events", LocalEventsHandler.class),
            new ApiRoutes.Route("DELETE", "/local/events", LocalEventsHandler.class));

    /**
     * @param start where the local clock starts (empty: now); the sweep runs every hour on the hour (UTC), as in AWS
     */
    public record Options(String host, int port, Optional<Instant> start, boolean ticker) {
        public static Options defaults() {
            return new Options("127.0.0.1", 3000, Optional.empty(), true);
        }

        public Options withPort(int p) {
            return new Options(host, p, start, ticker);
        }

        public Options withHost(String h) {
            return new Options(h, port, start, ticker);
        }

        public Options startingAt(Instant at) {
            return new Options(host, port, Optional.of(at), ticker);
        }

        public Options withoutTicker() {
            return new Options(host, port, start, false);
        }
    }

    private final LocalServer server;
    private final LocalAdapters adapters;
    private final LocalOutbox outbox;
    private final LocalTimeMachine machine;
    private final ScheduledExecutorService ticker;

    private LocalStack(LocalServer server, LocalAdapters adapters, LocalOutbox outbox, LocalTimeMachine machine,
                       ScheduledExecutorService ticker) {
        this.server = server;
        this.adapters = adapters;
        this.outbox = outbox;
        this.machine = machine;
        this.ticker = ticker;
    }

    public static LocalStack start(Options options) throws IOException {
        return start(options, LocalHandlers::register);
    }

    /** As {@link #start(Options)} with another registration (tests add targets of their own). */
    static LocalStack start(Options options, BiConsumer<LocalAdapters, LocalWiring> register) throws IOException {
        Objects.requireNonNull(options, "options");
        LocalClock clock = options.start().isPresent()
                ? new LocalClock(InstantSource.system(), options.start().get())
                : new LocalClock(InstantSource.system());
        ZoneId zone = DemoStore.ZONE;
        // Log lines carry the simulated time too ("localTime"), next to the wall-clock "timestamp".
        JsonLogger logger = new JsonLogger(new SimulatedTimeStdout(clock, zone), logLevel(System.getenv("LOG_LEVEL")));

        DynamoDbLocal dynamo = DynamoDbLocal.shared();
        String table = "member-points-local-" + UUID.randomUUID().toString().substring(0, 8);
        dynamo.client().createTable(LedgerTable.createTableRequest(table));
        dynamo.client().waiter().waitUntilTableExists(b -> b.tableName(table));
        LedgerStore dynamoLedger = new DynamoDbLedgerStore(dynamo.client(), table);
        SettingsStore settings = new DynamoDbSettingsStore(dynamo.client(), table);
        MerchantStore merchants = new DynamoDbMerchantStore(dynamo.client(), table);
        MemberStore members = new DynamoDbMemberStore(dynamo.client(), table);
        OrderStore orders = new DynamoDbOrderStore(dynamo.client(), table);

        LocalAssignmentScheduler scheduler = new LocalAssignmentScheduler(clock);
        LocalOutbox outbox = new LocalOutbox(clock);
        LocalTimeMachine machine = new LocalTimeMachine(clock, scheduler);
        IdSource ids = IdSource.random();
        // Notifications: in AWS the table stream feeds the dispatcher function; locally every applied journal
        // entry is handed to the same dispatcher in process (NotifyingLedgerStore), which sends to the outbox.
        DynamoDbDeliveryStore deliveries = new DynamoDbDeliveryStore(dynamo.client(), table);
        NotificationDispatcher dispatcher = new NotificationDispatcher(merchants, members, dynamoLedger, deliveries,
                outbox.emailSender(), outbox.smsSender(), RateLimiter.perSecond(100, 100),
                RateLimiter.perSecond(100, 100), clock, NotificationDispatcher.Settings.DEFAULT);
        DynamoDbLiabilityCounters liability = new DynamoDbLiabilityCounters(dynamo.client(), table);
        // Integration events: in AWS the table stream feeds IntegrationEventsFunction; locally every applied journal
        // entry (NotifyingLedgerStore) and completed bulk job (PublishingBulkJobStore) goes to an in-memory bus.
        LocalEventBus eventBus = new LocalEventBus(merchants, members, logger);
        LedgerStore ledger = new NotifyingLedgerStore(dynamoLedger, dispatcher, liability, eventBus, logger);
        LocalAdapters adapters = new LocalAdapters(dynamo.client(), table, ledger, settings, merchants, members, orders,
                clock, scheduler,
                outbox.emailSender(), outbox.smsSender(), ids, logger, zone, deliveries, dispatcher, liability, eventBus);

        LocalWiring wiring = new LocalWiring(machine);
        register.accept(adapters, wiring);
        wiring.http(LocalClockHandler.class, new LocalClockHandler(machine, clock, zone, logger))
                .http(LocalOutboxHandler.class, new LocalOutboxHandler(outbox, zone, logger))
                .http(LocalSchedulesHandler.class, new LocalSchedulesHandler(scheduler, machine, zone, logger))
                .http(LocalOrderEventsHandler.class, new LocalOrderEventsHandler(wiring::orderEvents, clock, ids, logger))
                .http(LocalEventsHandler.class, new LocalEventsHandler(eventBus, logger));

        DemoStore.seedStore(merchants, settings, members, clock.now());
        // Opening balances: counted in the liability counters, but no messages.
        for (LedgerResult seeded : DemoStore.seedPoints(dynamoLedger, clock.now())) {
            if (seeded instanceof LedgerResult.Applied applied) {
                liability.record(applied.entry());
            }
        }

        List<ApiRoutes.Route> routes = new ArrayList<>(ApiRoutes.all());
        routes.addAll(LOCAL_ROUTES);
        LocalServer server = LocalServer.start(options.host(), options.port(), routes, wiring::http);
        ScheduledExecutorService ticker = null;
        if (options.ticker()) {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "local-time-machine");
                t.setDaemon(true);
                return t;
            });
            ticker.scheduleWithFixedDelay(() -> {
                try {
                    machine.catchUp();
                } catch (RuntimeException e) {
                    e.printStackTrace();
                }
            }, 1, 1, TimeUnit.SECONDS);
        }
        return new LocalStack(server, adapters, outbox, machine, ticker);
    }

    public URI baseUri() {
        return server.baseUri();
    }

    public List<ApiRoutes.Route> routes() {
        return server.routes();
    }

    public LocalAdapters adapters() {
        return adapters;
    }

    public LocalOutbox outbox() {
        return outbox;
    }

    public LocalTimeMachine timeMachine() {
        return machine;
    }

    @Override
    public void close() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
        server.close();
    }

    /** {@code local/run}: {@code [--host 127.0.0.1] [--port 3000] [--start 2021-12-01T10:00:00+08:00]} (or env PORT). */
    public static void main(String[] args) throws IOException, InterruptedException {
        Options options = Options.defaults();
        String port = System.getenv("PORT");
        if (port != null && !port.isBlank()) {
            options = options.withPort(Integer.parseInt(port.trim()));
        }
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--host" -> options = options.withHost(args[++i]);
                case "--port" -> options = options.withPort(Integer.parseInt(args[++i]));
                case "--start" -> options = options.startingAt(OffsetDateTime.parse(args[++i]).toInstant());
                default -> {
                    System.err.println("usage: local/run [--host 127.0.0.1] [--port 3000] [--start 2021-12-01T10:00:00+08:00]");
                    System.exit(2);
                }
            }
        }
        LocalStack stack;
        try {
            stack = start(options);
        } catch (java.net.BindException e) {
            System.err.println("Port " + options.port() + " on " + options.host() + " is in use. Stop the other process "
                    + "or choose another port: local/run --port 3001");
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close));
        URI base = stack.baseUri();
        System.out.println("Member Points local stack on " + base + "  (Ctrl-C stops it; data is in memory)");
        System.out.println("Demo store: merchant demo-shop (" + DemoStore.ZONE + ", " + DemoStore.CURRENCY
                + "), members alice and bob; local clock " + stack.adapters().clock().now().atZone(DemoStore.ZONE).toOffsetDateTime());
        System.out.println("Routes:");
        RouteTable.describe(stack.routes()).forEach(System.out::println);
        System.out.println("Call as a member:  -H 'X-Local-Caller: merchant_id=demo-shop&member_id=alice'");
        System.out.println("Call as staff:     -H 'X-Local-Caller: merchant_id=demo-shop&staff_id=bob&permissions=member_points+customer_management'");
        System.out.println("Time travel:       curl -s -X POST " + base + "/local/clock -H 'content-type: application/json' -d '{\"advance\":\"P3D\"}'");
        System.out.println("Outbox:            curl -s " + base + "/local/outbox");
        System.out.println("Integration events: curl -s " + base + "/local/events");
        Thread.currentThread().join();
    }

    /** Stdout sink that adds the local clock's time to each JSON log line (the local stack only). */
    static final class SimulatedTimeStdout implements java.util.function.Consumer<String> {
        private final LocalClock clock;
        private final ZoneId zone;

        SimulatedTimeStdout(LocalClock clock, ZoneId zone) {
            this.clock = clock;
            this.zone = zone;
        }

        @Override
        public void accept(String line) {
            System.out.println(withLocalTime(line, clock.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).atZone(zone).toOffsetDateTime().toString()));
        }

        static String withLocalTime(String line, String localTime) {
            return line.startsWith("{") ? "{\"localTime\":\"" + localTime + "\"," + line.substring(1) : line;
        }
    }

    private static JsonLogger.Level logLevel(String name) {
        try {
            return name == null || name.isBlank() ? JsonLogger.Level.INFO : JsonLogger.Level.valueOf(name.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return JsonLogger.Level.INFO;
        }
    }
}
