package com.memberpoints.functions.admin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.memberpoints.domain.bulk.InMemoryBulkJobQueue;
import com.memberpoints.domain.bulk.InMemoryBulkJobStore;
import com.memberpoints.domain.ledger.InMemoryLedgerStore;
import com.memberpoints.domain.ledger.LedgerStore;
import com.memberpoints.domain.member.MemberProfile;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.port.MemberStore;
import com.memberpoints.domain.port.MerchantStore;
import com.memberpoints.domain.port.SettingsStore;
import com.memberpoints.domain.settings.MerchantSettings;
import com.memberpoints.domain.settings.TierId;
import com.memberpoints.functions.ApiEvents;
import com.memberpoints.functions.CapturedLog;
import com.memberpoints.functions.TestContext;
import com.memberpoints.functions.http.ApiHandler;

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
    final LedgerStore ledger;
    final FakeMembers members = new FakeMembers();
    final FakeMerchants merchants = new FakeMerchants();
    final FakeSettings settings = new FakeSettings();
    final InMemoryBulkJobStore jobs = new InMemoryBulkJobStore();
    final InMemoryBulkJobQueue queue = new InMemoryBulkJobQueue();
    final CapturedLog log = new CapturedLog();
    final AdminServices services;
    private final AtomicInteger ids = new AtomicInteger();

    AdminWorld() {
        this(new InMemoryLedgerStore());
    }

    AdminWorld(LedgerStore ledger) {
        this.ledger = ledger;
        services = new AdminServices(ledger, members, merchants, settings, jobs, queue, clock::get,
                () -> "id" + ids.incrementAndGet());
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

    static APIGatewayV2HTTPResponse call(ApiHandler handler, APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, new TestContext());
    }

    // ------------------------------------------------------------------ fakes of the store ports

    static final class FakeMembers implements MemberStore {
        final Map<String, MemberProfile> byKey = new HashMap<>();
        final List<Integer> batchSizes = new ArrayList<>();

        private static String key(MerchantId m, MemberId id) {
            return m.value() + "#" + id.value();
        }

        @Override
        public synchronized Optional<MemberProfile> find(MerchantId merchant, MemberId member) {
            return Optional.ofNullable(byKey.get(key(merchant, member)));
        }

        @Override
        public synchronized Map<MemberId, MemberProfile> findAll(MerchantId merchant, Collection<MemberId> ids) {
            if (ids.size() > 100) {
                throw new IllegalArgumentException("at most 100 per batch");
            }
            batchSizes.add(ids.size());
            Map<MemberId, MemberProfile> out = new HashMap<>();
            for (MemberId id : ids) {
                MemberProfile p = byKey.get(key(merchant, id));
                if (p != null) {
                    out.put(id, p);
                }
            }
            return out;
        }

        @Override
        public synchronized UpsertResult upsert(MemberProfile profile) {
            byKey.put(key(profile.merchant(), profile.member()), profile);
            return UpsertResult.STORED;
        }
    }

    static final class FakeMerchants implements MerchantStore {
        final Map<MerchantId, Merchant> byId = new LinkedHashMap<>();

        @Override
        public synchronized Optional<Merchant> find(MerchantId merchant) {
            return Optional.ofNullable(byId.get(merchant));
        }

        @Override
        public synchronized void save(Merchant merchant) {
            byId.put(merchant.id(), merchant);
        }

        @Override
        public synchronized List<MerchantId> all() {
            return List.copyOf(byId.keySet());
        }
    }

    static final class FakeSettings implements SettingsStore {
        final Map<MerchantId, List<MerchantSettings>> versions = new HashMap<>();
        final List<ChangeLogEntry> log = new ArrayList<>();

        @Override
        public synchronized Optional<MerchantSettings> current(MerchantId merchant) {
            List<MerchantSettings> v = versions.getOrDefault(merchant, List.of());
            return v.isEmpty() ? Optional.empty() : Optional.of(v.getLast());
        }

        @Override
        public synchronized Optional<MerchantSettings> byVersion(MerchantId merchant, long version) {
            return versions.getOrDefault(merchant, List.of()).stream().filter(s -> s.version() == version).findFirst();
        }

        @Override
        public synchronized SaveResult save(MerchantId merchant, MerchantSettings s, long expectedVersion,
                                            ChangeLogEntry entry) {
            long current = current(merchant).map(MerchantSettings::version).orElse(0L);
            if (current != expectedVersion || s.version() != expectedVersion + 1) {
                return new SaveResult.Conflict(current);
            }
            versions.computeIfAbsent(merchant, k -> new ArrayList<>()).add(s);
            log.add(entry);
            return new SaveResult.Saved(s.version());
        }
    }

    CapturedLog log() {
        return log;
    }
}
