package com.memberpoints.bench.startup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Start-up benchmark (issue 5, "Speed"): for a hello-world handler and a realistic HTTP handler, the
 * time from starting a fresh JVM to its first response, on the same JVM flags and classpath, repeated
 * and summarised by the median; plus the ratio of the medians and the number of classes each loads.
 * The runs alternate (hello, target, hello, ...) so machine noise hits both alike.
 *
 * <pre>
 *   bench/startup [--reps 7] [--target com.memberpoints.functions.health.HealthHandler]
 *                 [--route "GET /v1/health"] [--path /v1/health] [--claims merchant_id=m&amp;member_id=a] [--body '{...}']
 * </pre>
 * Exits 1 when the target does not answer 2xx (a fast error page must not pass for a fast handler).
 */
public final class StartupBenchmark {

    /** Flags of the Lambda Java runtime's defaults that matter for start-up (C1 only, serial GC, CDS). */
    static final List<String> JVM_FLAGS = List.of(
            "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-Xmx512m");

    static final String HELLO = "com.memberpoints.functions.HelloWorldHandler";

    record Options(int reps, String target, String route, String path, String claims, String body) {
        static Options parse(String[] args) {
            int reps = 7;
            String target = "com.memberpoints.functions.health.HealthHandler";
            String route = "GET /v1/health";
            String path = null;
            String claims = "-";
            String body = "-";
            for (int i = 0; i < args.length; i++) {
                String v = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--reps" -> reps = Integer.parseInt(v);
                    case "--target" -> target = v;
                    case "--route" -> route = v;
                    case "--path" -> path = v;
                    case "--claims" -> claims = v;
                    case "--body" -> body = v;
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
                i++;
            }
            if (reps < 1) {
                throw new IllegalArgumentException("--reps must be at least 1");
            }
            if (path == null) {
                path = route.substring(route.indexOf(' ') + 1);
            }
            return new Options(reps, target, route, path, claims, body);
        }

        List<String> helloArgs() {
            return List.of("hello", HELLO);
        }

        List<String> targetArgs() {
            return List.of("http", target, route, path, claims, body);
        }
    }

    record Run(long millis, String response) {}

    public static void main(String[] args) throws Exception {
        run(args, Map.of(), System.getProperty("java.class.path"));
    }

    /**
     * Runs the benchmark; both kinds of child JVM get {@code env} added to their environment (e.g. the
     * DynamoDB Local endpoint and table for the quote handler) and {@code classpath}.
     */
    public static void run(String[] args, Map<String, String> env, String classpath) throws Exception {
        Options o = Options.parse(args);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

        System.out.println("Start-up: JVM start -> first response, fresh JVM per run, " + o.reps() + " runs each");
        System.out.println("JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
                + ", flags: " + String.join(" ", JVM_FLAGS));
        System.out.println("hello : " + HELLO);
        System.out.println("target: " + o.target() + " (" + o.route() + ")");

        // One unmeasured run of each warms the OS file cache (jars), as a deployed function's would be.
        Run helloCheck = launch(java, classpath, env, List.of(), o.helloArgs());
        Run targetCheck = launch(java, classpath, env, List.of(), o.targetArgs());
        System.out.println("hello  answered: " + abbreviate(helloCheck.response()));
        System.out.println("target answered: " + abbreviate(targetCheck.response()));
        if (!targetCheck.response().startsWith("2")) {
            System.out.println("FAILED: the target did not answer 2xx; its timing would mean nothing.");
            System.exit(1);
        }

        long[] hello = new long[o.reps()];
        long[] target = new long[o.reps()];
        for (int i = 0; i < o.reps(); i++) {
            hello[i] = launch(java, classpath, env, List.of(), o.helloArgs()).millis();
            target[i] = launch(java, classpath, env, List.of(), o.targetArgs()).millis();
        }
        int helloClasses = countClasses(java, classpath, env, o.helloArgs());
        int targetClasses = countClasses(java, classpath, env, o.targetArgs());

        long helloMedian = median(hello);
        long targetMedian = median(target);
        System.out.println();
        System.out.printf(Locale.ROOT, "%-8s %10s %8s %8s %15s  %s%n", "", "median ms", "min ms", "max ms", "classes loaded", "all runs (ms)");
        row("hello", hello, helloClasses);
        row("target", target, targetClasses);
        System.out.printf(Locale.ROOT, "ratio target/hello (medians): %.2fx   extra classes: %d%n",
                (double) targetMedian / helloMedian, targetClasses - helloClasses);
        System.out.printf(Locale.ROOT, "ratio target/hello (minimums): %.2fx%n",
                (double) min(target) / min(hello));
    }

    private static void row(String name, long[] runs, int classes) {
        long[] sorted = runs.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%-8s %10d %8d %8d %15d  %s%n",
                name, median(runs), sorted[0], sorted[sorted.length - 1], classes, Arrays.toString(runs));
    }

    static long min(long[] values) {
        long m = Long.MAX_VALUE;
        for (long v : values) {
            m = Math.min(m, v);
        }
        return m;
    }

    static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String abbreviate(String s) {
        return s.length() > 120 ? s.substring(0, 117) + "..." : s;
    }

    /** Starts a JVM and returns the time until its {@link StartupProbe#MARKER} line, and that line. */
    static Run launch(String java, String classpath, Map<String, String> env, List<String> extraFlags, List<String> probeArgs)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(JVM_FLAGS);
        command.addAll(extraFlags);
        command.add("-cp");
        command.add(classpath);
        command.add(StartupProbe.class.getName());
        command.addAll(probeArgs);
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("AWS_LAMBDA_LOG_LEVEL", "INFO");
        pb.environment().putAll(env);
        long start = System.nanoTime();
        Process p = pb.start();
        String response = null;
        long elapsed = -1;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith(StartupProbe.MARKER)) {
                    elapsed = (System.nanoTime() - start) / 1_000_000L;
                    response = line.substring(StartupProbe.MARKER.length());
                    break;
                }
            }
            while (r.readLine() != null) {
                // drain
            }
        }
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        if (response == null) {
            throw new IllegalStateException("the probe printed no response (exit " + p.exitValue() + "): " + command);
        }
        return new Run(elapsed, response);
    }

    /** Classes loaded by one run, from {@code -Xlog:class+load} (a separate run: logging slows start-up). */
    static int countClasses(String java, String classpath, Map<String, String> env, List<String> probeArgs) throws IOException, InterruptedException {
        Path log = Files.createTempFile("class-load", ".log");
        try {
            launch(java, classpath, env, List.of("-Xlog:class+load=info:file=" + log), probeArgs);
            try (var lines = Files.lines(log)) {
                return (int) lines.filter(l -> l.contains("source:")).count();
            }
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
