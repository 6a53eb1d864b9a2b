package com.memberpoints.bench.startup;

import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.ledger.LedgerResult;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.OrderId;
import com.memberpoints.domain.settings.MerchantSettings;
import com.memberpoints.infra.dynamodb.DynamoDbLedgerStore;
import com.memberpoints.infra.testing.DynamoDbLocal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The issue-5 speed benchmark for the checkout quote: starts DynamoDB Local (in this, the parent JVM),
 * creates the table, seeds a store, its settings and a member with points, then runs {@link StartupBenchmark}
 * with the quote handler as target: every measured JVM builds its real SDK client from the environment
 * (endpoint = DynamoDB Local) and answers a real quote read from DynamoDB. Run with {@code bench/startup --quote}.
 */
public final class QuoteStartupBenchmark {
    static final String MERCHANT = "bench-shop";
    static final String MEMBER = "alice";
    static final String BODY = "{\"items\":[{\"amount\":\"60.00\"},{\"amount\":\"40.00\",\"excludedFromOrderDiscounts\":true}],"
            + "\"discounts\":\"5.00\",\"deliveryFee\":\"5.00\",\"points\":200}";

    private QuoteStartupBenchmark() {}

    public static void main(String[] args) throws Exception {
        String childClasspath = System.getProperty("bench.child.classpath");
        if (childClasspath == null || childClasspath.isBlank()) {
            throw new IllegalStateException("-Dbench.child.classpath is required (bench/startup --quote sets it)");
        }
        DynamoDbLocal local = DynamoDbLocal.shared();
        String table = local.createLedgerTable();
        seed(local, table);
        Map<String, String> env = lambdaEnvironment(local, table);

        List<String> bench = new ArrayList<>(List.of(
                "--target", "com.memberpoints.functions.storefront.QuoteHandler",
                "--route", "POST /v1/storefront/checkout/quote",
                "--claims", "merchant_id=" + MERCHANT + "&member_id=" + MEMBER,
                "--body", BODY));
        bench.addAll(List.of(args));
        System.out.println("DynamoDB Local: " + local.endpoint() + ", table " + table + " (seeded: store, settings, 800 points)");
        StartupBenchmark.run(bench.toArray(new String[0]), env, childClasspath);
        System.exit(0);
    }

    /** The environment of a measured JVM: the table on DynamoDB Local, and what the Lambda runtime sets. */
    static Map<String, String> lambdaEnvironment(DynamoDbLocal local, String table) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("TABLE_NAME", table);
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_ENDPOINT_URL", local.endpoint().toString());
        // What the Lambda runtime sets in every (non-SnapStart) execution environment; both JVMs get it. The
        // credentials are dummies (DynamoDB Local accepts any; never real credentials).
        env.put("AWS_LAMBDA_FUNCTION_NAME", "member-points-quote");
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024");
        env.put("AWS_EXECUTION_ENV", "AWS_Lambda_java25");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_ACCESS_KEY_ID", "local");
        env.put("AWS_SECRET_ACCESS_KEY", "local");
        env.put("AWS_SESSION_TOKEN", "local");
        return env;
    }

    static void seed(DynamoDbLocal local, String table) {
        MerchantId merchant = MerchantId.of(MERCHANT);
        Merchant shop = new Merchant(merchant, "Bench Shop", Currency.getInstance("USD"), ZoneId.of("Asia/Taipei"),
                Locale.ENGLISH, Set.of(), false, true, Set.of());
        MerchantSettings settings = BenchSettings.redeemingSettings();
        BenchStores.save(local, table, shop, settings);
        LedgerResult r = new DynamoDbLedgerStore(local.client(), table).apply(LedgerCommand.earn(merchant,
                MemberId.of(MEMBER), OrderId.of("seed-order"), 800, Optional.of(Instant.parse("2099-12-31T15:59:59Z")),
                Instant.now()));
        if (!(r instanceof LedgerResult.Applied)) {
            throw new IllegalStateException("seeding the ledger failed: " + r);
        }
    }
}
