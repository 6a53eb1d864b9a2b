package com.memberpoints.functions.platform.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The business metrics the code counts are exactly those docs/observability.md lists (the names the template's
 * alarms and dashboard use): every {@code count("Name", …)} of src/main against the doc's "Business metrics" table.
 * Priming helpers ({@code *WarmUp}) write to a discarding logger and are left out.
 */
class MetricNamesTest {
    private static final Pattern COUNT_CALL = Pattern.compile("\\.count\\(([^;]*?)\\);", Pattern.DOTALL);
    private static final Pattern NAME = Pattern.compile("\"([A-Z][A-Za-z]+)\"");

    @Test
    void theNamesCountedAreTheNamesDocumented() throws IOException {
        assertThat(emitted()).isNotEmpty().isEqualTo(documented());
    }

    @Test
    void theDocumentedTableIsRead() throws IOException {
        assertThat(documented()).contains("PointsEarned", "SweepRunsCompleted", "RedemptionsRefused", "NotificationsDeferred",
                "DeliveryOptionUnmapped", "ExpiryWalksFailed", "LiabilityEntriesReplayed", "ReminderWalksStarted", "RemindersDecided",
                "ExpiryLeftToWalks", "RemindersLeftToWalks").hasSize(33);
    }

    static Set<String> emitted() throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java") && !p.toString().endsWith("WarmUp.java"))
                    .toList()) {
                Matcher call = COUNT_CALL.matcher(Files.readString(f));
                while (call.find()) {
                    Matcher name = NAME.matcher(call.group(1));
                    while (name.find()) {
                        names.add(name.group(1));
                    }
                }
            }
        }
        return names;
    }

    static Set<String> documented() throws IOException {
        String doc = Files.readString(Path.of("../docs/observability.md"));
        String section = doc.substring(doc.indexOf("### Business metrics"));
        section = section.substring(0, section.indexOf("\n## "));
        Set<String> names = new TreeSet<>();
        Matcher row = Pattern.compile("(?m)^\\| `([A-Za-z]+)` \\|").matcher(section);
        while (row.find()) {
            names.add(row.group(1));
        }
        return names;
    }
}
