package com.memberpoints.bench.scale;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The extrapolation of docs/scale.md: what one shape measured in the simulation, scaled to the target.
 *
 * <p>Model: {@code rateFactor} = (rate of the shape at the target) / (rate in the simulation). A SHARED key family
 * (a fixed set of keys per merchant) takes the whole extra load: its per-second peak summed over its keys is
 * multiplied by {@code rateFactor} and divided over its keys (shards), never below its hottest key measured; a SPREAD family (per member / order) gets more keys, not hotter ones, so its
 * hottest key keeps the rate measured. Invocations, stream records and messages are rates of the whole shape, so
 * they scale by {@code rateFactor}. Limits: 1,000 WCU/s and 3,000 RCU/s per partition (a partition key value
 * cannot exceed them even after adaptive capacity isolates it).
 */
public final class ScaleReport {
    public static final double PARTITION_WCU = 1_000;
    public static final double PARTITION_RCU = 3_000;

    /** One printed line: key or limit, peak at target, the limit, the verdict. */
    public record Line(String what, double simPeak, double atTarget, double limit, String unit, String note) {
        public String verdict() {
            if (limit <= 0) {
                return "-";
            }
            return atTarget > limit ? "THROTTLED" : atTarget > 0.5 * limit ? "NEAR" : "OK";
        }
    }

    /** Peak of one key family: its hottest key, how many keys it used, its peak per-second units. */
    public record FamilyPeak(KeyFamilies.Family family, String hottestKey, int keys, double peakWcu, double peakRcu) {}

    /**
     * Per-key peak at the target of a SHARED family: the family's peak per-second units summed over its keys, times
     * the rate factor, divided by its keys. With one key it is that key's peak × factor (the model before sharding);
     * with N hash-chosen shards the target's load spreads evenly over them, while the scaled-down simulation sees
     * too few writes per second per shard for its hottest shard to be representative. The line printed is never
     * below the hottest key measured: the target carries at least the simulation's rate (for a shape simulated at
     * its real rate, like the sweep, that measured peak is the figure).
     */
    static double sharedPerKey(double familyPeakPerSecond, int keys, double rateFactor) {
        return familyPeakPerSecond * rateFactor / keys;
    }

    private final String shape;
    private final double rateFactor;
    private final List<Line> lines = new ArrayList<>();
    private final Map<String, FamilyPeak> families = new LinkedHashMap<>();

    public ScaleReport(String shape, double rateFactor) {
        this.shape = shape;
        this.rateFactor = rateFactor;
    }

    public double rateFactor() {
        return rateFactor;
    }

    public Map<String, FamilyPeak> families() {
        return families;
    }

    public List<Line> lines() {
        return lines;
    }

    /** Adds one line per key family (of the table and every index) from what {@code traffic} recorded. */
    public ScaleReport keys(KeyTraffic traffic) {
        Map<String, FamilyPeak> peaks = new TreeMap<>();
        Map<String, TreeMap<Long, double[]>> familySeconds = new TreeMap<>();
        traffic.cells().forEach((indexAndKey, seconds) -> {
            int bar = indexAndKey.indexOf('|');
            String index = indexAndKey.substring(0, bar);
            String key = indexAndKey.substring(bar + 1);
            KeyFamilies.Family family = KeyFamilies.classify(index, key);
            double wcu = seconds.values().stream().mapToDouble(c -> c.wcu).max().orElse(0);
            double rcu = seconds.values().stream().mapToDouble(c -> c.rcu).max().orElse(0);
            seconds.forEach((second, c) -> {
                double[] sum = familySeconds.computeIfAbsent(family.name(), k -> new TreeMap<>())
                        .computeIfAbsent(second, k -> new double[2]);
                sum[0] += c.wcu;
                sum[1] += c.rcu;
            });
            peaks.merge(family.name(), new FamilyPeak(family, key, 1, wcu, rcu), (a, b) -> new FamilyPeak(family,
                    a.peakWcu() >= b.peakWcu() ? a.hottestKey() : b.hottestKey(), a.keys() + 1,
                    Math.max(a.peakWcu(), b.peakWcu()), Math.max(a.peakRcu(), b.peakRcu())));
        });
        peaks.values().stream().sorted(Comparator.comparing((FamilyPeak p) -> p.family().scope())
                        .thenComparing(p -> -p.peakWcu()))
                .forEach(p -> {
                    families.put(p.family().name(), p);
                    boolean shared = p.family().scope() == KeyFamilies.Scope.SHARED;
                    TreeMap<Long, double[]> sums = familySeconds.get(p.family().name());
                    double familyWcu = sums.values().stream().mapToDouble(v -> v[0]).max().orElse(0);
                    double familyRcu = sums.values().stream().mapToDouble(v -> v[1]).max().orElse(0);
                    String scope = p.family().scope() + ", " + p.keys() + " key" + (p.keys() == 1 ? "" : "s");
                    if (p.peakWcu() > 0) {
                        lines.add(new Line(p.family().name() + " [" + p.family().index() + "] writes", p.peakWcu(),
                                shared ? Math.max(p.peakWcu(), sharedPerKey(familyWcu, p.keys(), rateFactor))
                                        : p.peakWcu(),
                                PARTITION_WCU, "WCU/s", scope));
                    }
                    if (p.peakRcu() > 0) {
                        lines.add(new Line(p.family().name() + " [" + p.family().index() + "] reads", p.peakRcu(),
                                shared ? Math.max(p.peakRcu(), sharedPerKey(familyRcu, p.keys(), rateFactor))
                                        : p.peakRcu(),
                                PARTITION_RCU, "RCU/s", scope));
                    }
                });
        return this;
    }

    /** A shape-wide rate (invocations, records, messages) measured at {@code simPeak} per second. */
    public ScaleReport rate(String what, double simPeak, double limit, String unit, String note) {
        lines.add(new Line(what, simPeak, simPeak * rateFactor, limit, unit, note));
        return this;
    }

    public ScaleReport line(Line line) {
        lines.add(line);
        return this;
    }

    /** A figure worked out by the model rather than scaled (durations, concurrency). */
    public ScaleReport figure(String what, double atTarget, double limit, String unit, String note) {
        lines.add(new Line(what, Double.NaN, atTarget, limit, unit, note));
        return this;
    }

    public String print() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%n=== %s (rate factor x%,.0f) ===%n", shape, rateFactor));
        out.append(String.format("%-58s %10s %12s %10s %-7s %-9s %s%n", "key / limit", "sim peak", "at target",
                "limit", "unit", "verdict", "note"));
        for (Line l : lines) {
            out.append(String.format("%-58s %10s %12s %10s %-7s %-9s %s%n", l.what(),
                    Double.isNaN(l.simPeak()) ? "-" : fmt(l.simPeak()), fmt(l.atTarget()),
                    l.limit() > 0 ? fmt(l.limit()) : "-", l.unit(), l.verdict(), l.note()));
        }
        return out.toString();
    }

    private static String fmt(double v) {
        return v >= 100 || v == Math.rint(v) ? String.format("%,.0f", v) : String.format("%,.2f", v);
    }
}
