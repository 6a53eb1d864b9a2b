package com.memberpoints.functions.storefront;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.memberpoints.domain.checkout.CheckoutService;
import com.memberpoints.domain.membercenter.MemberCenter;
import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.ledger.LedgerResult;
import com.memberpoints.domain.ledger.LedgerStore;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.domain.member.MemberStore;
import com.memberpoints.domain.order.OrderStore;
import com.memberpoints.domain.merchant.MerchantStore;
import com.memberpoints.domain.settings.SettingsStore;
import com.memberpoints.domain.model.TimeSource;
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
import com.memberpoints.functions.platform.ApiEvents;
import com.memberpoints.functions.platform.CapturedLog;
import com.memberpoints.functions.platform.TestContext;
import com.memberpoints.functions.platform.http.ApiHandler;
import com.memberpoints.functions.platform.json.Json;
import com.memberpoints.functions.platform.json.JsonObject;
import com.memberpoints.functions.platform.json.JsonValue;
import com.memberpoints.infra.dynamodb.DynamoDbLedgerStore;
import com.memberpoints.infra.dynamodb.DynamoDbMemberStore;
import com.memberpoints.infra.dynamodb.DynamoDbOrderStore;
import com.memberpoints.infra.dynamodb.DynamoDbMerchantStore;
import com.memberpoints.infra.dynamodb.DynamoDbSettingsStore;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.infra.testing.DynamoDbLocal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One storefront world for handler tests: the real adapters (DynamoDbLedgerStore, DynamoDbSettingsStore,
 * DynamoDbMerchantStore, DynamoDbMemberStore) on one DynamoDB Local table, a fixed clock, and helpers to call a
 * handler with an API Gateway v2 fixture. Each world uses its own merchant id, so tests don't share data.
 */
final class StorefrontWorld {
    static final Currency USD = Currency.getInstance("USD");
    static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");
    /** 2021-06-01 12:00 Taipei. */
    static final Instant NOW = Instant.parse("2021-06-01T04:00:00Z");
    /** 2021-12-31 23:59:59 Taipei. */
    static final Instant END_2021 = Instant.parse("2021-12-31T15:59:59Z");
    static final Instant END_2022 = Instant.parse("2022-12-31T15:59:59Z");

    final MerchantId merchant;
    final LedgerStore ledger;
    final SettingsStore settings;
    final MerchantStore merchants;
    final MemberStore members;
    final OrderStore orders;
    final CheckoutService service;
    final MemberCenter center;
    private long settingsVersion;
    final CapturedLog log = new CapturedLog();

    private static String table;

    StorefrontWorld() {
        DynamoDbLocal local = DynamoDbLocal.shared();
        synchronized (StorefrontWorld.class) {
            if (table == null) {
                table = local.createLedgerTable();
            }
        }
        merchant = MerchantId.of("shop-" + UUID.randomUUID().toString().substring(0, 8));
        ledger = new DynamoDbLedgerStore(local.client(), table);
        settings = new DynamoDbSettingsStore(local.client(), table);
        merchants = new DynamoDbMerchantStore(local.client(), table);
        members = new DynamoDbMemberStore(local.client(), table);
        orders = new DynamoDbOrderStore(local.client(), table);
        merchants.save(new Merchant(merchant, "Shop", USD, TAIPEI, Locale.ENGLISH,
                Set.of(Locale.forLanguageTag("zh-TW")), true, true, Set.of()));
        redeemRule(new RedeemRule(true, 10, BigDecimal.ZERO, RedeemCap.NONE));
        service = new CheckoutService(ledger, settings, merchants, members, TimeSource.fixed(NOW));
        center = new MemberCenter(ledger, settings, merchants, members, orders, TimeSource.fixed(NOW));
    }

    /** Points on, 10.00 = 1 point, expiry 12/31, {@code redeem}; credits "spend 100.00 get 10.00" cumulative; rules text en + zh-TW. */
    static MerchantSettings settings(long version, RedeemRule redeem) {
        return MerchantSettings.of(version,
                new PointsProgram(true, new EarnRule(true, EarnRate.of("10.00", 1)), Channels.DEFAULT,
                        ExpiryPolicy.annual(12, 31), AssignmentPolicy.afterDelivery(3)),
                redeem, List.of(),
                new OrderRewardCredits(true, new CreditRule(new BigDecimal("100.00"), CreditType.fixed("10.00", true),
                        CreditValidity.NEVER)),
                Map.of("en", "Earn 1 point per 10.00.", "zh-TW", "每消費 10.00 得 1 點。"));
    }

    /** Saves a new settings version with {@code redeem}. */
    void redeemRule(RedeemRule redeem) {
        save(settings(settingsVersion + 1, redeem));
    }

    /** Saves {@code next} as the next settings version. */
    void save(MerchantSettings next) {
        SettingsStore.SaveResult r = settings.save(merchant, next.withVersion(settingsVersion + 1), settingsVersion,
                new SettingsStore.ChangeLogEntry(Actor.staff("test"), NOW, List.of()));
        assertThat(r).isInstanceOf(SettingsStore.SaveResult.Saved.class);
        settingsVersion++;
    }

    Optional<Map<String, String>> member(String member) {
        return ApiEvents.member(merchant.value(), member);
    }

    void earn(String member, String order, long points, Optional<Instant> expiresAt) {
        LedgerResult r = ledger.apply(LedgerCommand.earn(merchant, MemberId.of(member), OrderId.of(order), points,
                expiresAt, NOW.minusSeconds(86_400)));
        assertThat(r).isInstanceOf(LedgerResult.Applied.class);
    }

    void credits(String member, String order, long minorUnits) {
        LedgerResult r = ledger.apply(LedgerCommand.rewardCredit(merchant, MemberId.of(member), OrderId.of(order),
                minorUnits, Optional.empty(), NOW.minusSeconds(86_400)));
        assertThat(r).isInstanceOf(LedgerResult.Applied.class);
    }

    QuoteHandler quote() {
        return new QuoteHandler(service, log.logger());
    }

    RedemptionHandler redemption() {
        return new RedemptionHandler(service, log.logger());
    }

    MyPointsHandler points() {
        return new MyPointsHandler(center, log.logger());
    }

    MyPointsHistoryHandler history() {
        return new MyPointsHistoryHandler(center, log.logger());
    }

    MyCreditsHandler creditsHandler() {
        return new MyCreditsHandler(center, log.logger());
    }

    /** The route's fixture as {@code caller}, with {@code body} (null: the fixture's) and {@code query} (null: the fixture's). */
    static APIGatewayV2HTTPEvent event(String fixture, Optional<Map<String, String>> caller, String body,
                                       Map<String, String> query) {
        APIGatewayV2HTTPEvent e = ApiEvents.as(ApiEvents.load("events/" + fixture), caller);
        if (body != null) {
            e.setBody(body);
        }
        if (query != null) {
            e.setQueryStringParameters(query);
        }
        return e;
    }

    static Call call(ApiHandler handler, APIGatewayV2HTTPEvent event) {
        // Runs the route and checks the exchange against docs/openapi.yaml.
        APIGatewayV2HTTPResponse r = com.memberpoints.functions.platform.OpenApiContract.call(handler, event);
        return new Call(r.getStatusCode(), r.getBody(), r.getHeaders());
    }

    record Call(int status, String body, Map<String, String> headers) {
        JsonObject json() {
            return (JsonObject) Json.parse(body);
        }

        /** A member by dotted path ({@code points.applied}). */
        JsonValue at(String path) {
            JsonValue v = json();
            for (String part : path.split("\\.")) {
                v = ((JsonObject) v).get(part).orElseThrow(() -> new AssertionError("no " + path + " in " + body));
            }
            return v;
        }

        String text(String path) {
            return ((com.memberpoints.functions.platform.json.JsonString) at(path)).value();
        }

        long number(String path) {
            return ((com.memberpoints.functions.platform.json.JsonNumber) at(path)).value().longValueExact();
        }

        /** The {@code field}s named by a problem's {@code errors}. */
        List<String> errorFields() {
            if (json().get("errors").isEmpty()) {
                return List.of();
            }
            return ((com.memberpoints.functions.platform.json.JsonArray) json().get("errors").get()).elements().stream()
                    .map(e -> ((com.memberpoints.functions.platform.json.JsonString) ((JsonObject) e).get("field").orElseThrow()).value())
                    .toList();
        }
    }
}
