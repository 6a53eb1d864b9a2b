package com.memberpoints.domain.migration;

import com.memberpoints.domain.bulk.BulkJobQueue;
import com.memberpoints.domain.expiry.ExpiryCalculator;
import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.ledger.LedgerResult;
import com.memberpoints.domain.ledger.LedgerStore;
import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.member.MemberProfile;
import com.memberpoints.domain.member.MemberStore;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.merchant.MerchantStore;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.IdSource;
import com.memberpoints.domain.model.InvalidInputException;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.Page;
import com.memberpoints.domain.model.PageRequest;
import com.memberpoints.domain.model.TimeSource;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Balance import for a merchant moving in (issue 12 item 4): a CSV ({@link ImportCsv}) uploaded in numbered parts,
 * a dry run, then the run.
 *
 * <ol>
 *   <li>{@link #create}: an empty job; {@link #putPart}: part n of the file (each at most {@value #MAX_PART_BYTES}
 *       bytes, so any file fits the API's request limits).</li>
 *   <li>{@link #dryRun}: joins the parts, reads every row ({@link ImportCsv}: the row number and the error of each
 *       bad row), fixes the file (digest, rows, chunks of {@value ImportJob#CHUNK_SIZE} rows) and queues the chunks on
 *       the bulk job queue; the bulk worker then looks the members of each chunk up ({@link #runChunk}).</li>
 *   <li>{@link #run}: once every chunk is checked and (unless accepted) no row is in error, queues the chunks
 *       again; the worker credits each valid row once: the ledger operation of a row is
 *       {@code imp-<file digest>-<row>}, so a redelivered chunk, a second run, or a second job with the same file
 *       credits nobody twice.</li>
 * </ol>
 * Rows are credited with {@link LedgerCommand#importCredit}: journal kind {@code IMPORT_CREDIT}, the run's staff
 * member as actor, the row's reason, the row's own expiry (end of that local day) or none, no notification.
 */
public final class BalanceImports {
    public static final String JOB_PREFIX = "import-";
    public static final int MAX_PART_BYTES = 256 * 1024;
    public static final int MAX_PARTS = 200;
    /** Members read per {@link MemberStore#findAll} call (DynamoDB BatchGetItem's limit). */
    static final int READ_BATCH = 100;

    private final LedgerStore ledger;
    private final MemberStore members;
    private final MerchantStore merchants;
    private final ImportJobStore jobs;
    private final BulkJobQueue queue;
    private final TimeSource clock;
    private final IdSource ids;
    private final int parallelism;

    public BalanceImports(LedgerStore ledger, MemberStore members, MerchantStore merchants, ImportJobStore jobs,
                          BulkJobQueue queue, TimeSource clock, IdSource ids) {
        this(ledger, members, merchants, jobs, queue, clock, ids, 1);
    }

    private BalanceImports(LedgerStore ledger, MemberStore members, MerchantStore merchants, ImportJobStore jobs,
                           BulkJobQueue queue, TimeSource clock, IdSource ids, int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1");
        }
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.members = Objects.requireNonNull(members, "members");
        this.merchants = Objects.requireNonNull(merchants, "merchants");
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.parallelism = parallelism;
    }

    /** The same service crediting up to {@code parallelism} rows of a chunk at once (each is its own operation). */
    public BalanceImports withParallelism(int parallelism) {
        return new BalanceImports(ledger, members, merchants, jobs, queue, clock, ids, parallelism);
    }

    /** True for a job id this service made (the bulk worker routes a chunk message by it). */
    public static boolean isImportJob(String jobId) {
        return jobId.startsWith(JOB_PREFIX);
    }

    public sealed interface Outcome {
        /** The job as it stands; {@code changed} is false for a repeated request that found it done. */
        record Job(ImportJob job, boolean changed) implements Outcome {}

        record NoSuchJob() implements Outcome {}

        record StoreNotConfigured() implements Outcome {}

        /** The dry run fixed the file: parts can no longer change. */
        record FileFixed(ImportJob job) implements Outcome {}

        /** The file as a whole cannot be read ({@code why} in the API's words); nothing was fixed. */
        record Unreadable(String why) implements Outcome {}

        /** The run needs a finished dry run. */
        record NotChecked(ImportJob job) implements Outcome {}

        /** The dry run found rows in error and the run did not accept them. */
        record HasErrors(ImportJob job) implements Outcome {}
    }

    /** A new job ({@code key}, when given, becomes its id: a retry finds the same job). */
    public Outcome create(MerchantId merchant, Optional<String> key, Actor staff) {
        if (merchants.find(merchant).isEmpty()) {
            return new Outcome.StoreNotConfigured();
        }
        String jobId = JOB_PREFIX + key.orElseGet(ids::newId);
        Optional<ImportJob> existing = jobs.find(merchant, jobId);
        if (existing.isPresent()) {
            return new Outcome.Job(existing.get(), false); // a retry with the same key
        }
        ImportJob job = ImportJob.created(merchant, jobId, staff, clock.now().truncatedTo(ChronoUnit.SECONDS));
        ImportJob stored = jobs.create(job);
        return new Outcome.Job(stored, stored.equals(job));
    }

    /** Stores part {@code number} (1..{@value #MAX_PARTS}) of the file; a part sent again replaces the first. */
    public Outcome putPart(MerchantId merchant, String jobId, int number, String text) {
        if (number < 1 || number > MAX_PARTS) {
            throw new InvalidInputException("part", "must be a part number from 1 to " + MAX_PARTS);
        }
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_PART_BYTES) {
            throw new InvalidInputException("body", "must be at most " + MAX_PART_BYTES + " bytes; split the file "
                    + "into more parts");
        }
        return switch (jobs.putPart(merchant, jobId, number, text)) {
            case STORED -> new Outcome.Job(jobs.find(merchant, jobId).orElseThrow(), true);
            case NO_SUCH_JOB -> new Outcome.NoSuchJob();
            case FILE_FIXED -> new Outcome.FileFixed(jobs.find(merchant, jobId).orElseThrow());
        };
    }

    /**
     * Reads the uploaded file and queues its chunks for the member check. Repeating it after the file was fixed
     * answers the job unchanged.
     */
    public Outcome dryRun(MerchantId merchant, String jobId) {
        Optional<ImportJob> found = jobs.find(merchant, jobId);
        if (found.isEmpty()) {
            return new Outcome.NoSuchJob();
        }
        if (found.get().file().isPresent()) {
            if (found.get().status() == ImportJob.Status.CHECKING) {
                // a repeat resumes a dry run whose chunks were not all queued (a crash after the file was fixed)
                queue.enqueue(merchant, jobId, indexes(found.get().chunkCount()));
            }
            return new Outcome.Job(found.get(), false);
        }
        Optional<Merchant> store = merchants.find(merchant);
        if (store.isEmpty()) {
            return new Outcome.StoreNotConfigured();
        }
        List<ImportJobStore.Part> parts = jobs.parts(merchant, jobId);
        if (parts.isEmpty()) {
            return new Outcome.Unreadable("no part of the file was uploaded");
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            if (parts.get(i).number() != i + 1) {
                return new Outcome.Unreadable("part " + (i + 1) + " is missing (parts are numbered from 1 without gaps)");
            }
            text.append(parts.get(i).text());
        }
        LocalDate today = LocalDate.ofInstant(clock.now(), store.get().zone());
        return switch (ImportCsv.parse(text.toString(), store.get().currency(), today)) {
            case ImportCsv.Result.Unreadable u -> new Outcome.Unreadable(u.why());
            case ImportCsv.Result.Parsed p -> fix(found.get(), p);
        };
    }

    private Outcome fix(ImportJob job, ImportCsv.Result.Parsed file) {
        List<ImportLine> lines = file.lines();
        List<List<ImportLine>> chunks = new ArrayList<>();
        for (int from = 0; from < lines.size(); from += ImportJob.CHUNK_SIZE) {
            chunks.add(lines.subList(from, Math.min(lines.size(), from + ImportJob.CHUNK_SIZE)));
        }
        ImportJob.FileSummary summary = new ImportJob.FileSummary(file.digest(), lines.size(), chunks.size());
        ImportJob stored = jobs.fixFile(job.withFile(summary, file.errors()), chunks);
        if (stored.file().isPresent() && stored.file().get().equals(summary) && stored.chunksChecked() == 0) {
            queue.enqueue(job.merchant(), job.jobId(), indexes(chunks.size()));
        }
        return new Outcome.Job(stored, true);
    }

    /**
     * Starts the run of a checked file ({@code acceptErrors}: import the valid rows even though some rows are in
     * error). Repeating it answers the running job; the chunks are queued again (harmless: a chunk runs once).
     */
    public Outcome run(MerchantId merchant, String jobId, boolean acceptErrors, Actor staff) {
        Optional<ImportJob> found = jobs.find(merchant, jobId);
        if (found.isEmpty()) {
            return new Outcome.NoSuchJob();
        }
        ImportJob job = found.get();
        if (job.run().isPresent()) {
            if (job.status() == ImportJob.Status.RUNNING) {
                queue.enqueue(merchant, jobId, indexes(job.chunkCount())); // resumes a run cut short (harmless)
            }
            return new Outcome.Job(job, false);
        }
        if (job.status() != ImportJob.Status.CHECKED) {
            return new Outcome.NotChecked(job);
        }
        if (job.errorRows() > 0 && !acceptErrors) {
            return new Outcome.HasErrors(job);
        }
        ImportJob.RunStart start = new ImportJob.RunStart(staff, clock.now().truncatedTo(ChronoUnit.SECONDS),
                acceptErrors);
        ImportJob stored = jobs.startRun(merchant, jobId, start);
        queue.enqueue(merchant, jobId, indexes(job.chunkCount()));
        return new Outcome.Job(stored, stored.run().orElseThrow().equals(start));
    }

    private static List<Integer> indexes(int count) {
        List<Integer> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(i);
        }
        return out;
    }

    /** What one worker run did with a chunk. */
    public enum ChunkRun { CHECKED, RAN, CHECKED_AND_RAN, ALREADY_DONE, NO_SUCH_CHUNK }

    /** What one worker run did, with the rows it credited now (counted only by the run that completed the chunk). */
    public record ChunkReport(ChunkRun run, long imported, long notImported) {
        public ChunkReport {
            Objects.requireNonNull(run, "run");
        }
    }

    /**
     * Does what chunk {@code index} still needs: its member check, and, once the job runs, its credits. A store
     * failure propagates: the queue redelivers the chunk, and each row credited before comes back from the ledger
     * as a duplicate.
     */
    public ChunkReport runChunk(MerchantId merchant, String jobId, int index) {
        Optional<ImportJob> job = jobs.find(merchant, jobId);
        Optional<ImportChunk> found = job.isEmpty() ? Optional.empty() : jobs.chunk(merchant, jobId, index);
        if (found.isEmpty()) {
            return new ChunkReport(ChunkRun.NO_SUCH_CHUNK, 0, 0);
        }
        ImportChunk chunk = found.get();
        boolean checkedNow = false;
        List<RowOutcome> checks = chunk.checks();
        if (!chunk.checked()) {
            checks = check(merchant, chunk);
            long valid = checks.stream().filter(c -> c.result() == RowOutcome.Result.VALID).count();
            long unknown = checks.stream().filter(c -> c.result() == RowOutcome.Result.UNKNOWN_MEMBER).count();
            checkedNow = jobs.completeCheck(merchant, jobId, index, checks, valid, unknown);
        }
        if (job.get().run().isEmpty() || chunk.ran()) {
            return new ChunkReport(checkedNow ? ChunkRun.CHECKED : ChunkRun.ALREADY_DONE, 0, 0);
        }
        Merchant store = merchants.find(merchant).orElseThrow(
                () -> new IllegalStateException("the store of import " + jobId + " is not configured"));
        List<RowOutcome> results = credit(store, job.get(), chunk, checks);
        ImportJob.RunTally tally = ImportJob.RunTally.of(results);
        if (!jobs.completeRun(merchant, jobId, index, results, tally)) {
            return new ChunkReport(checkedNow ? ChunkRun.CHECKED : ChunkRun.ALREADY_DONE, 0, 0);
        }
        return new ChunkReport(checkedNow ? ChunkRun.CHECKED_AND_RAN : ChunkRun.RAN, tally.imported(),
                tally.failed() + tally.skipped());
    }

    private List<RowOutcome> check(MerchantId merchant, ImportChunk chunk) {
        LinkedHashSet<MemberId> wanted = new LinkedHashSet<>();
        for (ImportLine l : chunk.lines()) {
            l.valid().ifPresent(r -> wanted.add(r.member()));
        }
        List<MemberId> ids = List.copyOf(wanted);
        java.util.Set<MemberId> existing = new java.util.HashSet<>();
        for (int from = 0; from < ids.size(); from += READ_BATCH) {
            Map<MemberId, MemberProfile> found = members.findAll(merchant,
                    ids.subList(from, Math.min(ids.size(), from + READ_BATCH)));
            existing.addAll(found.keySet());
        }
        List<RowOutcome> out = new ArrayList<>(chunk.lines().size());
        for (ImportLine l : chunk.lines()) {
            if (l.valid().isEmpty()) {
                out.add(new RowOutcome(l.row(), l.member(), RowOutcome.Result.INVALID, l.error()));
            } else if (existing.contains(l.valid().get().member())) {
                out.add(new RowOutcome(l.row(), l.member(), RowOutcome.Result.VALID, ""));
            } else {
                out.add(new RowOutcome(l.row(), l.member(), RowOutcome.Result.UNKNOWN_MEMBER,
                        "memberId: no member with this id in the store"));
            }
        }
        return out;
    }

    private List<RowOutcome> credit(Merchant store, ImportJob job, ImportChunk chunk, List<RowOutcome> checks) {
        ImportJob.RunStart start = job.run().orElseThrow();
        String digest = job.file().orElseThrow().digest();
        List<Callable<RowOutcome>> tasks = new ArrayList<>(checks.size());
        for (int i = 0; i < checks.size(); i++) {
            RowOutcome check = checks.get(i);
            Optional<ImportRow> row = chunk.lines().get(i).valid();
            if (check.result() != RowOutcome.Result.VALID || row.isEmpty()) {
                tasks.add(() -> new RowOutcome(check.row(), check.member(), RowOutcome.Result.SKIPPED,
                        check.detail()));
            } else {
                tasks.add(() -> credit(store, start, digest, row.get()));
            }
        }
        return runAll(tasks);
    }

    /** The ledger operation reference of a row of a file: the same file's same row is the same credit. */
    public static String reference(String digest, int row) {
        return "imp-" + digest + "-" + row;
    }

    private RowOutcome credit(Merchant store, ImportJob.RunStart start, String digest, ImportRow row) {
        Optional<Instant> expiresAt = row.expiresOn().map(d -> ExpiryCalculator.endOfLocalDay(d, store.zone()));
        if (expiresAt.isPresent() && !expiresAt.get().isAfter(start.at())) {
            return failed(row, "expiresOn: the date passed before the run started");
        }
        WalletRef wallet = new WalletRef(store.id(), row.member(), row.wallet());
        LedgerResult result;
        try {
            result = ledger.apply(LedgerCommand.importCredit(wallet, reference(digest, row.row()), row.amount(),
                    expiresAt, row.reason(), start.by(), start.at()));
        } catch (IllegalArgumentException e) {
            return failed(row, "the credit is invalid: " + e.getMessage());
        }
        return switch (result) {
            case LedgerResult.Applied a -> outcome(row, RowOutcome.Result.IMPORTED, "");
            case LedgerResult.Duplicate d -> outcome(row, RowOutcome.Result.ALREADY_IMPORTED, "");
            // the same row of the same file, credited by another run (another actor or time zone): never twice
            case LedgerResult.OperationIdConflict c -> outcome(row, RowOutcome.Result.ALREADY_IMPORTED,
                    "imported before by another run of the same file");
            case LedgerResult.InsufficientBalance b -> failed(row, "the ledger refused it");
            case LedgerResult.NotApplicable n -> failed(row, "the ledger refused it: " + n.reason());
        };
    }

    private static RowOutcome outcome(ImportRow row, RowOutcome.Result result, String detail) {
        return new RowOutcome(row.row(), row.member().value(), result, detail);
    }

    private static RowOutcome failed(ImportRow row, String why) {
        return outcome(row, RowOutcome.Result.FAILED, why);
    }

    private List<RowOutcome> runAll(List<Callable<RowOutcome>> tasks) {
        List<RowOutcome> results = new ArrayList<>(tasks.size());
        if (parallelism == 1 || tasks.size() < 2) {
            for (Callable<RowOutcome> t : tasks) {
                try {
                    results.add(t.call());
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            return results;
        }
        try (var pool = Executors.newFixedThreadPool(Math.min(parallelism, tasks.size()))) {
            for (Future<RowOutcome> f : pool.invokeAll(tasks)) {
                try {
                    results.add(f.get());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while importing a chunk", e);
        }
    }

    public Optional<ImportJob> job(MerchantId merchant, String jobId) {
        return jobs.find(merchant, jobId);
    }

    /**
     * The rows' outcomes in file order, of the chunks done so far: the run's outcome once a chunk ran, else the
     * dry run's check. {@code errorsOnly}: only rows that are not VALID / IMPORTED / ALREADY_IMPORTED.
     * The cursor is {@code <chunk>:<position>}.
     */
    public Page<RowOutcome> outcomes(MerchantId merchant, String jobId, PageRequest page, boolean errorsOnly) {
        Optional<ImportJob> job = jobs.find(merchant, jobId);
        if (job.isEmpty()) {
            return new Page<>(List.of(), Optional.empty());
        }
        int[] at = page.cursor().map(BalanceImports::parseCursor).orElse(new int[] {0, 0});
        int chunks = job.get().chunkCount();
        List<RowOutcome> items = new ArrayList<>();
        int c = at[0];
        int o = at[1];
        int read = 0;
        while (c < chunks && items.size() < page.limit() && read < 10) {
            ImportChunk chunk = jobs.chunk(merchant, jobId, c).orElseThrow(
                    () -> new IllegalStateException("import " + jobId + " lacks chunk " + at[0]));
            read++;
            List<RowOutcome> done = chunk.ran() ? chunk.results() : chunk.checks();
            if (done.isEmpty()) {
                break; // not checked yet: the listing continues here later
            }
            while (o < done.size() && items.size() < page.limit()) {
                RowOutcome r = done.get(o++);
                if (!errorsOnly || !ok(r.result())) {
                    items.add(r);
                }
            }
            if (o >= done.size()) {
                c++;
                o = 0;
            }
        }
        return new Page<>(items, c < chunks ? Optional.of(c + ":" + o) : Optional.empty());
    }

    private static boolean ok(RowOutcome.Result r) {
        return r == RowOutcome.Result.VALID || r == RowOutcome.Result.IMPORTED || r == RowOutcome.Result.ALREADY_IMPORTED;
    }

    private static int[] parseCursor(String cursor) {
        String[] p = cursor.split(":", 2);
        try {
            int[] at = {Integer.parseInt(p[0]), Integer.parseInt(p[1])};
            if (at[0] < 0 || at[1] < 0 || at[1] >= ImportJob.CHUNK_SIZE) {
                throw new NumberFormatException();
            }
            return at;
        } catch (RuntimeException e) {
            throw new InvalidInputException("cursor", "is not a cursor returned by this listing");
        }
    }
}
