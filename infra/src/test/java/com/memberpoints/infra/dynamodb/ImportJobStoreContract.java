package com.memberpoints.infra.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.memberpoints.domain.ledger.Wallet;
import com.memberpoints.domain.migration.ImportChunk;
import com.memberpoints.domain.migration.ImportJob;
import com.memberpoints.domain.migration.ImportJobStore;
import com.memberpoints.domain.migration.ImportLine;
import com.memberpoints.domain.migration.ImportRow;
import com.memberpoints.domain.migration.RowOutcome;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link ImportJobStore} guarantees; run on the in-memory store and on DynamoDB Local. */
abstract class ImportJobStoreContract {
    static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");
    final MerchantId shop = MerchantId.of("shop-" + UUID.randomUUID());

    abstract ImportJobStore store();

    ImportJob created(String id) {
        return store().create(ImportJob.created(shop, id, Actor.staff("bob"), T0));
    }

    static List<List<ImportLine>> chunks(int rows) {
        List<List<ImportLine>> out = new ArrayList<>();
        List<ImportLine> current = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            int row = i + 2;
            current.add(i % 10 == 9 ? ImportLine.invalid(row, "bad\tid", "amount: must be a whole number")
                    : ImportLine.of(new ImportRow(row, MemberId.of("m-" + i), i % 2 == 0 ? Wallet.POINTS : Wallet.CREDITS,
                    i + 1, i % 3 == 0 ? Optional.empty() : Optional.of(LocalDate.parse("2027-12-31")),
                    "From OldLoyalty, 舊點數 ✓")));
            if (current.size() == ImportJob.CHUNK_SIZE) {
                out.add(current);
                current = new ArrayList<>();
            }
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }

    ImportJob fixed(String id, int rows) {
        ImportJob job = created(id);
        var c = chunks(rows);
        return store().fixFile(job.withFile(new ImportJob.FileSummary("d" + id, rows, c.size()), rows / 10), c);
    }

    @Test
    void createIsIdempotent() {
        ImportJob first = created("import-a");
        assertThat(store().create(ImportJob.created(shop, "import-a", Actor.staff("eve"), T0.plusSeconds(5))))
                .isEqualTo(first);
        assertThat(store().find(shop, "import-a")).contains(first);
        assertThat(store().find(shop, "import-none")).isEmpty();
        assertThat(first.status()).isEqualTo(ImportJob.Status.UPLOADING);
    }

    @Test
    void partsAreKeptByNumberUntilTheFileIsFixed() {
        created("import-p");
        assertThat(store().putPart(shop, "import-p", 2, "second")).isEqualTo(ImportJobStore.PartResult.STORED);
        assertThat(store().putPart(shop, "import-p", 1, "first?")).isEqualTo(ImportJobStore.PartResult.STORED);
        assertThat(store().putPart(shop, "import-p", 1, "first")).isEqualTo(ImportJobStore.PartResult.STORED);
        assertThat(store().putPart(shop, "import-none", 1, "x")).isEqualTo(ImportJobStore.PartResult.NO_SUCH_JOB);
        assertThat(store().parts(shop, "import-p")).containsExactly(new ImportJobStore.Part(1, "first"),
                new ImportJobStore.Part(2, "second"));
        ImportJob job = store().find(shop, "import-p").orElseThrow();
        store().fixFile(job.withFile(new ImportJob.FileSummary("abc", 1, 1), 0), chunks(1));
        assertThat(store().putPart(shop, "import-p", 3, "late")).isEqualTo(ImportJobStore.PartResult.FILE_FIXED);
    }

    @Test
    void theFileIsFixedOnceAndItsChunksReadBack() {
        ImportJob job = fixed("import-f", 600);
        assertThat(job.file()).contains(new ImportJob.FileSummary("dimport-f", 600, 3));
        assertThat(job.invalidRows()).isEqualTo(60);
        assertThat(job.status()).isEqualTo(ImportJob.Status.CHECKING);
        ImportJob again = store().fixFile(job.withFile(new ImportJob.FileSummary("other", 1, 1), 0), chunks(1));
        assertThat(again.file()).contains(new ImportJob.FileSummary("dimport-f", 600, 3));
        ImportChunk last = store().chunk(shop, "import-f", 2).orElseThrow();
        assertThat(last.lines()).hasSize(100);
        var expected = chunks(600).get(2);
        assertThat(last.lines().get(0)).isEqualTo(expected.get(0));
        assertThat(last.lines().get(49).error()).isEqualTo("amount: must be a whole number");
        assertThat(last.lines().get(49).member()).isEqualTo("bad id");
        assertThat(last.checked()).isFalse();
        assertThat(store().chunk(shop, "import-f", 3)).isEmpty();
    }

    @Test
    void checksAndRunsAreCountedOncePerChunk() {
        ImportJob job = fixed("import-c", 10);
        ImportChunk chunk = store().chunk(shop, job.jobId(), 0).orElseThrow();
        List<RowOutcome> checks = new ArrayList<>();
        for (ImportLine l : chunk.lines()) {
            checks.add(l.valid().isEmpty() ? new RowOutcome(l.row(), l.member(), RowOutcome.Result.INVALID, l.error())
                    : new RowOutcome(l.row(), l.member(), l.row() == 3 ? RowOutcome.Result.UNKNOWN_MEMBER
                    : RowOutcome.Result.VALID, l.row() == 3 ? "memberId: no member" : ""));
        }
        assertThat(store().completeCheck(shop, job.jobId(), 0, checks, 8, 1)).isTrue();
        assertThat(store().completeCheck(shop, job.jobId(), 0, checks, 8, 1)).isFalse();
        ImportJob checked = store().find(shop, job.jobId()).orElseThrow();
        assertThat(checked.status()).isEqualTo(ImportJob.Status.CHECKED);
        assertThat(checked.validRows()).isEqualTo(8);
        assertThat(checked.unknownMembers()).isEqualTo(1);
        assertThat(store().chunk(shop, job.jobId(), 0).orElseThrow().checks()).isEqualTo(checks);

        var start = new ImportJob.RunStart(Actor.staff("carol"), T0.plusSeconds(60), true);
        assertThat(store().startRun(shop, job.jobId(), start).run()).contains(start);
        assertThat(store().startRun(shop, job.jobId(), new ImportJob.RunStart(Actor.staff("x"), T0, false)).run())
                .contains(start);
        List<RowOutcome> results = new ArrayList<>();
        for (RowOutcome c : checks) {
            results.add(c.result() == RowOutcome.Result.VALID
                    ? new RowOutcome(c.row(), c.member(), c.row() == 4 ? RowOutcome.Result.FAILED
                    : RowOutcome.Result.IMPORTED, c.row() == 4 ? "the ledger refused it" : "")
                    : new RowOutcome(c.row(), c.member(), RowOutcome.Result.SKIPPED, c.detail()));
        }
        ImportJob.RunTally tally = ImportJob.RunTally.of(results);
        assertThat(store().completeRun(shop, job.jobId(), 0, results, tally)).isTrue();
        assertThat(store().completeRun(shop, job.jobId(), 0, results, tally)).isFalse();
        ImportJob done = store().find(shop, job.jobId()).orElseThrow();
        assertThat(done.status()).isEqualTo(ImportJob.Status.COMPLETED);
        assertThat(List.of(done.imported(), done.failed(), done.skipped())).containsExactly(7L, 1L, 2L);
        assertThat(store().chunk(shop, job.jobId(), 0).orElseThrow().results()).isEqualTo(results);
    }
}
