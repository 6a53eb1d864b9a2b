package com.memberpoints.functions.platform;

import com.memberpoints.domain.checkout.CheckoutService;
import com.memberpoints.domain.membercenter.MemberCenter;
import com.memberpoints.domain.ledger.LedgerStore;
import com.memberpoints.domain.order.OrderLifecycle;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.domain.order.AssignmentScheduler;
import com.memberpoints.domain.model.TimeSource;
import com.memberpoints.infra.aws.AwsClients;
import com.memberpoints.infra.dynamodb.DynamoDbLedgerStore;
import com.memberpoints.domain.member.MemberStore;
import com.memberpoints.domain.merchant.MerchantStore;
import com.memberpoints.domain.order.OrderStore;
import com.memberpoints.domain.settings.SettingsStore;
import com.memberpoints.domain.notify.NotificationDispatcher;
import com.memberpoints.domain.notify.RateLimiter;
import com.memberpoints.domain.notify.DeliveryStore;
import com.memberpoints.domain.notify.SmsUsageMeter;
import com.memberpoints.infra.dynamodb.DynamoDbDeliveryStore;
import com.memberpoints.infra.ses.SesEmailSender;
import com.memberpoints.infra.sns.SnsSmsSender;
import com.memberpoints.infra.dynamodb.DynamoDbMemberStore;
import com.memberpoints.infra.dynamodb.DynamoDbMerchantStore;
import com.memberpoints.infra.dynamodb.DynamoDbOrderStore;
import com.memberpoints.infra.dynamodb.DynamoDbSettingsStore;
import com.memberpoints.infra.scheduler.EventBridgeAssignmentScheduler;
import com.memberpoints.domain.bulk.BulkAssignments;
import com.memberpoints.domain.bulk.BulkJobQueue;
import com.memberpoints.domain.bulk.BulkJobStore;
import com.memberpoints.domain.model.IdSource;
import com.memberpoints.domain.settings.SettingsAdmin;
import com.memberpoints.domain.staff.PointsAdjustments;
import com.memberpoints.domain.staff.StoreSpend;
import com.memberpoints.infra.dynamodb.DynamoDbBulkJobStore;
import com.memberpoints.infra.sqs.SqsBulkJobQueue;
import java.util.List;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The composition root: configuration and the container's SDK clients, built once per container
 * (Lambda reuses the JVM across invocations), handed to the handlers' no-arg constructors. Each
 * holder is a nested class, so nothing is built — and no SDK class is even loaded — until a handler
 * first asks for it (the health handler never does).
 *
 * <p>SDK clients come from infra's {@link AwsClients} (one URLConnection HTTP client shared by all,
 * credentials as {@link AwsClients#credentialsFor} chooses (in Lambda the runtime's one provider, else the default
 * chain), region from {@code AWS_REGION}, endpoint override only when
 * {@code AWS_ENDPOINT_URL} is set). Names (table, sender, schedule group, ...) come from
 * {@link AppConfig}. Adapters are built here from those, in factory methods, never inside handlers
 * — e.g. {@code static LedgerStore ledgerStore()} returning the DynamoDB adapter on {@code aws().dynamoDb()}
 * and {@code config().tableName()}. Only clients and configuration are static.
 */
public final class Wiring {
    private Wiring() {}

    public static AppConfig config() {
        return ConfigHolder.CONFIG;
    }

    /** The SDK clients of this container. */
    public static AwsClients aws() {
        return AwsHolder.CLIENTS;
    }

    /** Versioned merchant settings and the activity log, on the single table. */
    public static SettingsStore settingsStore() {
        return SettingsHolder.STORE;
    }

    /** Merchant profiles, on the single table. */
    public static MerchantStore merchantStore() {
        return MerchantHolder.STORE;
    }

    /**
     * How long a container serves a merchant profile or current settings from memory (docs/decisions.md, "Settings
     * and merchant cache"): a change saved elsewhere is seen by the hot paths at most this much later.
     */
    public static final java.time.Duration READ_CACHE_TTL = java.time.Duration.ofSeconds(30);

    /** {@link #settingsStore()} behind the per-container cache: for the order, checkout and member paths, not the admin. */
    public static SettingsStore cachedSettingsStore() {
        return CachedHolder.SETTINGS;
    }

    /** {@link #merchantStore()} behind the per-container cache: for the order, checkout and member paths, not the admin. */
    public static MerchantStore cachedMerchantStore() {
        return CachedHolder.MERCHANTS;
    }

    private static final class CachedHolder {
        static final SettingsStore SETTINGS = new com.memberpoints.domain.settings.CachingSettingsStore(
                settingsStore(), READ_CACHE_TTL, TimeSource.system());
        static final MerchantStore MERCHANTS = new com.memberpoints.domain.merchant.CachingMerchantStore(
                merchantStore(), READ_CACHE_TTL, TimeSource.system());
    }

    /** Member profiles, on the single table. */
    public static MemberStore memberStore() {
        return MemberHolder.STORE;
    }

    /** Orders, on the single table. */
    public static OrderStore orderStore() {
        return OrderHolder.STORE;
    }

    /** The ledger, on the single table. */
    public static LedgerStore ledgerStore() {
        return LedgerHolder.STORE;
    }

    /**
     * The EventBridge Scheduler adapter, built on its first use: the four scheduler variables are required only
     * by a function that actually schedules or deletes (the order events function), not by the scheduled
     * assignment or the daily sweep, which share the lifecycle but never schedule.
     */
    public static AssignmentScheduler assignmentScheduler() {
        return LazyScheduler.INSTANCE;
    }

    /** The order lifecycle on the DynamoDB stores, the EventBridge scheduler and the system clock. */
    public static OrderLifecycle orderLifecycle() {
        return new OrderLifecycle(orderStore(), ledgerStore(), cachedSettingsStore(), cachedMerchantStore(), memberStore(),
                assignmentScheduler(), TimeSource.system());
    }

    private static final class LedgerHolder {
        static final LedgerStore STORE = new DynamoDbLedgerStore(aws().dynamoDb(), config().tableName());
    }

    private static final class LazyScheduler implements AssignmentScheduler {
        static final LazyScheduler INSTANCE = new LazyScheduler();

        @Override
        public ScheduleOutcome schedule(MerchantId merchant, OrderId order, Instant dueAt, ZoneId merchantZone) {
            return SchedulerHolder.SCHEDULER.schedule(merchant, order, dueAt, merchantZone);
        }

        @Override
        public CancelOutcome cancel(MerchantId merchant, OrderId order) {
            return SchedulerHolder.SCHEDULER.cancel(merchant, order);
        }
    }

    private static final class SchedulerHolder {
        static final AssignmentScheduler SCHEDULER = build();

        private static AssignmentScheduler build() {
            AppConfig c = config();
            return new EventBridgeAssignmentScheduler(aws().scheduler(), EventBridgeAssignmentScheduler.Config.of(
                    c.scheduleGroupName(), c.assignmentFunctionArn(), c.schedulerRoleArn(), c.schedulerDlqArn()),
                    TimeSource.system());
        }
    }

    /** Notification delivery records (at-most-once claims), on the single table. */
    public static DeliveryStore deliveryStore() {
        return NotificationHolder.DELIVERIES;
    }

    /** Monthly SMS usage per merchant, on the single table (the same adapter as the delivery records). */
    public static SmsUsageMeter smsUsageMeter() {
        return NotificationHolder.DELIVERIES;
    }

    /**
     * The notification dispatcher: SES v2 email ({@code SES_FROM_ADDRESS}, {@code SES_CONFIGURATION_SET}), SNS SMS
     * ({@code SMS_SENDER_ID}), rate limits {@code SES_MAX_SEND_RATE} and {@code SMS_MAX_SEND_RATE} per second for
     * the whole account (a budget item per second on the table, shared by every container; a bucket per container
     * smooths each one's sends).
     */
    public static NotificationDispatcher notificationDispatcher() {
        return DispatcherHolder.DISPATCHER;
    }

    /** Per-merchant liability counters (fed by the ledger stream, read by the liability report), on the single table. */
    public static com.memberpoints.domain.liability.LiabilityCounters liabilityCounters() {
        return LiabilityHolder.COUNTERS;
    }

    /**
     * The liability consumer's replay (docs/scale.md change 8): the table stream read back by range
     * ({@code DynamoDbStreamsJournalReader}), the same counters, and the replay's dead-letter queue, whose URL
     * ({@value AppConfig#LIABILITY_REPLAY_DLQ_URL}) is required only when a range is past retention.
     */
    public static com.memberpoints.domain.liability.LiabilityReplay liabilityReplay() {
        return new com.memberpoints.domain.liability.LiabilityReplay(
                new com.memberpoints.infra.dynamodb.DynamoDbStreamsJournalReader(aws().dynamoDbStreams()),
                liabilityCounters(), (range, reason) -> ReplayDlqHolder.QUEUE.add(range, reason));
    }

    private static final class ReplayDlqHolder {
        static final com.memberpoints.domain.liability.UnreplayableRangeQueue QUEUE =
                new com.memberpoints.infra.sqs.SqsUnreplayableRangeQueue(aws().sqs(),
                        config().require(AppConfig.LIABILITY_REPLAY_DLQ_URL, "the liability replay dead-letter queue"));
    }

    private static final class LiabilityHolder {
        static final com.memberpoints.domain.liability.LiabilityCounters COUNTERS =
                new com.memberpoints.infra.dynamodb.DynamoDbLiabilityCounters(aws().dynamoDb(), config().tableName());
    }

    private static final class NotificationHolder {
        static final DynamoDbDeliveryStore DELIVERIES = new DynamoDbDeliveryStore(aws().dynamoDb(), config().tableName());
    }

    private static final class DispatcherHolder {
        static final NotificationDispatcher DISPATCHER = new NotificationDispatcher(
                cachedMerchantStore(), memberStore(), ledgerStore(),
                NotificationHolder.DELIVERIES,
                new SesEmailSender(aws().sesV2(), config().sesFromAddress(), config().sesConfigurationSet()),
                new SnsSmsSender(aws().sns(), config().smsSenderId()),
                RateLimiter.perSecond(config().sesMaxSendRate(), (int) Math.max(1, config().sesMaxSendRate())),
                RateLimiter.perSecond(config().smsMaxSendRate(), (int) Math.max(1, config().smsMaxSendRate())),
                new com.memberpoints.infra.dynamodb.DynamoDbSendBudget(aws().dynamoDb(), config().tableName(),
                        java.util.Map.of(
                                com.memberpoints.domain.notify.Channel.EMAIL, perSecond(config().sesMaxSendRate()),
                                com.memberpoints.domain.notify.Channel.SMS, perSecond(config().smsMaxSendRate()))),
                TimeSource.system(), NotificationDispatcher.Settings.DEFAULT);

        /** The account's whole sends per second (at least one). */
        private static int perSecond(double rate) {
            return (int) Math.max(1, Math.floor(rate));
        }
    }

    /** Expiry-reminder markers and each merchant's reminder progress (issue 12 item 2), on the single table. */
    public static com.memberpoints.domain.notify.ExpiryReminderStore expiryReminderStore() {
        return ReminderHolder.STORE;
    }

    /**
     * The sweep's expiry-reminder pass: cached merchants and settings, the ledger's expiry index, the marker store.
     * It only writes markers; the stream's dispatcher sends the messages.
     */
    public static com.memberpoints.domain.notify.ExpiryReminderPass expiryReminderPass() {
        return new com.memberpoints.domain.notify.ExpiryReminderPass(cachedMerchantStore(), cachedSettingsStore(),
                ledgerStore(), expiryReminderStore());
    }

    private static final class ReminderHolder {
        static final com.memberpoints.domain.notify.ExpiryReminderStore STORE =
                new com.memberpoints.infra.dynamodb.DynamoDbExpiryReminderStore(aws().dynamoDb(), config().tableName());
    }

    private static final class SettingsHolder {
        static final SettingsStore STORE = new DynamoDbSettingsStore(aws().dynamoDb(), config().tableName());
    }

    private static final class MerchantHolder {
        static final MerchantStore STORE = new DynamoDbMerchantStore(aws().dynamoDb(), config().tableName());
    }

    private static final class MemberHolder {
        static final MemberStore STORE = new DynamoDbMemberStore(aws().dynamoDb(), config().tableName());
    }

    private static final class OrderHolder {
        static final OrderStore STORE = new DynamoDbOrderStore(aws().dynamoDb(), config().tableName());
    }

    private static final class ConfigHolder {
        static final AppConfig CONFIG = AppConfig.fromEnvironment();
    }

    private static final class AwsHolder {
        static final AwsClients CLIENTS = AwsClients.fromEnvironment();
    }

    // ---- storefront (checkout, member center) ---------------------------------------------------

    /** The checkout use case over the DynamoDB adapters, built once per container. */
    public static CheckoutService checkout() {
        return StorefrontHolder.CHECKOUT;
    }

    /** The member center over the DynamoDB adapters, built once per container. */
    public static MemberCenter memberCenter() {
        return StorefrontHolder.MEMBER_CENTER;
    }

    private static final class StorefrontHolder {
        static final CheckoutService CHECKOUT = new CheckoutService(ledgerStore(), cachedSettingsStore(), cachedMerchantStore(),
                memberStore(), TimeSource.system());
        static final MemberCenter MEMBER_CENTER = new MemberCenter(ledgerStore(), cachedSettingsStore(), cachedMerchantStore(),
                memberStore(), orderStore(), TimeSource.system());
    }
    // ---- end storefront -------------------------------------------------------------------------

    // ---- admin order view (issue 11.5) ------------------------------------------------------------

    /** The admin order view over the DynamoDB adapters, built once per container. */
    public static com.memberpoints.domain.order.OrderViews orderViews() {
        return OrderViewsHolder.VIEWS;
    }

    private static final class OrderViewsHolder {
        static final com.memberpoints.domain.order.OrderViews VIEWS = new com.memberpoints.domain.order.OrderViews(
                orderStore(), ledgerStore(), cachedSettingsStore(), merchantStore());
    }
    // ---- end admin order view ---------------------------------------------------------------------

    // ---- admin (settings, member views, adjustments, bulk jobs) ---------------------------------

    /** Settings reads and versioned updates. */
    public static SettingsAdmin settingsAdmin() {
        return new SettingsAdmin(settingsStore(), merchantStore(), TimeSource.system());
    }

    /** Staff point adjustments. */
    public static PointsAdjustments pointsAdjustments() {
        return new PointsAdjustments(ledgerStore(), memberStore(), merchantStore(), settingsStore(), TimeSource.system());
    }

    /** Staff manual store-credit adjustments (issue 11.2). */
    public static com.memberpoints.domain.staff.CreditAdjustments creditAdjustments() {
        return new com.memberpoints.domain.staff.CreditAdjustments(ledgerStore(), memberStore(), merchantStore(),
                settingsStore(), TimeSource.system());
    }

    /** Staff store spend (points earned at the counter). */
    public static StoreSpend storeSpend() {
        return new StoreSpend(ledgerStore(), memberStore(), merchantStore(), settingsStore(), receiptStore(),
                TimeSource.system());
    }

    /** In-store receipts' listing copies (store spend, POS redemptions), on the single table. */
    public static com.memberpoints.domain.staff.ReceiptStore receiptStore() {
        return ReceiptHolder.STORE;
    }

    private static final class ReceiptHolder {
        static final com.memberpoints.domain.staff.ReceiptStore STORE =
                new com.memberpoints.infra.dynamodb.DynamoDbReceiptStore(aws().dynamoDb(), config().tableName());
    }

    /** Staff POS redemption (points applied to an in-store sale, and its cancellation). */
    public static com.memberpoints.domain.staff.PosRedemptions posRedemptions() {
        return new com.memberpoints.domain.staff.PosRedemptions(ledgerStore(), memberStore(), merchantStore(),
                settingsStore(), receiptStore(), TimeSource.system());
    }

    /** Members of a bulk chunk credited at once by the worker (each credit is one ledger transaction). */
    public static final int BULK_CREDIT_PARALLELISM = 8;

    /** Bulk assignment jobs: created by the admin route, run chunk by chunk by the SQS worker. */
    public static BulkAssignments bulkAssignments() {
        return new BulkAssignments(ledgerStore(), memberStore(), cachedMerchantStore(), cachedSettingsStore(),
                BulkHolder.JOBS, new LazyBulkQueue(), TimeSource.system(), IdSource.random()).withParallelism(BULK_CREDIT_PARALLELISM);
    }

    /** The admin ports and services over the DynamoDB adapters (kept for the member view handlers until they move). */
    public static com.memberpoints.functions.admin.AdminServices admin() {
        return AdminHolder.SERVICES;
    }

    private static final class AdminHolder {
        static final com.memberpoints.functions.admin.AdminServices SERVICES = new com.memberpoints.functions.admin.AdminServices(
                ledgerStore(), memberStore(), merchantStore(), settingsStore(), orderStore(), BulkHolder.JOBS,
                new LazyBulkQueue(), TimeSource.system(), IdSource.random());
    }

    private static final class BulkHolder {
        static final BulkJobStore JOBS = new DynamoDbBulkJobStore(aws().dynamoDb(), config().tableName());
    }

    /** The SQS queue, built (and its URL required) only by the function that enqueues: the create route. */
    private static final class LazyBulkQueue implements BulkJobQueue {
        @Override
        public void enqueue(MerchantId merchant, String jobId, List<Integer> chunkIndexes) {
            BulkQueueHolder.QUEUE.enqueue(merchant, jobId, chunkIndexes);
        }
    }

    private static final class BulkQueueHolder {
        static final BulkJobQueue QUEUE = new SqsBulkJobQueue(
                aws().sqs(), config().require(BULK_JOBS_QUEUE_URL, "the bulk assignment job queue"));
    }

    /** Rows of an import chunk credited at once by the worker (each credit is one ledger transaction). */
    public static final int IMPORT_CREDIT_PARALLELISM = 8;

    /**
     * Balance imports (issue 12 item 4): created and fed by the admin routes; their chunks go through the bulk job
     * queue to the bulk worker function, which routes {@code import-} job ids here.
     */
    public static com.memberpoints.domain.migration.BalanceImports balanceImports() {
        return new com.memberpoints.domain.migration.BalanceImports(ledgerStore(), memberStore(), cachedMerchantStore(),
                ImportHolder.JOBS, new LazyBulkQueue(), TimeSource.system(), IdSource.random())
                .withParallelism(IMPORT_CREDIT_PARALLELISM);
    }

    /** The balance export: every wallet of the merchant, page by page. */
    public static com.memberpoints.domain.migration.BalanceExport balanceExport() {
        return new com.memberpoints.domain.migration.BalanceExport(
                new com.memberpoints.infra.dynamodb.DynamoDbWalletListing(aws().dynamoDb(), config().tableName()),
                cachedMerchantStore(), TimeSource.system());
    }

    private static final class ImportHolder {
        static final com.memberpoints.domain.migration.ImportJobStore JOBS =
                new com.memberpoints.infra.dynamodb.DynamoDbImportJobStore(aws().dynamoDb(), config().tableName());
    }

    // ---- expiry sweep fan-out (issue 16 change 7) --------------------------------------------------

    /** Wallets one step of an expiry walk handles before it queues its continuation (~80 s at 62 wallets/s). */
    public static final int EXPIRY_WALK_WALLETS = 5_000;
    /** A walk step stops when less than this is left of the invocation (the worker's timeout is 120 s). */
    public static final java.time.Duration EXPIRY_WALK_TIME_RESERVE = java.time.Duration.ofSeconds(30);
    /**
     * A part's claim with no progress for this long is taken over by the next hourly run: longer than a walk message
     * can wait and be retried (queue wait + visibility timeout 720 s × maxReceiveCount 5 = 1 h, template.yaml).
     */
    public static final java.time.Duration EXPIRY_WALK_STALE_AFTER = java.time.Duration.ofHours(3);

    /** The hourly sweep's fan-out: a walk per part of the expiry index, on the expiry walks queue. */
    public static com.memberpoints.domain.sweep.ExpiryFanOut expiryFanOut() {
        return new com.memberpoints.domain.sweep.ExpiryFanOut(ledgerStore(), new LazyExpiryWalkQueue(),
                ExpiryWalkHolder.CLAIMS, EXPIRY_WALK_STALE_AFTER);
    }

    /** The expiry sweep worker's use case: one step of a walk, continuations on the same queue. */
    public static com.memberpoints.domain.sweep.ExpiryWalker expiryWalker() {
        return new com.memberpoints.domain.sweep.ExpiryWalker(ledgerStore(), new LazyExpiryWalkQueue(),
                ExpiryWalkHolder.CLAIMS, TimeSource.system(), expiryReminderPass()); // reminder walks: issue 16.7b
    }

    private static final class ExpiryWalkHolder {
        static final com.memberpoints.domain.sweep.ExpiryWalkClaims CLAIMS =
                new com.memberpoints.infra.dynamodb.DynamoDbExpiryWalkClaims(aws().dynamoDb(), config().tableName());
    }

    /** The SQS queue, built (and its URL required) when a walk is first queued. */
    private static final class LazyExpiryWalkQueue implements com.memberpoints.domain.sweep.ExpiryWalkQueue {
        @Override
        public void enqueue(List<com.memberpoints.domain.sweep.ExpiryWalk> walks) {
            ExpiryWalkQueueHolder.QUEUE.enqueue(walks);
        }
    }

    private static final class ExpiryWalkQueueHolder {
        static final com.memberpoints.domain.sweep.ExpiryWalkQueue QUEUE =
                new com.memberpoints.infra.sqs.SqsExpiryWalkQueue(aws().sqs(),
                        config().require(AppConfig.EXPIRY_WALKS_QUEUE_URL, "the expiry walks queue"));
    }
    // ---- end expiry sweep fan-out -------------------------------------------------------------------

    /** Environment variable naming the SQS queue that feeds the bulk assignment worker (template.yaml). */
    public static final String BULK_JOBS_QUEUE_URL = AppConfig.BULK_JOBS_QUEUE_URL;
    // ---- end admin ------------------------------------------------------------------------------

    // ---- integration events (issue 12 item 1) ------------------------------------------------------

    /**
     * The integration events use case: EventBridge {@code PutEvents} on {@code INTEGRATION_EVENT_BUS_NAME} with source
     * {@code INTEGRATION_EVENT_SOURCE}, personal data per {@code INTEGRATION_EVENTS_PERSONAL_DATA}; merchants cached.
     */
    public static com.memberpoints.domain.integration.IntegrationEvents integrationEvents() {
        return IntegrationHolder.EVENTS;
    }

    private static final class IntegrationHolder {
        static final com.memberpoints.domain.integration.IntegrationEvents EVENTS = build();

        private static com.memberpoints.domain.integration.IntegrationEvents build() {
            AppConfig c = config();
            var settings = com.memberpoints.domain.integration.IntegrationEvents.Settings.DEFAULT
                    .withSource(c.integrationEventSource()).withPersonalData(c.integrationEventsPersonalData());
            return new com.memberpoints.domain.integration.IntegrationEvents(cachedMerchantStore(), memberStore(),
                    new com.memberpoints.infra.eventbridge.EventBridgeIntegrationEventPublisher(aws().eventBridge(),
                            c.integrationEventBusName(), settings.source()),
                    settings, com.memberpoints.domain.integration.IntegrationEvents.Sleeper.system());
        }
    }
}
