package com.memberpoints.bench.scale;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class KeyFamiliesTest {

    @Test
    void keysAreClassifiedByPrefixAndAShardedKeyStaysInItsFamily() {
        assertThat(KeyFamilies.classify("expiry", "X#shop-1").name()).isEqualTo("expiry index X#<m>");
        assertThat(KeyFamilies.classify("expiry", "X#shop-1#7").name()).isEqualTo("expiry index X#<m>");
        assertThat(KeyFamilies.classify("table", "LB#shop-1#12").name()).isEqualTo("liability counters LB#<m>");
        assertThat(KeyFamilies.classify("table", "N#shop-1#SMS").name()).isEqualTo("SMS usage N#<m>#SMS");
        assertThat(KeyFamilies.classify("table", "N#shop-1#SMS#07").name()).isEqualTo("SMS usage N#<m>#SMS");
        assertThat(KeyFamilies.classify("table", "N#shop-1#2021-12#07").name())
                .isEqualTo("delivery records N#<m>#<yyyy-MM>");
        assertThat(KeyFamilies.classify("table", "N#shop-1#2021-12").name())
                .isEqualTo("delivery records N#<m>#<yyyy-MM>");
        assertThat(KeyFamilies.classify("table", "L#shop-1#m-1").scope()).isEqualTo(KeyFamilies.Scope.SPREAD);
        assertThat(KeyFamilies.classify("pending", "M#shop-1#m-1").scope()).isEqualTo(KeyFamilies.Scope.SPREAD);
        assertThat(KeyFamilies.classify("placed", "P#shop-1").scope()).isEqualTo(KeyFamilies.Scope.SHARED);
        assertThat(KeyFamilies.classify("table", "XW#shop-1").name()).isEqualTo("expiry walk claims XW#<m>");
        // the same prefix on another index is another family (or unclassified, counted as shared)
        assertThat(KeyFamilies.classify("table", "X#shop-1").name()).startsWith("table (unclassified");
    }

    @Test
    void sharedKeysTakeTheRateFactorSpreadKeysKeepTheirRateAndShardsDivideTheLoad() {
        SimClock clock = new SimClock(Instant.parse("2021-12-01T00:00:00Z"));
        KeyTraffic traffic = new KeyTraffic(clock);
        KeyTraffic.Cell hot = new KeyTraffic.Cell();
        hot.wcu = 10;
        traffic.cells().computeIfAbsent("expiry|X#shop-1", k -> new java.util.TreeMap<>()).put(0L, hot);
        KeyTraffic.Cell member = new KeyTraffic.Cell();
        member.wcu = 5;
        traffic.cells().computeIfAbsent("table|L#shop-1#m-1", k -> new java.util.TreeMap<>()).put(0L, member);
        ScaleReport report = new ScaleReport("test", 100).keys(traffic);
        assertThat(report.lines()).anySatisfy(l -> {
            assertThat(l.what()).startsWith("expiry index");
            assertThat(l.atTarget()).isEqualTo(1_000);
            assertThat(l.verdict()).isEqualTo("NEAR");
        });
        assertThat(report.lines()).anySatisfy(l -> {
            assertThat(l.what()).startsWith("wallet");
            assertThat(l.atTarget()).isEqualTo(5);
            assertThat(l.verdict()).isEqualTo("OK");
        });

        // the same load written to 4 shards of the key: each shard takes a quarter
        KeyTraffic sharded = new KeyTraffic(clock);
        for (int s = 0; s < 4; s++) {
            KeyTraffic.Cell c = new KeyTraffic.Cell();
            c.wcu = 2.5;
            sharded.cells().computeIfAbsent("expiry|X#shop-1#" + s, k -> new java.util.TreeMap<>()).put(0L, c);
        }
        ScaleReport after = new ScaleReport("test", 100).keys(sharded);
        assertThat(after.families().get("expiry index X#<m>").keys()).isEqualTo(4);
        assertThat(after.lines()).anySatisfy(l -> {
            assertThat(l.what()).startsWith("expiry index");
            assertThat(l.atTarget()).isEqualTo(250);
            assertThat(l.verdict()).isEqualTo("OK");
        });
    }

    @Test
    void aShardedFamilyAtItsRealRateKeepsItsHottestShard() {
        SimClock clock = new SimClock(Instant.parse("2021-12-01T00:00:00Z"));
        KeyTraffic traffic = new KeyTraffic(clock);
        double[] perShard = {28, 4, 4, 4};
        for (int s = 0; s < perShard.length; s++) {
            KeyTraffic.Cell c = new KeyTraffic.Cell();
            c.wcu = perShard[s];
            traffic.cells().computeIfAbsent("table|LB#shop-1#0" + s, k -> new java.util.TreeMap<>()).put(0L, c);
        }
        // rate factor 1: the even spread (40 / 4 = 10) would hide the hottest shard measured (28)
        assertThat(new ScaleReport("test", 1).keys(traffic).lines())
                .anySatisfy(l -> assertThat(l.atTarget()).isEqualTo(28));
        // rate factor 100: the even spread of the scaled load (40 x 100 / 4) is the figure
        assertThat(new ScaleReport("test", 100).keys(traffic).lines())
                .anySatisfy(l -> assertThat(l.atTarget()).isEqualTo(1_000));
    }

    @Test
    void verdictsAreRelativeToTheLimit() {
        assertThat(new ScaleReport.Line("k", 1, 400, 1_000, "WCU/s", "").verdict()).isEqualTo("OK");
        assertThat(new ScaleReport.Line("k", 1, 1_000, 1_000, "WCU/s", "").verdict()).isEqualTo("NEAR");
        assertThat(new ScaleReport.Line("k", 1, 1_001, 1_000, "WCU/s", "").verdict()).isEqualTo("THROTTLED");
    }
}
