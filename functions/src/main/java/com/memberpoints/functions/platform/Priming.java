package com.memberpoints.functions.platform;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.crac.Core;
import org.crac.Resource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * SnapStart priming, in one place. Every function registers itself here ({@link #beforeSnapshot}) from its Lambda
 * no-arg constructor: the HTTP functions through {@link com.memberpoints.functions.platform.http.ApiHandler}, the
 * others through {@link PrimedHandler}. Before the snapshot their {@code prime()} runs the code paths of an
 * invocation on made-up input, and loads the SDK's request model ({@link #dynamoDbRequestModel}) — no network, no
 * credentials, no port, nothing logged (SnapStartPrimingCoverageTest). The made-up inputs of a group sit beside the
 * parsers they exercise (storefront/StorefrontWarmUp, events/OrdersWarmUp), because platform imports no group.
 *
 * <p>Invoke priming (issue 15): registering any function here also registers, once per container, one real DynamoDB
 * round trip ({@link #dynamoDbRoundTrip}) run before the snapshot when the function has a table ({@code TABLE_NAME}):
 * a {@code GetItem} of a key no store ever writes, so request signing, the HTTP client, endpoint resolution and
 * response unmarshalling are loaded and JIT-warmed inside the snapshot. It writes nothing (PrimingRoundTripIT).
 * After restore the HTTP client opens new connections by itself (a pooled connection from before the snapshot
 * that turns out dead is an I/O error the SDK retries).
 *
 * <p>Every other SDK call the function's services make (writes, queries, batch calls, sends, schedules, events, and
 * the conditional-failure errors the stores rely on) is run before the snapshot on throwaway clients whose HTTP
 * client answers canned responses ({@link SdkPriming}): the whole SDK request path is inside the snapshot without
 * one byte sent, one permission needed or one item written (PrimingWritesNothingIT).
 */
public final class Priming {
    private Priming() {}

    /** Registers {@code function} with CRaC so that its {@code beforeCheckpoint} (priming) runs before the snapshot. */
    public static void beforeSnapshot(Resource function) {
        Core.getGlobalContext().register(function);
        SERVICES.addAll(SdkPriming.Service.of(function.getClass()));
        if (ROUND_TRIP_REGISTERED.compareAndSet(false, true)) {
            Core.getGlobalContext().register(RoundTrip.INSTANCE);
        }
    }

    /** The AWS services of the functions registered in this container (from their {@link ReadsEnvironment}). */
    private static final java.util.Set<SdkPriming.Service> SERVICES =
            java.util.Collections.synchronizedSet(java.util.EnumSet.noneOf(SdkPriming.Service.class));

    /**
     * What the container's priming resource runs before the snapshot, after the functions' own {@code prime()}: the
     * SDK calls of every service the registered functions use, on canned clients ({@link SdkPriming}: no I/O), then
     * the one real {@code GetItem} on the container's DynamoDB client when there is a table. Public for the
     * first-invoke benchmark (org.crac refuses a direct checkpoint off a CRaC JVM). Answers the canned requests made.
     */
    public static int primeContainer() {
        String region = System.getenv("AWS_REGION");
        // The real read only where a registered handler declares the table: its role may read it (HealthFunction's
        // may not, though the template's globals give every function TABLE_NAME).
        String table = SERVICES.contains(SdkPriming.Service.DYNAMODB) ? System.getenv(AppConfig.TABLE_NAME) : null;
        return prime(java.util.Set.copyOf(SERVICES), software.amazon.awssdk.regions.Region.of(
                        region == null || region.isBlank() ? "us-east-1" : region), java.util.Optional.empty(),
                table == null || table.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(table),
                () -> Wiring.aws().dynamoDb());
    }

    /**
     * {@link #primeContainer()} with its inputs explicit (tests): the canned SDK calls of {@code services} (their
     * clients pointed at {@code endpoint} when given, which a canned client never calls), then the real round trip on
     * {@code dynamoDb} when there is a {@code table}.
     */
    static int prime(java.util.Set<SdkPriming.Service> services, software.amazon.awssdk.regions.Region region,
                     java.util.Optional<java.net.URI> endpoint, java.util.Optional<String> table,
                     java.util.function.Supplier<DynamoDbClient> dynamoDb) {
        jdkData();
        int canned = SdkPriming.run(services, region, endpoint, table.orElse("priming"));
        table.ifPresent(t -> dynamoDbRoundTrip(dynamoDb.get(), t));
        return canned;
    }

    private static final AtomicBoolean ROUND_TRIP_REGISTERED = new AtomicBoolean();

    /** Partition key of the priming read: no item mapper writes a key starting with "~" (docs/decisions.md). */
    static final String ROUND_TRIP_PK = "~priming";

    /**
     * One side-effect-free DynamoDB round trip on {@code client}: a consistent {@code GetItem} of a key that no store
     * writes ({@code pk = ~priming}, {@code sk = ~priming}), projecting only the key. Never throws (priming must not
     * fail a snapshot): answers whether the call completed.
     */
    public static boolean dynamoDbRoundTrip(DynamoDbClient client, String table) {
        try {
            Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS(ROUND_TRIP_PK),
                    "sk", AttributeValue.fromS(ROUND_TRIP_PK));
            client.getItem(GetItemRequest.builder().tableName(table).key(key).consistentRead(true)
                    .projectionExpression("pk").build());
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * JDK data the first real invocation still loaded after the SDK priming (class-load logs of the first-invoke
     * benchmark, docs/performance.md): the time-zone database (a merchant's zone rules: {@code TzdbZoneRulesProvider}
     * reads tzdb.dat), the currency tables and the CLDR currency names of the locales the shopper texts use.
     */
    static void jdkData() {
        java.time.ZoneId.of("Asia/Taipei").getRules().getOffset(java.time.Instant.EPOCH);
        java.time.Year.now(java.time.ZoneOffset.UTC);
        java.util.Currency.getAvailableCurrencies();
        for (java.util.Locale locale : java.util.List.of(java.util.Locale.ENGLISH, java.util.Locale.forLanguageTag("zh-TW"))) {
            java.util.Currency.getInstance("TWD").getSymbol(locale);
            java.util.Currency.getInstance("USD").getDisplayName(locale);
        }
    }

    /** The container's round trip: only in a function with a table, on the container's own client. */
    private static final class RoundTrip implements Resource {
        static final RoundTrip INSTANCE = new RoundTrip();

        @Override
        public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
            primeContainer();
        }

        @Override
        public void afterRestore(org.crac.Context<? extends Resource> context) {
            // Nothing: the HTTP client opens new connections as needed.
        }
    }

    /**
     * Loads the DynamoDB request model (builders, attribute values, the request classes the stores send)
     * by building requests that are never sent.
     */
    public static void dynamoDbRequestModel() {
        Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("priming"), "sk", AttributeValue.fromN("1"));
        GetItemRequest.builder().tableName("priming").key(key).consistentRead(true).build();
        QueryRequest.builder().tableName("priming").keyConditionExpression("pk = :p").expressionAttributeValues(key)
                .limit(1).build();
        TransactWriteItemsRequest.builder().transactItems(TransactWriteItem.builder()
                .put(Put.builder().tableName("priming").item(key).build()).build()).build();
    }
}
