package com.memberpoints.domain.migration;

import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.model.MemberId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class ImportProperties {

    /** A row: a member from a small pool (some unknown), an amount, an expiry choice, or a deliberately bad row. */
    record Row(int member, int amount, int expiry, boolean bad) {
        String csv() {
            if (bad) {
                return "m" + member + ",points,-" + amount + ",never,bad";
            }
            String exp = switch (expiry) {
                case 0 -> "never";
                case 1 -> "2026-12-31";
                default -> "2027-06-30";
            };
            return "m" + member + ",points," + amount + "," + exp + ",r";
        }
    }

    @Provide
    Arbitrary<List<Row>> files() {
        return Combinators.combine(Arbitraries.integers().between(0, 14), Arbitraries.integers().between(1, 500),
                        Arbitraries.integers().between(0, 2), Arbitraries.of(false, false, false, true))
                .as(Row::new).list().ofMinSize(1).ofMaxSize(60);
    }

    static String file(List<Row> rows) {
        StringBuilder sb = new StringBuilder(ImportCsv.HEADER).append('\n');
        rows.forEach(r -> sb.append(r.csv()).append('\n'));
        return sb.toString();
    }

    /**
     * Whatever the file, and however often it is run (a second run of the same job, a redelivered chunk, a second
     * job with the same file), each valid row of a known member is credited exactly once: every member's balance is
     * the sum of their first-seen rows (a repeated member, wallet and expiry is a row error).
     */
    @Property(tries = 60)
    void reRunningAFileAppliesEachRowAtMostOnce(@ForAll("files") List<Row> rows, @ForAll @IntRange(min = 1, max = 3) int runs) {
        ImportHarness h = new ImportHarness();
        for (int m = 0; m < 12; m++) { // m12..m14 are unknown
            h.member("m" + m);
        }
        String text = file(rows);
        Map<Integer, Long> expected = new HashMap<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Row r : rows) {
            if (!r.bad() && r.member() < 12 && seen.add(r.member() + "/" + r.expiry())) {
                expected.merge(r.member(), (long) r.amount(), Long::sum);
            }
        }
        for (int i = 0; i < runs; i++) {
            ImportJob job = h.checked(text);
            h.run(job, true);
            h.imports.run(h.shop.id(), job.jobId(), true, com.memberpoints.domain.model.Actor.staff("x")); // repeat
            h.queue.enqueue(h.shop.id(), job.jobId(), List.of(0)); // a redelivered chunk
            h.drain();
        }
        for (int m = 0; m < 15; m++) {
            assertThat(h.ledger.wallet(WalletRef.points(h.shop.id(), MemberId.of("m" + m))).balance())
                    .as("member m%d", m).isEqualTo(expected.getOrDefault(m, 0L));
        }
    }

    /** Every bad row is reported with its own row number (header = row 1), and no good row is. */
    @Property(tries = 60)
    void dryRunErrorsNameTheRow(@ForAll("files") List<Row> rows) {
        ImportHarness h = new ImportHarness();
        ImportJob job = h.checked(file(rows));
        List<Integer> badRows = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).bad()) {
                badRows.add(i + 2);
            }
        }
        List<Integer> invalid = h.outcomes(job.jobId(), true).stream()
                .filter(o -> o.result() == RowOutcome.Result.INVALID && o.detail().startsWith("amount:"))
                .map(RowOutcome::row).toList();
        assertThat(invalid).isEqualTo(badRows);
        assertThat(job.invalidRows()).isGreaterThanOrEqualTo(badRows.size());
    }
}
