package com.memberpoints.bench.startup;

import com.memberpoints.infra.testing.DynamoDbLocal;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * First invoke after priming, per function (issue 15): DynamoDB Local in this JVM, seeded with the store of the
 * samples ({@code shop-1}, its settings, members {@code mem-42} and {@code m-42} with points and profiles) and the
 * quote benchmark's store; for every function of template.yaml, its sample event from events/ (the order events
 * function: placed, paid, delivered), fresh JVMs run {@link FirstInvokeProbe} with priming on and off, in pairs
 * (on, off, on, off, ...), and the table prints the medians of the first and the second (warm) invocation. Each
 * launch gets its own copy of the sample with its ids (order, request, receipt ids) made unique, so every first
 * invocation does the sample's real work rather than replaying a duplicate; the warm one replays the same event.
 * Functions that use SQS, SES, SNS, Scheduler or EventBridge run against a moto server when one is given
 * ({@code --moto <endpoint>}: table created and seeded there too, queue, sender identity and bus created), otherwise
 * against DynamoDB Local, where their calls to those services fail and the status says so.
 * Run with {@code bench/startup --first-invoke [--reps 3] [--moto http://localhost:4615] [--only Regex]}.
 */
public final class FirstInvokeBenchmark {
    static final String MEMBER_CLAIMS = "merchant_id=" + QuoteStartupBenchmark.MERCHANT + "&member_id=" + QuoteStartupBenchmark.MEMBER;
    static final String STAFF_CLAIMS = "merchant_id=" + QuoteStartupBenchmark.MERCHANT
            + "&staff_id=bench-staff&permissions=customer_management member_points settings reports";
    static final String SAMPLE_MERCHANT = "shop-1";
    /** Services other than DynamoDB, by the variable that configures them. */
    static final List<String> OTHER_SERVICES = List.of("BULK_JOBS_QUEUE_URL", "SES_FROM_ADDRESS", "SMS_SENDER_ID",
            "SCHEDULE_GROUP_NAME", "INTEGRATION_EVENT_BUS_NAME", "EXPIRY_WALKS_QUEUE_URL", "LIABILITY_REPLAY_DLQ_URL");

    static final String ALL_PERMISSIONS = "customer_management member_points settings reports store_credits membership_tiers";

    private FirstInvokeBenchmark() {}

    record Sample(String status, double first, double warm, double prime, String warmStatus, String detail) {}

    record Target(String function, String handler, Path sample, boolean moto) {
        String name() {
            String file = sample.getFileName().toString().replace(".json", "");
            return file.equals(function) ? function : file;
        }
    }

    public static void main(String[] args) throws Exception {
        try {
            run(args);
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1); // DynamoDB Local's threads would keep a failed run alive
        }
        System.exit(0);
    }

    static void run(String[] args) throws Exception {
        String childClasspath = System.getProperty("bench.child.classpath");
        if (childClasspath == null || childClasspath.isBlank()) {
            throw new IllegalStateException("-Dbench.child.classpath is required (bench/startup --first-invoke sets it)");
        }
        // The Lambda runtime's event deserialization, for the typed handlers: on the probe's class path only.
        for (String c : List.of("com.amazonaws.services.lambda.runtime.serialization.PojoSerializer", "org.joda.time.DateTime")) {
            childClasspath += java.io.File.pathSeparator
                    + Path.of(Class.forName(c).getProtectionDomain().getCodeSource().getLocation().toURI());
        }
        int reps = 3;
        String moto = null;
        String only = ".*";
        boolean compareMain = false;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--reps" -> reps = Integer.parseInt(args[i + 1]);
                case "--moto" -> moto = args[i + 1];
                case "--only" -> only = args[i + 1];
                case "--compare-main" -> compareMain = Boolean.parseBoolean(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path root = Path.of("").toAbsolutePath();
        DynamoDbLocal local = DynamoDbLocal.shared();
        String table = local.createLedgerTable();
        QuoteStartupBenchmark.seed(local, table);
        seedSamples(local.client(), table);
        Map<String, String> env = new LinkedHashMap<>(QuoteStartupBenchmark.lambdaEnvironment(local, table));
        env.putAll(serviceEnvironment("http://localhost:1/not-configured"));
        Map<String, String> motoEnv = moto == null ? null : motoEnvironment(URI.create(moto), env);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

        List<Target> targets = new ArrayList<>();
        for (Map.Entry<String, String> f : StartupFunctions.handlers(root.resolve("template.yaml")).entrySet()) {
            List<String> samples = f.getKey().equals("OrderEventsFunction")
                    ? List.of("OrderEventsFunction.json", "OrderEventsFunction-order-paid.json",
                            "OrderEventsFunction-order-delivery-status-changed.json")
                    : List.of(f.getKey() + ".json");
            boolean other = StartupFunctions.reads(f.getValue()).stream().anyMatch(OTHER_SERVICES::contains);
            for (String sample : samples) {
                Target t = new Target(f.getKey(), f.getValue(), root.resolve("events").resolve(sample), other && moto != null);
                if (t.name().matches(only) || t.function().matches(only)) {
                    targets.add(t);
                }
            }
        }
        // Warm DynamoDB Local and the OS file cache: a few unmeasured runs of the quote.
        Target quote = targets.stream().filter(t -> t.function().equals("QuoteFunction")).findFirst()
                .orElse(targets.getFirst());
        for (int i = 0; i < 3; i++) {
            launch(java, childClasspath, env, "prime", quote, "w" + i);
        }
        String loadBefore = StartupBenchmark.loadAverage();
        System.out.println("First invoke after priming, fresh JVM per run, " + reps + " pairs (primed, not primed) per function,"
                + " flags " + String.join(" ", StartupBenchmark.JVM_FLAGS) + (moto == null ? "" : "; moto " + moto));
        System.out.printf(Locale.ROOT, "%-52s %-38s %-12s %12s %9s %12s %9s %9s  %s%n", "function (sample)", "handler",
                "status", "first primed", "warm", "first unprimed", "warm", "prime ms", "emulator, warm status");
        int over = 0;
        for (Target t : targets) {
            List<Sample> primed = new ArrayList<>();
            List<Sample> unprimed = new ArrayList<>();
            List<Sample> mainPrimed = new ArrayList<>();
            for (int i = 0; i < reps; i++) {
                primed.add(launch(java, childClasspath, t.moto() ? motoEnv : env, "prime", t, "p" + i));
                unprimed.add(launch(java, childClasspath, t.moto() ? motoEnv : env, "noprime", t, "u" + i));
                if (compareMain) {
                    mainPrimed.add(launch(java, childClasspath, t.moto() ? motoEnv : env, "prime-main", t, "m" + i));
                }
            }
            if (compareMain) {
                System.out.printf(Locale.ROOT, "%-52s main's priming (prime() + one GetItem): first %.1f ms, warm %.1f ms, status %s%n",
                        t.name(), median(mainPrimed.stream().mapToDouble(Sample::first).toArray()),
                        median(mainPrimed.stream().mapToDouble(Sample::warm).toArray()), mainPrimed.getFirst().status());
            }
            double firstPrimed = median(primed.stream().mapToDouble(Sample::first).toArray());
            over += firstPrimed > 100 ? 1 : 0;
            System.out.printf(Locale.ROOT, "%-52s %-38s %-12s %12.1f %9.1f %12.1f %9.1f %9.1f  %s, warm %s%n",
                    t.name(), t.handler().substring(t.handler().lastIndexOf('.') + 1), primed.getFirst().status(), firstPrimed,
                    median(primed.stream().mapToDouble(Sample::warm).toArray()),
                    median(unprimed.stream().mapToDouble(Sample::first).toArray()),
                    median(unprimed.stream().mapToDouble(Sample::warm).toArray()),
                    median(primed.stream().mapToDouble(Sample::prime).toArray()),
                    t.moto() ? "moto" : "DynamoDB Local", primed.getFirst().warmStatus()
                            + (primed.getFirst().detail().isBlank() ? "" : "; " + primed.getFirst().detail()));
        }
        System.out.println("functions over 100 ms on the first primed invoke: " + over + " of " + targets.size());
        System.out.println("load average (1/5/15 min): before " + loadBefore + ", after " + StartupBenchmark.loadAverage());
    }

    /** The sample events' store: shop-1 (TWD, Asia/Taipei, the bench settings), members with points and profiles. */
    static void seedSamples(software.amazon.awssdk.services.dynamodb.DynamoDbClient client, String table) {
        var merchant = com.memberpoints.domain.model.MerchantId.of(SAMPLE_MERCHANT);
        var shop = new com.memberpoints.domain.merchant.Merchant(merchant, "Demo Shop", java.util.Currency.getInstance("TWD"),
                java.time.ZoneId.of("Asia/Taipei"), Locale.ENGLISH, java.util.Set.of(), false, true, java.util.Set.of());
        BenchStores.save(client, table, shop, BenchSettings.redeemingSettings());
        for (String member : List.of("mem-42", "m-42")) {
            var id = com.memberpoints.domain.model.MemberId.of(member);
            new com.memberpoints.infra.dynamodb.DynamoDbMemberStore(client, table).upsert(
                    new com.memberpoints.domain.member.MemberProfile(merchant, id, java.util.Optional.of("Mei"),
                            java.util.Optional.of(member + "@example.com"), java.util.Optional.empty(),
                            java.util.Optional.of(Locale.ENGLISH), java.util.Optional.empty(), java.time.Instant.now()));
            var r = new com.memberpoints.infra.dynamodb.DynamoDbLedgerStore(client, table).apply(
                    com.memberpoints.domain.ledger.LedgerCommand.earn(merchant, id,
                            com.memberpoints.domain.model.OrderId.of("seed-" + member), 5000,
                            java.util.Optional.of(java.time.Instant.parse("2099-12-31T15:59:59Z")), java.time.Instant.now()));
            if (!(r instanceof com.memberpoints.domain.ledger.LedgerResult.Applied)) {
                throw new IllegalStateException("seeding " + member + " failed: " + r);
            }
        }
    }

    /** The variables of the other services (values as the template's; endpoints come from AWS_ENDPOINT_URL). */
    static Map<String, String> serviceEnvironment(String queueUrl) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("BULK_JOBS_QUEUE_URL", queueUrl);
        env.put("EXPIRY_WALKS_QUEUE_URL", queueUrl);
        env.put("LIABILITY_REPLAY_DLQ_URL", queueUrl);
        env.put("SES_FROM_ADDRESS", "points@bench.example.com");
        env.put("SMS_SENDER_ID", "BENCH");
        env.put("SCHEDULE_GROUP_NAME", "default");
        env.put("ASSIGNMENT_FUNCTION_ARN", "arn:aws:lambda:us-east-1:123456789012:function:bench-assignment");
        env.put("SCHEDULER_ROLE_ARN", "arn:aws:iam::123456789012:role/bench-scheduler");
        env.put("SCHEDULER_DLQ_ARN", "arn:aws:sqs:us-east-1:123456789012:bench-scheduler-dlq");
        env.put("INTEGRATION_EVENT_BUS_NAME", "default");
        env.put("INTEGRATION_EVENT_SOURCE", "member-points.bench");
        return env;
    }

    /** The moto environment: table created and seeded there, the queue and the sender identity created. */
    static Map<String, String> motoEnvironment(URI moto, Map<String, String> base) {
        var clients = com.memberpoints.infra.aws.AwsClients.create(com.memberpoints.infra.aws.AwsClients.Settings.of(
                software.amazon.awssdk.regions.Region.US_EAST_1, java.util.Optional.of(moto)),
                software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("emulator-only-key", "emulator-only-secret")));
        String table = "ledger-" + java.util.UUID.randomUUID();
        clients.dynamoDb().createTable(com.memberpoints.infra.dynamodb.LedgerTable.createTableRequest(table));
        clients.dynamoDb().waiter().waitUntilTableExists(b -> b.tableName(table));
        seedSamples(clients.dynamoDb(), table);
        String queue = clients.sqs().createQueue(b -> b.queueName("bench-bulk-" + System.nanoTime())).queueUrl();
        clients.sesV2().createEmailIdentity(b -> b.emailIdentity("points@bench.example.com"));
        Map<String, String> env = new LinkedHashMap<>(base);
        env.putAll(serviceEnvironment(queue));
        env.put("TABLE_NAME", table);
        env.put("AWS_ENDPOINT_URL", moto.toString());
        env.put("AWS_ACCESS_KEY_ID", "emulator-only-key");
        env.put("AWS_SECRET_ACCESS_KEY", "emulator-only-secret");
        return env;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** One probe run on a copy of the target's sample whose ids carry {@code run} (unique work per launch). */
    static Sample launch(String java, String classpath, Map<String, String> env, String mode, Target target, String run)
            throws Exception {
        String text = Files.readString(target.sample());
        for (String id : List.of("o-1001", "order-1001", "req-7", "bulk-1", "pos-r-1", "\"r-1\"")) {
            String bare = id.replace("\"", "");
            text = text.replace(id, id.replace(bare, bare + "-" + run));
        }
        // A staff sample's token gets every permission, so each admin route runs its own code rather than a 403.
        text = text.replaceAll("\"permissions\": \"\\[[a-z_ ]*\\]\"", "\"permissions\": \"[" + ALL_PERMISSIONS + "]\"");
        Path copy = Files.createTempFile("first-invoke-", ".json");
        Files.writeString(copy, text);
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(StartupBenchmark.JVM_FLAGS);
        // Diagnostics: BENCH_PROBE_JAVA_OPTS="-Xlog:class+load:stdout -Dprobe.marks=true" BENCH_PROBE_STDOUT=<file>
        // keeps each probe's output, marks around the first invocation included (what it still loads).
        String extra = System.getenv().getOrDefault("BENCH_PROBE_JAVA_OPTS", "");
        if (!extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        String keep = System.getenv("BENCH_PROBE_STDOUT");
        command.addAll(List.of("-cp", classpath, FirstInvokeProbe.class.getName(), mode, "--sample", target.handler(),
                copy.toString()));
        Path stderr = Files.createTempFile("first-invoke-", ".err");
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(stderr.toFile());
        pb.environment().put("AWS_LAMBDA_LOG_LEVEL", "INFO");
        pb.environment().putAll(env);
        Process p = pb.start();
        String line = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String l;
            StringBuilder all = new StringBuilder();
            while ((l = r.readLine()) != null) {
                if (keep != null) {
                    all.append(l).append('\n');
                }
                if (l.startsWith(FirstInvokeProbe.MARKER)) {
                    line = l.substring(FirstInvokeProbe.MARKER.length());
                }
            }
            if (keep != null) {
                Files.writeString(Path.of(keep + "-" + target.name() + "-" + run + ".log"), all);
            }
        }
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        Files.deleteIfExists(copy);
        String errors = Files.readString(stderr);
        Files.deleteIfExists(stderr);
        if (line == null) {
            throw new IllegalStateException("the probe printed no result (exit " + p.exitValue() + ") for "
                    + target.name() + ": " + errors.substring(0, Math.min(errors.length(), 3000)));
        }
        String[] f = line.split(" ", 6);
        return new Sample(f[0], Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                f[4].replace("warm:", ""), f.length > 5 ? f[5] : "");
    }
}
