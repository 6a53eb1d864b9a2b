package com.memberpoints.functions;

import com.memberpoints.domain.app.StorefrontService;
import com.memberpoints.domain.ledger.LedgerStore;
import com.memberpoints.domain.port.TimeSource;
import com.memberpoints.infra.aws.AwsClients;
import com.memberpoints.infra.dynamodb.DynamoDbLedgerStore;
import com.memberpoints.domain.port.MemberStore;
import com.memberpoints.domain.port.MerchantStore;
import com.memberpoints.domain.port.OrderStore;
import com.memberpoints.domain.port.SettingsStore;
import com.memberpoints.infra.dynamodb.DynamoDbMemberStore;
import com.memberpoints.infra.dynamodb.DynamoDbMerchantStore;
import com.memberpoints.infra.dynamodb.DynamoDbOrderStore;
import com.memberpoints.infra.dynamodb.DynamoDbSettingsStore;

/**
 * The composition root: configuration and the container's SDK clients, built once per container
 * (Lambda reuses the JVM across invocations), handed to the handlers' no-arg constructors. Each
 * holder is a nested class, so nothing is built — and no SDK class is even loaded — until a handler
 * first asks for it (the health handler never does).
 *
 * <p>SDK clients come from infra's {@link AwsClients} (one URLConnection HTTP client shared by all,
 * default credentials chain, region from {@code AWS_REGION}, endpoint override only when
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

    /** Member profiles, on the single table. */
    public static MemberStore memberStore() {
        return MemberHolder.STORE;
    }

    /** Orders, on the single table. */
    public static OrderStore orderStore() {
        return OrderHolder.STORE;
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

    /** The ledger on this container's DynamoDB client and the configured table. */
    public static LedgerStore ledgerStore() {
        return new DynamoDbLedgerStore(aws().dynamoDb(), config().tableName());
    }

    // ---- storefront (checkout, member center) ---------------------------------------------------

    /** The storefront application service over the DynamoDB adapters, built once per container. */
    public static StorefrontService storefront() {
        return StorefrontHolder.SERVICE;
    }

    private static final class StorefrontHolder {
        static final StorefrontService SERVICE = buildStorefront();

        private static StorefrontService buildStorefront() {
            return new StorefrontService(ledgerStore(), settingsStore(), merchantStore(), memberStore(), TimeSource.system());
        }
    }
    // ---- end storefront -------------------------------------------------------------------------

    // ---- admin (settings, member views, adjustments, bulk jobs) ---------------------------------

    /** The admin ports and services over the DynamoDB adapters, built once per container. */
    public static com.memberpoints.functions.admin.AdminServices admin() {
        return AdminHolder.SERVICES;
    }

    private static final class AdminHolder {
        static final com.memberpoints.functions.admin.AdminServices SERVICES = buildAdmin();

        private static com.memberpoints.functions.admin.AdminServices buildAdmin() {
            String table = config().tableName();
            return new com.memberpoints.functions.admin.AdminServices(
                    ledgerStore(),
                    memberStore(), merchantStore(), settingsStore(), orderStore(),
                    new com.memberpoints.infra.dynamodb.DynamoDbBulkJobStore(aws().dynamoDb(), table),
                    new LazyBulkQueue(),
                    com.memberpoints.domain.port.TimeSource.system(),
                    com.memberpoints.domain.port.IdSource.random());
        }
    }

    /** The SQS queue, built (and its URL required) only by the function that enqueues: the create route. */
    private static final class LazyBulkQueue implements com.memberpoints.domain.port.BulkJobQueue {
        @Override
        public void enqueue(com.memberpoints.domain.model.MerchantId merchant, String jobId,
                            java.util.List<Integer> chunkIndexes) {
            BulkQueueHolder.QUEUE.enqueue(merchant, jobId, chunkIndexes);
        }
    }

    private static final class BulkQueueHolder {
        static final com.memberpoints.domain.port.BulkJobQueue QUEUE = new com.memberpoints.infra.sqs.SqsBulkJobQueue(
                aws().sqs(), config().require(BULK_JOBS_QUEUE_URL, "the bulk assignment job queue"),
                com.memberpoints.functions.admin.BulkAssignmentWorkerHandler::message);
    }

    /** Environment variable naming the SQS queue that feeds the bulk assignment worker (template.yaml). */
    public static final String BULK_JOBS_QUEUE_URL = "BULK_JOBS_QUEUE_URL";
    // ---- end admin ------------------------------------------------------------------------------
}
