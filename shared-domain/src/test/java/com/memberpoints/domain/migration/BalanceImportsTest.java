package com.memberpoints.domain.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.memberpoints.domain.ledger.EntryKind;
import com.memberpoints.domain.ledger.JournalEntry;
import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.ledger.LedgerStore;
import com.memberpoints.domain.ledger.Lot;
import com.memberpoints.domain.ledger.NotifyChoice;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.InvalidInputException;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.PageRequest;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BalanceImportsTest {
    static final String FILE = ImportCsv.HEADER + "\n"
            + "alice,points,1200,2026-12-31,from OldLoyalty\n"
            + "alice,credits,25.50,never,gift card balance\n"
            + "bob,points,300,never,from OldLoyalty\n";

    ImportHarness h = new ImportHarness();

    WalletRef points(String member) {
        return WalletRef.points(h.shop.id(), MemberId.of(member));
    }

    @Test
    void dryRunChecksMembersThenTheRunCreditsEachRowWithItsOwnExpiryAndNoNotification() {
        h.member("alice");
        h.member("bob");
        ImportJob job = h.checked(FILE);
        assertThat(job.status()).isEqualTo(ImportJob.Status.CHECKED);
        assertThat(job.validRows()).isEqualTo(3);
        assertThat(h.ledger.wallet(points("alice")).balance()).isZero(); // the dry run writes nothing

        assertThat(h.run(job, false)).isInstanceOf(BalanceImports.Outcome.Job.class);
        ImportJob done = h.job(job.jobId());
        assertThat(done.status()).isEqualTo(ImportJob.Status.COMPLETED);
        assertThat(done.imported()).isEqualTo(3);
        assertThat(h.ledger.wallet(points("alice")).lots().asList()).containsExactly(
                new Lot(Optional.of(Instant.parse("2026-12-31T15:59:59Z")), 1200)); // end of day in Taipei
        assertThat(h.ledger.wallet(WalletRef.credits(h.shop.id(), MemberId.of("alice"))).lots().asList())
                .containsExactly(new Lot(Optional.empty(), 2550));
        JournalEntry entry = h.ledger.history(points("bob"), PageRequest.first(10)).items().getFirst();
        assertThat(entry.kind()).isEqualTo(EntryKind.IMPORT_CREDIT);
        assertThat(entry.actor()).isEqualTo(Actor.staff("carol"));
        assertThat(entry.reason()).isEqualTo("from OldLoyalty");
        assertThat(LedgerCommand.importCredit(points("bob"), "imp-x-2", 1, Optional.empty(), "r", Actor.staff("c"),
                ImportHarness.NOW).notification()).isEqualTo(NotifyChoice.NONE);
        assertThat(h.outcomes(job.jobId(), false)).extracting(RowOutcome::row, RowOutcome::result).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2, RowOutcome.Result.IMPORTED),
                org.assertj.core.groups.Tuple.tuple(3, RowOutcome.Result.IMPORTED),
                org.assertj.core.groups.Tuple.tuple(4, RowOutcome.Result.IMPORTED));
    }

    @Test
    void theSameFileInASecondJobCreditsNobodyAgain() {
        h.member("alice");
        h.member("bob");
        h.run(h.checked(FILE), false);
        ImportJob again = h.checked(FILE);
        h.run(again, false);
        ImportJob done = h.job(again.jobId());
        assertThat(done.imported()).isZero();
        assertThat(done.alreadyImported()).isEqualTo(3);
        assertThat(h.ledger.wallet(points("alice")).balance()).isEqualTo(1200);
        assertThat(h.ledger.wallet(points("bob")).balance()).isEqualTo(300);
    }

    @Test
    void anEditedFileIsANewFileItsRowsAreCreditedAgain() {
        h.member("alice");
        h.member("bob");
        h.run(h.checked(FILE), false);
        h.run(h.checked(FILE + "bob,credits,1.00,never,late addition\n"), false);
        // documented in decisions.md 12.4: the operation id names the file, so an edited file repeats the old rows
        assertThat(h.ledger.wallet(points("bob")).balance()).isEqualTo(600);
    }

    @Test
    void errorsStopTheRunUnlessAcceptedAndAreListedWithTheirRow() {
        h.member("alice");
        ImportJob job = h.checked(FILE + "carol,points,0,never,r\n");
        assertThat(job.errorRows()).isEqualTo(2);
        assertThat(h.outcomes(job.jobId(), true)).extracting(RowOutcome::row, RowOutcome::result, RowOutcome::detail)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(4, RowOutcome.Result.UNKNOWN_MEMBER,
                                "memberId: no member with this id in the store"),
                        org.assertj.core.groups.Tuple.tuple(5, RowOutcome.Result.INVALID,
                                "amount: must be a whole number of points from 1 to 100000000"));
        assertThat(h.run(job, false)).isInstanceOf(BalanceImports.Outcome.HasErrors.class);
        assertThat(h.ledger.wallet(points("alice")).balance()).isZero();
        h.run(job, true);
        ImportJob done = h.job(job.jobId());
        assertThat(done.imported()).isEqualTo(2);
        assertThat(done.skipped()).isEqualTo(2);
        assertThat(h.ledger.wallet(points("alice")).balance()).isEqualTo(1200);
    }

    @Test
    void partsAreJoinedInNumberOrderAndAreFixedByTheDryRun() {
        h.member("alice");
        h.member("bob");
        var job = ((BalanceImports.Outcome.Job) h.imports.create(h.shop.id(), Optional.of("k1"), Actor.staff("bob"))).job();
        assertThat(job.jobId()).isEqualTo("import-k1");
        int cut = FILE.indexOf("bob,");
        h.imports.putPart(h.shop.id(), job.jobId(), 2, FILE.substring(cut));
        assertThat(h.imports.dryRun(h.shop.id(), job.jobId())).isEqualTo(new BalanceImports.Outcome.Unreadable(
                "part 1 is missing (parts are numbered from 1 without gaps)"));
        h.imports.putPart(h.shop.id(), job.jobId(), 1, FILE.substring(0, cut));
        h.imports.dryRun(h.shop.id(), job.jobId());
        assertThat(h.job(job.jobId()).file().orElseThrow().digest()).isEqualTo(ImportCsv.digest(FILE));
        assertThat(h.imports.putPart(h.shop.id(), job.jobId(), 3, "x")).isInstanceOf(BalanceImports.Outcome.FileFixed.class);
        assertThatThrownBy(() -> h.imports.putPart(h.shop.id(), job.jobId(), 0, "x"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> h.imports.putPart(h.shop.id(), job.jobId(), 1, "x".repeat(BalanceImports.MAX_PART_BYTES + 1)))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void theRunNeedsAFinishedDryRun() {
        h.member("alice");
        var job = ((BalanceImports.Outcome.Job) h.imports.create(h.shop.id(), Optional.empty(), Actor.staff("bob"))).job();
        h.imports.putPart(h.shop.id(), job.jobId(), 1, FILE);
        assertThat(h.imports.run(h.shop.id(), job.jobId(), true, Actor.staff("bob")))
                .isInstanceOf(BalanceImports.Outcome.NotChecked.class);
        h.imports.dryRun(h.shop.id(), job.jobId()); // queued, not drained: still checking
        assertThat(h.imports.run(h.shop.id(), job.jobId(), true, Actor.staff("bob")))
                .isInstanceOf(BalanceImports.Outcome.NotChecked.class);
    }

    @Test
    void aWorkerKilledMidChunkResumesWithoutDoubleCredit() {
        AtomicInteger credits = new AtomicInteger();
        LedgerStore[] inner = new LedgerStore[1];
        LedgerStore failing = (LedgerStore) Proxy.newProxyInstance(LedgerStore.class.getClassLoader(),
                new Class<?>[] {LedgerStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("apply") && credits.incrementAndGet() == 3) {
                        throw new IllegalStateException("killed");
                    }
                    try {
                        return method.invoke(inner[0], args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        h = new ImportHarness(failing);
        inner[0] = h.ledger;
        h.member("alice");
        h.member("bob");
        ImportJob job = h.checked(FILE);
        h.imports.run(h.shop.id(), job.jobId(), false, Actor.staff("carol"));
        var message = h.queue.poll().orElseThrow();
        assertThatThrownBy(() -> h.imports.runChunk(message.merchant(), message.jobId(), message.chunk()))
                .hasMessage("killed");
        assertThat(h.job(job.jobId()).chunksRun()).isZero();
        h.imports.runChunk(message.merchant(), message.jobId(), message.chunk()); // the redelivery
        ImportJob done = h.job(job.jobId());
        assertThat(done.status()).isEqualTo(ImportJob.Status.COMPLETED);
        assertThat(done.imported() + done.alreadyImported()).isEqualTo(3);
        assertThat(h.ledger.wallet(points("alice")).balance()).isEqualTo(1200);
        assertThat(h.ledger.wallet(points("bob")).balance()).isEqualTo(300);
        assertThat(h.imports.runChunk(message.merchant(), message.jobId(), message.chunk()).run())
                .isEqualTo(BalanceImports.ChunkRun.ALREADY_DONE);
    }

    @Test
    void aRowWhoseDatePassedBeforeTheRunFails() {
        h.member("alice");
        ImportHarness late = new ImportHarness();
        late.member("alice");
        ImportJob job = late.checked(ImportCsv.HEADER + "\nalice,points,5,2026-03-01,r\n");
        var later = new BalanceImports(late.ledger, late.members, late.merchants, late.jobs, late.queue,
                () -> Instant.parse("2026-03-02T00:00:00Z"), () -> "x");
        later.run(late.shop.id(), job.jobId(), false, Actor.staff("bob"));
        var m = late.queue.poll().orElseThrow();
        later.runChunk(m.merchant(), m.jobId(), m.chunk());
        assertThat(late.outcomes(job.jobId(), true)).extracting(RowOutcome::detail)
                .containsExactly("expiresOn: the date passed before the run started");
    }

    @Test
    void aLargeFileIsCutIntoChunksOf250Rows() {
        StringBuilder file = new StringBuilder(ImportCsv.HEADER).append('\n');
        for (int i = 0; i < 2500; i++) {
            h.member("m" + i);
            file.append("m").append(i).append(",points,").append(i + 1).append(",never,r\n");
        }
        ImportJob job = h.checked(file.toString());
        assertThat(job.chunkCount()).isEqualTo(10);
        h.run(job, false);
        assertThat(h.job(job.jobId()).imported()).isEqualTo(2500);
        assertThat(h.outcomes(job.jobId(), false)).hasSize(2500).extracting(RowOutcome::row)
                .isEqualTo(java.util.stream.IntStream.rangeClosed(2, 2501).boxed().toList());
    }

    @Test
    void theExportListsEveryLotInTheImportsColumns() {
        h.member("alice");
        h.member("bob");
        h.run(h.checked(FILE), false);
        var export = new BalanceExport(new com.memberpoints.domain.inmemory.InMemoryWalletListing(h.ledger),
                h.merchants, () -> ImportHarness.NOW);
        var first = export.page(h.shop.id(), Optional.empty(), 2).orElseThrow();
        var second = export.page(h.shop.id(), first.nextCursor(), 2).orElseThrow();
        assertThat(second.nextCursor()).isEmpty();
        assertThat(java.util.stream.Stream.concat(first.lines().stream(), second.lines().stream()).toList())
                .containsExactly(
                        new BalanceExport.Line(MemberId.of("alice"), com.memberpoints.domain.ledger.Wallet.POINTS,
                                "1200", "2026-12-31"),
                        new BalanceExport.Line(MemberId.of("alice"), com.memberpoints.domain.ledger.Wallet.CREDITS,
                                "25.50", "never"),
                        new BalanceExport.Line(MemberId.of("bob"), com.memberpoints.domain.ledger.Wallet.POINTS,
                                "300", "never"));
        var afterExpiry = new BalanceExport(new com.memberpoints.domain.inmemory.InMemoryWalletListing(h.ledger),
                h.merchants, () -> Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(afterExpiry.page(h.shop.id(), Optional.empty(), 10).orElseThrow().lines())
                .extracting(BalanceExport.Line::amount).containsExactly("25.50", "300");
        assertThat(List.of(1)).hasSize(1);
    }
}
