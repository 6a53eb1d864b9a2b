package com.memberpoints.bench.startup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
 *   bench/startup [--reps 7] [--aot] [--target com.memberpoints.functions.platform.HealthHandler]
 *                 [--route "GET /v1/health"] [--path /v1/health] [--claims merchant_id=m&amp;member_id=a] [--body '{...}']
 * </pre>
 * With {@code --aot}, a second table: the same runs with one AOT cache per handler (secondary figure).
 * Exits 1 when the target does not answer 2xx (a fast error page must not pass for a fast handler).
 */
public final class StartupBenchmark {

    /** Flags of the Lambda Java runtime's defaults that matter for start-up (C1 only, serial GC, CDS). */
    static final List<String> JVM_FLAGS = List.of(
            "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-Xmx512m");

    static final String HELLO = "com.memberpoints.functions.platform.HelloWorldHandler";

    record Options(int reps, String target, String route, String path, String claims, String body, boolean aot) {
        static Options parse(String[] args) {
            int reps = 7;
            boolean aot = false;
            String target = "com.memberpoints.functions.platform.HealthHandler";
            String route = "GET /v1/health";
            String path = null;
            String claims = "-";
            String body = "-";
            for (int i = 0; i < args.length; i++) {
                if (args[i].equals("--aot")) {
                    aot = true;
                    continue;
                }
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
            return new Options(reps, target, route, path, claims, body, aot);
        }

        List<String> helloArgs() {
            return List.of("hello", HELLO);
        }

        List<String> targetArgs() {
            return List.of("http", target, route, path, claims, body);
        }
    }

    /** Unmeasured target runs before the measured pairs (warm the emulator and the OS file cache). */
    static final int WARMUP_TARGET_RUNS = 3;

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
        // Warm whatever the target talks to (a just-started DynamoDB Local answers its first requests slowly,
        // which once moved the ratio from 10.5x to 12.3x): a few unmeasured target runs before the pairs.
        for (int i = 0; i < WARMUP_TARGET_RUNS; i++) {
            launch(java, classpath, env, List.of(), o.targetArgs());
        }

        measure(java, classpath, env, o, List.of(), List.of());
        if (o.aot()) {
            // Secondary figure: each handler with its own AOT cache (JEP 483/514: classes loaded and linked, lambdas
            // and indy call sites resolved), trained on one invocation; same flags otherwise. Deployable as a file
            // in the function package named by JAVA_TOOL_OPTIONS; the plain figures above are the primary ones.
            Path dir = Files.createTempDirectory("aot");
            Path helloCache = dir.resolve("hello.aot");
            Path targetCache = dir.resolve("target.aot");
            launch(java, classpath, env, List.of("-XX:AOTCacheOutput=" + helloCache), o.helloArgs());
            launch(java, classpath, env, List.of("-XX:AOTCacheOutput=" + targetCache), o.targetArgs());
            System.out.println();
            System.out.println("With an AOT cache per handler (-XX:AOTCache=<file> instead of -Xshare:auto, trained on one"
                    + " invocation, JDK 25):");
            measure(java, classpath, env, o, List.of("-XX:AOTCache=" + helloCache), List.of("-XX:AOTCache=" + targetCache));
        }
    }

    private static void measure(String java, String classpath, Map<String, String> env, Options o, List<String> helloFlags,
                                List<String> targetFlags) throws IOException, InterruptedException {
        long[] hello = new long[o.reps()];
        long[] target = new long[o.reps()];
        double[] pairRatios = new double[o.reps()];
        String loadBefore = loadAverage();
        for (int i = 0; i < o.reps(); i++) {
            hello[i] = launch(java, classpath, env, helloFlags, o.helloArgs()).millis();
            target[i] = launch(java, classpath, env, targetFlags, o.targetArgs()).millis();
            pairRatios[i] = (double) target[i] / Math.max(1, hello[i]);
        }
        String loadAfter = loadAverage();
        String suffix = helloFlags.isEmpty() ? "" : "-aot";
        int helloClasses = countClasses(java, classpath, env, helloFlags, o.helloArgs(), "hello" + suffix);
        int targetClasses = countClasses(java, classpath, env, targetFlags, o.targetArgs(), "target" + suffix);

        long helloMedian = median(hello);
        long targetMedian = median(target);
        System.out.println();
        System.out.printf(Locale.ROOT, "%-8s %10s %8s %8s %15s  %s%n", "", "median ms", "min ms", "max ms", "classes loaded", "all runs (ms)");
        row("hello", hello, helloClasses);
        row("target", target, targetClasses);
        System.out.printf(Locale.ROOT, "PAIRED ratio target/hello (median of %d per-pair ratios): %.2fx   pairs: %s%n",
                o.reps(), median(pairRatios), formatRatios(pairRatios));
        System.out.println("load average (1/5/15 min): before " + loadBefore + ", after " + loadAfter);
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

    public static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String formatRatios(double[] ratios) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < ratios.length; i++) {
            b.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f", ratios[i]));
        }
        return b.append(']').toString();
    }

    /** The first three fields of /proc/loadavg, or "n/a" off Linux. */
    public static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
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
        boolean aot = extraFlags.stream().anyMatch(f -> f.startsWith("-XX:AOTCache"));
        for (String flag : JVM_FLAGS) {
            if (!(aot && flag.startsWith("-Xshare"))) { // the JVM refuses -Xshare next to an AOT cache (it is one)
                command.add(flag);
            }
        }
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

    /**
     * Classes loaded by one run, from {@code -Xlog:class+load} (a separate run: logging slows start-up). With the
     * environment variable {@value #CLASS_LOG_DIR} set, the log is kept there as {@code <name>-classes.log}
     * (to see where classes come from).
     */
    static int countClasses(String java, String classpath, Map<String, String> env, List<String> flags, List<String> probeArgs,
                            String name) throws IOException, InterruptedException {
        Path log = Files.createTempFile("class-load", ".log");
        try {
            List<String> all = new ArrayList<>(flags);
            all.add("-Xlog:class+load=info:file=" + log);
            launch(java, classpath, env, all, probeArgs);
            String keep = System.getenv(CLASS_LOG_DIR);
            if (keep != null && !keep.isBlank()) {
                Files.copy(log, Path.of(keep, name + "-classes.log"), StandardCopyOption.REPLACE_EXISTING);
            }
            try (var lines = Files.lines(log)) {
                return (int) lines.filter(l -> l.contains("source:")).count();
            }
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** Environment variable naming a directory where the class-load logs are kept. */
    static final String CLASS_LOG_DIR = "BENCH_CLASS_LOG_DIR";
}
