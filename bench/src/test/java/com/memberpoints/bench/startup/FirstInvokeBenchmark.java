package com.memberpoints.bench.startup;

import com.memberpoints.functions.platform.ApiRoutes;
import com.memberpoints.infra.testing.DynamoDbLocal;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * First invoke after priming, per HTTP handler (issue 15): DynamoDB Local in this JVM, seeded like the quote
 * benchmark; for every route of {@link ApiRoutes} that a read request can exercise (every GET, plus the quote POST),
 * fresh JVMs run {@link FirstInvokeProbe} with priming on and off, in pairs (on, off, on, off, ...), and the table
 * prints the medians of the first and the second (warm) invocation. Run with {@code bench/startup --first-invoke}.
 * The writes (POST/PUT other than the quote) and the event-driven handlers are not measured here (they need a
 * realistic event or body per handler; see docs/performance.md).
 */
public final class FirstInvokeBenchmark {
    static final String MEMBER_CLAIMS = "merchant_id=" + QuoteStartupBenchmark.MERCHANT + "&member_id=" + QuoteStartupBenchmark.MEMBER;
    static final String STAFF_CLAIMS = "merchant_id=" + QuoteStartupBenchmark.MERCHANT
            + "&staff_id=bench-staff&permissions=customer_management member_points settings reports";

    private FirstInvokeBenchmark() {}

    record Sample(int status, double first, double warm, double prime) {}

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
        int reps = args.length >= 2 && args[0].equals("--reps") ? Integer.parseInt(args[1]) : 3;
        DynamoDbLocal local = DynamoDbLocal.shared();
        String table = local.createLedgerTable();
        QuoteStartupBenchmark.seed(local, table);
        Map<String, String> env = QuoteStartupBenchmark.lambdaEnvironment(local, table);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

        List<String[]> targets = new ArrayList<>();
        for (ApiRoutes.Route r : ApiRoutes.all()) {
            String claims = r.path().startsWith("/v1/admin/") ? STAFF_CLAIMS
                    : r.path().startsWith("/v1/storefront/") ? MEMBER_CLAIMS : "-";
            String rawPath = r.path().replace("{memberId}", QuoteStartupBenchmark.MEMBER).replace("{jobId}", "bench-job")
                    .replace("{orderId}", "bench-order");
            if (r.method().equals("GET")) {
                targets.add(new String[] {r.handler().getName(), r.routeKey(), rawPath, claims, "-"});
            } else if (r.path().equals("/v1/storefront/checkout/quote")) {
                targets.add(new String[] {r.handler().getName(), r.routeKey(), rawPath, claims, QuoteStartupBenchmark.BODY});
            }
        }
        // Warm DynamoDB Local and the OS file cache: a few unmeasured runs of the quote.
        for (int i = 0; i < 3; i++) {
            launch(java, childClasspath, env, "prime", targets.stream()
                    .filter(t -> t[1].startsWith("POST")).findFirst().orElseThrow());
        }
        String loadBefore = StartupBenchmark.loadAverage();
        System.out.println("First invoke after priming, fresh JVM per run, " + reps + " pairs (primed, not primed) per handler,"
                + " flags " + String.join(" ", StartupBenchmark.JVM_FLAGS));
        System.out.printf(Locale.ROOT, "%-34s %-46s %6s %12s %9s %12s %9s %9s%n", "handler", "route", "status",
                "first primed", "warm", "first unprimed", "warm", "prime ms");
        int over = 0;
        for (String[] t : targets) {
            List<Sample> primed = new ArrayList<>();
            List<Sample> unprimed = new ArrayList<>();
            for (int i = 0; i < reps; i++) {
                primed.add(launch(java, childClasspath, env, "prime", t));
                unprimed.add(launch(java, childClasspath, env, "noprime", t));
            }
            double firstPrimed = median(primed.stream().mapToDouble(Sample::first).toArray());
            over += firstPrimed > 100 ? 1 : 0;
            System.out.printf(Locale.ROOT, "%-34s %-46s %6d %12.1f %9.1f %12.1f %9.1f %9.1f%n",
                    t[0].substring(t[0].lastIndexOf('.') + 1), t[1], primed.getFirst().status(), firstPrimed,
                    median(primed.stream().mapToDouble(Sample::warm).toArray()),
                    median(unprimed.stream().mapToDouble(Sample::first).toArray()),
                    median(unprimed.stream().mapToDouble(Sample::warm).toArray()),
                    median(primed.stream().mapToDouble(Sample::prime).toArray()));
        }
        System.out.println("handlers over 100 ms on the first primed invoke: " + over + " of " + targets.size());
        System.out.println("load average (1/5/15 min): before " + loadBefore + ", after " + StartupBenchmark.loadAverage());
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static Sample launch(String java, String classpath, Map<String, String> env, String mode, String[] target) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(StartupBenchmark.JVM_FLAGS);
        command.addAll(List.of("-cp", classpath, FirstInvokeProbe.class.getName(), mode));
        command.addAll(List.of(target));
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("AWS_LAMBDA_LOG_LEVEL", "INFO");
        pb.environment().putAll(env);
        Process p = pb.start();
        String line = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String l;
            while ((l = r.readLine()) != null) {
                if (l.startsWith(FirstInvokeProbe.MARKER)) {
                    line = l.substring(FirstInvokeProbe.MARKER.length());
                }
            }
        }
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        if (line == null) {
            throw new IllegalStateException("the probe printed no result (exit " + p.exitValue() + "): " + command);
        }
        String[] f = line.split(" ", 5);
        return new Sample(Integer.parseInt(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]));
    }
}
