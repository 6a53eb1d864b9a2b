package com.memberpoints.functions.admin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.memberpoints.domain.inmemory.InMemoryBulkJobQueue;
import com.memberpoints.domain.inmemory.InMemoryBulkJobStore;
import com.memberpoints.domain.inmemory.InMemoryLedgerStore;
import com.memberpoints.domain.ledger.LedgerStore;
import com.memberpoints.domain.member.MemberProfile;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.member.MemberStore;
import com.memberpoints.domain.merchant.MerchantStore;
import com.memberpoints.domain.settings.SettingsStore;
import com.memberpoints.domain.bulk.BulkJobStore;
import com.memberpoints.domain.inmemory.InMemoryMemberStore;
import com.memberpoints.domain.inmemory.InMemoryMerchantStore;
import com.memberpoints.domain.inmemory.InMemorySettingsStore;
import com.memberpoints.infra.dynamodb.DynamoDbBulkJobStore;
import com.memberpoints.infra.dynamodb.DynamoDbLedgerStore;
import com.memberpoints.infra.dynamodb.DynamoDbMemberStore;
import com.memberpoints.infra.dynamodb.DynamoDbMerchantStore;
import com.memberpoints.infra.dynamodb.DynamoDbSettingsStore;
import com.memberpoints.infra.testing.DynamoDbLocal;
import com.memberpoints.domain.settings.MerchantSettings;
import com.memberpoints.domain.model.TierId;
import com.memberpoints.functions.platform.ApiEvents;
import com.memberpoints.functions.platform.CapturedLog;
import com.memberpoints.functions.platform.TestContext;
import com.memberpoints.functions.platform.http.ApiHandler;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The admin handlers over in-memory ports (ledger, job store and queue are the domain's in-memory
 * implementations; member, merchant and settings stores are the small fakes below, port-faithful: optimistic
 * settings versions, batched member reads), plus API Gateway v2 fixtures for any route and caller.
 */
final class AdminWorld {
    static final MerchantId SHOP = MerchantId.of("shop-1");
    static final MerchantId OTHER_SHOP = MerchantId.of("shop-2");
    static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");

    final AtomicReference<Instant> clock = new AtomicReference<>(NOW);
    /** In-store receipts' listing copies (store spend, POS redemptions). */
    final com.memberpoints.domain.staff.ReceiptStore receipts;
    final LedgerStore ledger;
    final MemberStore members;
    final MerchantStore merchants;
    final SettingsStore settings;
    final com.memberpoints.domain.order.OrderStore orders;
    final BulkJobStore jobs;
    final InMemoryBulkJobQueue queue = new InMemoryBulkJobQueue();
    final CapturedLog log = new CapturedLog();
    final AdminServices services;
    /** Liability counters; tests feed them the entries they write (the stream consumer's job in production). */
    final com.memberpoints.domain.liability.LiabilityCounters liability;
    private final AtomicInteger ids = new AtomicInteger();

    AdminWorld() {
        this(new InMemoryLedgerStore());
    }

    AdminWorld(LedgerStore ledger) {
        this(ledger, new InMemoryMemberStore(), new InMemoryMerchantStore(), new InMemorySettingsStore(),
                new com.memberpoints.domain.inmemory.InMemoryOrderStore(), new InMemoryBulkJobStore(),
                new com.memberpoints.domain.inmemory.InMemoryLiabilityCounters());
    }

    /** The same world over DynamoDB Local: every adapter on one fresh single table. */
    static AdminWorld overDynamoDb(DynamoDbLocal local) {
        return overDynamoDb(local, l -> l);
    }

    /** Over DynamoDB Local with the ledger wrapped (e.g. to crash at a chosen write). */
    static AdminWorld overDynamoDb(DynamoDbLocal local, java.util.function.UnaryOperator<LedgerStore> wrap) {
        String table = local.createLedgerTable();
        var client = local.client();
        return new AdminWorld(wrap.apply(new DynamoDbLedgerStore(client, table)), new DynamoDbMemberStore(client, table),
                new DynamoDbMerchantStore(client, table), new DynamoDbSettingsStore(client, table),
                new com.memberpoints.infra.dynamodb.DynamoDbOrderStore(client, table),
                new DynamoDbBulkJobStore(client, table),
                new com.memberpoints.infra.dynamodb.DynamoDbLiabilityCounters(client, table),
                new com.memberpoints.infra.dynamodb.DynamoDbReceiptStore(client, table));
    }

    AdminWorld(LedgerStore ledger, MemberStore members, MerchantStore merchants, SettingsStore settings,
               com.memberpoints.domain.order.OrderStore orders, BulkJobStore jobs,
               com.memberpoints.domain.liability.LiabilityCounters liability) {
        this(ledger, members, merchants, settings, orders, jobs, liability,
                new com.memberpoints.domain.inmemory.InMemoryReceiptStore());
    }

    AdminWorld(LedgerStore ledger, MemberStore members, MerchantStore merchants, SettingsStore settings,
               com.memberpoints.domain.order.OrderStore orders, BulkJobStore jobs,
               com.memberpoints.domain.liability.LiabilityCounters liability,
               com.memberpoints.domain.staff.ReceiptStore receipts) {
        this.receipts = receipts;
        this.liability = liability;
        this.ledger = ledger;
        this.members = members;
        this.merchants = merchants;
        this.settings = settings;
        this.orders = orders;
        this.jobs = jobs;
        services = new AdminServices(ledger, members, merchants, settings, orders, jobs, queue, clock::get,
                () -> "id" + ids.incrementAndGet(), receipts);
        merchants.save(merchant(SHOP, true));
        merchants.save(merchant(OTHER_SHOP, true));
    }

    static Merchant merchant(MerchantId id, boolean sms) {
        return new Merchant(id, "Shop " + id.value(), Currency.getInstance("TWD"), ZoneId.of("Asia/Taipei"),
                Locale.ENGLISH, Set.of(Locale.forLanguageTag("zh-TW")), sms, true, Set.of(TierId.of("gold")));
    }

    MemberProfile member(MerchantId merchant, String id, boolean email, boolean phone) {
        MemberProfile p = new MemberProfile(merchant, MemberId.of(id), Optional.of("Member " + id),
                email ? Optional.of(id + "@example.com") : Optional.empty(),
                phone ? Optional.of("+886900000000") : Optional.empty(), Optional.empty(), Optional.empty(), NOW);
        members.upsert(p);
        return p;
    }

    // ------------------------------------------------------------------ HTTP

    /** A v2 event for {@code method path} (path parameters from the template), as {@code claims}. */
    static APIGatewayV2HTTPEvent event(String method, String template, Map<String, String> pathParams,
                                       Map<String, String> query, Map<String, String> headers, String body,
                                       Optional<Map<String, String>> claims) {
        String raw = template;
        for (Map.Entry<String, String> p : pathParams.entrySet()) {
            raw = raw.replace("{" + p.getKey() + "}", p.getValue());
        }
        Map<String, String> h = new LinkedHashMap<>();
        h.put("accept", "application/json");
        if (body != null) {
            h.put("content-type", "application/json");
        }
        h.putAll(headers);
        APIGatewayV2HTTPEvent e = APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(method + " " + template)
                .withRawPath(raw)
                .withRawQueryString("")
                .withHeaders(h)
                .withQueryStringParameters(query.isEmpty() ? null : new HashMap<>(query))
                .withPathParameters(pathParams.isEmpty() ? null : new HashMap<>(pathParams))
                .withBody(body)
                .withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId("req-" + System.nanoTime())
                        .withRouteKey(method + " " + template)
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).withPath(raw)
                                .build())
                        .build())
                .build();
        return ApiEvents.as(e, claims);
    }

    /** Runs the route and checks the exchange against docs/openapi.yaml ({@link com.memberpoints.functions.platform.OpenApiContract}). */
    static APIGatewayV2HTTPResponse call(ApiHandler handler, APIGatewayV2HTTPEvent event) {
        return com.memberpoints.functions.platform.OpenApiContract.call(handler, event);
    }

    /** The activity log of {@link #SHOP}, newest first. */
    List<SettingsStore.ActivityLogEntry> activity() {
        return settings.activityLog(SHOP, com.memberpoints.domain.model.PageRequest.first(100)).items();
    }

    /** Saves {@code s} as the next version of {@code merchant}'s settings (test setup). */
    void saveSettings(MerchantId merchant, MerchantSettings s) {
        long current = settings.current(merchant).map(MerchantSettings::version).orElse(0L);
        var result = settings.save(merchant, s.withVersion(current + 1), current,
                new SettingsStore.ChangeLogEntry(com.memberpoints.domain.model.Actor.SYSTEM, NOW, List.of()));
        if (!(result instanceof SettingsStore.SaveResult.Saved)) {
            throw new IllegalStateException("setup save failed: " + result);
        }
    }

    CapturedLog log() {
        return log;
    }

    // ------------------------------------------------------------------ balance import and export (12.4)

    /** Import jobs of this world (in memory); their chunks go through {@link #queue} like bulk jobs. */
    final com.memberpoints.domain.inmemory.InMemoryImportJobStore importJobs =
            new com.memberpoints.domain.inmemory.InMemoryImportJobStore();

    com.memberpoints.domain.migration.BalanceImports imports() {
        return new com.memberpoints.domain.migration.BalanceImports(ledger, members, merchants, importJobs, queue,
                clock::get, () -> "id" + ids.incrementAndGet());
    }

    /** The export over the world's in-memory ledger. */
    com.memberpoints.domain.migration.BalanceExport export() {
        return new com.memberpoints.domain.migration.BalanceExport(new com.memberpoints.domain.inmemory.InMemoryWalletListing(
                (InMemoryLedgerStore) ledger), merchants, clock::get);
    }
}
