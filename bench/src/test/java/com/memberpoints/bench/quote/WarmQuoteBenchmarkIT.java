package com.memberpoints.bench.quote;

import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.domain.checkout.Cart;
import com.memberpoints.domain.checkout.CheckoutService;
import com.memberpoints.domain.checkout.PointsRequest;
import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.ledger.LedgerResult;
import com.memberpoints.domain.merchant.CachingMerchantStore;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.merchant.MerchantStore;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.Money;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.domain.model.SalesChannel;
import com.memberpoints.domain.model.TimeSource;
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
import com.memberpoints.infra.dynamodb.DynamoDbLedgerStore;
import com.memberpoints.infra.dynamodb.DynamoDbMemberStore;
import com.memberpoints.infra.dynamodb.DynamoDbMerchantStore;
import com.memberpoints.infra.dynamodb.DynamoDbSettingsStore;
import com.memberpoints.infra.dynamodb.LedgerTable;
import com.memberpoints.infra.testing.DynamoDbLocal;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Issue 15, row "warm quote vs one raw DynamoDB Query": the checkout quote over the DynamoDB adapters on DynamoDB
 * Local, uncached (every store read each time, as before) and with the per-container merchant/settings cache
 * (as wired now), against one raw consistent {@code Query} of the member's balance items on the same client.
 * Interleaved rounds, medians, DynamoDB calls per quote counted by an SDK interceptor, load average printed.
 */
@com.memberpoints.bench.BenchOutput.File("warm-quote-benchmark.txt") // bench/perf-table reads it
class WarmQuoteBenchmarkIT {
    static final int ROUNDS = 15;
    static final int PER_ROUND = 40;

    static final class CallCounter implements ExecutionInterceptor {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            calls.incrementAndGet();
        }
    }

    @Test
    void warmQuoteAgainstOneRawQuery() throws Exception {
        DynamoDbLocal local = DynamoDbLocal.shared();
        String table = local.createLedgerTable();
        CallCounter counter = new CallCounter();
        try (DynamoDbClient client = local.clientBuilder()
                .overrideConfiguration(c -> c.addExecutionInterceptor(counter)).build()) {
            MerchantId shop = MerchantId.of("bench-shop");
            MemberId alice = MemberId.of("alice");
            Merchant merchant = new Merchant(shop, "Bench Shop", Currency.getInstance("USD"), ZoneId.of("Asia/Taipei"),
                    Locale.ENGLISH, Set.of(), false, true, Set.of());
            MerchantStore merchants = new DynamoDbMerchantStore(client, table);
            SettingsStore settings = new DynamoDbSettingsStore(client, table);
            merchants.save(merchant);
            settings.save(shop, settings(), 0, new SettingsStore.ChangeLogEntry(Actor.SYSTEM, Instant.now(), List.of()));
            DynamoDbLedgerStore ledger = new DynamoDbLedgerStore(client, table);
            LedgerResult seeded = ledger.apply(LedgerCommand.earn(shop, alice, OrderId.of("seed"), 800,
                    Optional.of(Instant.parse("2099-12-31T15:59:59Z")), Instant.now()));
            assertThat(seeded).isInstanceOf(LedgerResult.Applied.class);
            DynamoDbMemberStore members = new DynamoDbMemberStore(client, table);

            CheckoutService uncached = new CheckoutService(ledger, settings, merchants, members, TimeSource.system());
            CheckoutService cached = new CheckoutService(ledger,
                    new CachingSettingsStore(settings, Duration.ofSeconds(30), TimeSource.system()),
                    new CachingMerchantStore(merchants, Duration.ofSeconds(30), TimeSource.system()), members,
                    TimeSource.system());
            Money zero = new Money(BigDecimal.ZERO.setScale(2), merchant.currency());
            Cart cart = new Cart(List.of(new Cart.Item(new Money(new BigDecimal("100.00"), merchant.currency()), false)),
                    zero, zero, zero, zero, SalesChannel.ONLINE);
            QueryRequest raw = QueryRequest.builder().tableName(table).consistentRead(true)
                    .keyConditionExpression("#pk = :pk AND begins_with(#sk, :b)")
                    .expressionAttributeNames(Map.of("#pk", LedgerTable.PK, "#sk", LedgerTable.SK))
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("L#bench-shop#alice"),
                            ":b", AttributeValue.fromS("B#")))
                    .build();
            Runnable rawQuery = () -> assertThat(client.query(raw).count()).isPositive();
            Runnable uncachedQuote = () -> assertThat(uncached.quote(uncached.merchant(shop), alice, cart,
                    PointsRequest.MAXIMUM).pointsBalance()).isEqualTo(800);
            Runnable cachedQuote = () -> assertThat(cached.quote(cached.merchant(shop), alice, cart,
                    PointsRequest.MAXIMUM).pointsBalance()).isEqualTo(800);

            int rawCalls = calls(counter, rawQuery);
            int uncachedCalls = calls(counter, uncachedQuote);
            cachedQuote.run();
            int cachedCalls = calls(counter, cachedQuote);
            for (int i = 0; i < 200; i++) { // JIT warm-up of all three paths
                rawQuery.run();
                uncachedQuote.run();
                cachedQuote.run();
            }
            double[] r = new double[ROUNDS];
            double[] u = new double[ROUNDS];
            double[] c = new double[ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                r[round] = perCallMillis(rawQuery);
                u[round] = perCallMillis(uncachedQuote);
                c[round] = perCallMillis(cachedQuote);
            }
            double mr = median(r);
            double mu = median(u);
            double mc = median(c);
            String load = Files.readString(Path.of("/proc/loadavg")).trim();
            System.out.printf("%n=== Warm quote vs one raw DynamoDB Query (same client, DynamoDB Local, medians of %d rounds"
                    + " x %d) ===%nload average: %s%n", ROUNDS, PER_ROUND, load);
            System.out.printf("%-44s %8s %6s %7s%n", "path", "ms", "calls", "ratio");
            System.out.printf("%-44s %8.2f %6d %7s%n", "raw Query (balance items)", mr, rawCalls, "1.00x");
            System.out.printf("%-44s %8.2f %6d %6.2fx%n", "quote, no cache (profile read skipped)", mu, uncachedCalls, mu / mr);
            System.out.printf("%-44s %8.2f %6d %6.2fx%n", "quote, merchant+settings cached (now)", mc, cachedCalls,
                    mc / mr);
            assertThat(cachedCalls).as("a warm quote without tier rules is one wallets Query").isEqualTo(1);
            assertThat(uncachedCalls).isGreaterThan(cachedCalls);
        }
    }

    static int calls(CallCounter counter, Runnable r) {
        int before = counter.calls.get();
        r.run();
        return counter.calls.get() - before;
    }

    static double perCallMillis(Runnable r) {
        long t0 = System.nanoTime();
        for (int i = 0; i < PER_ROUND; i++) {
            r.run();
        }
        return (System.nanoTime() - t0) / 1e6 / PER_ROUND;
    }

    static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    static MerchantSettings settings() {
        return MerchantSettings.of(1,
                new PointsProgram(true, new EarnRule(true, EarnRate.of("10.00", 1)), Channels.DEFAULT,
                        ExpiryPolicy.annual(12, 31), AssignmentPolicy.afterDelivery(3)),
                new RedeemRule(true, 10, BigDecimal.ZERO, RedeemCap.percent("50")), List.of(),
                new OrderRewardCredits(true, new CreditRule(new BigDecimal("100.00"), CreditType.fixed("10.00", true),
                        CreditValidity.NEVER)),
                Map.of("en", "Earn 1 point per 10.00."));
    }
}
