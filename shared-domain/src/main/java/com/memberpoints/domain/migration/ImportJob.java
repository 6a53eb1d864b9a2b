package com.memberpoints.domain.migration;

import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.MerchantId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A balance import: a file uploaded in numbered parts, read and checked by the dry run (chunk by chunk, by the
 * bulk worker), then run (chunk by chunk again). Counters are added once per chunk and phase.
 *
 * @param file            set by the dry run: the file's digest, its rows and chunks (empty while uploading)
 * @param invalidRows     rows the dry run could not read (known when the file is fixed)
 * @param chunksChecked   chunks whose members the dry run looked up
 * @param validRows       rows of checked chunks that will be imported
 * @param unknownMembers  rows of checked chunks whose member does not exist
 * @param run             who started the run, when, and whether the dry run's errors were accepted
 */
public record ImportJob(
        MerchantId merchant,
        String jobId,
        Actor createdBy,
        Instant createdAt,
        Optional<FileSummary> file,
        long invalidRows,
        int chunksChecked,
        long validRows,
        long unknownMembers,
        Optional<RunStart> run,
        int chunksRun,
        long imported,
        long alreadyImported,
        long failed,
        long skipped) {

    /** Rows per chunk: one worker invocation's unit of work; 250 rows of the longest member ids and reasons stay one item below 400 KB. */
    public static final int CHUNK_SIZE = 250;

    public ImportJob {
        Objects.requireNonNull(merchant, "merchant");
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(run, "run");
        int chunks = file.map(FileSummary::chunkCount).orElse(0);
        if (chunksChecked < 0 || chunksChecked > chunks || chunksRun < 0 || chunksRun > chunks) {
            throw new IllegalArgumentException("chunk counts out of range");
        }
    }

    /** The file as the dry run fixed it. */
    public record FileSummary(String digest, int rows, int chunkCount) {
        public FileSummary {
            Objects.requireNonNull(digest, "digest");
            if (rows < 1 || chunkCount != (rows + CHUNK_SIZE - 1) / CHUNK_SIZE) {
                throw new IllegalArgumentException("rows " + rows + " in " + chunkCount + " chunks");
            }
        }
    }

    /** The run's start: its actor and instant become every credit's actor and time (identical on a redelivery). */
    public record RunStart(Actor by, Instant at, boolean acceptErrors) {
        public RunStart {
            Objects.requireNonNull(by, "by");
            Objects.requireNonNull(at, "at");
        }
    }

    public enum Status { UPLOADING, CHECKING, CHECKED, RUNNING, COMPLETED }

    public static ImportJob created(MerchantId merchant, String jobId, Actor createdBy, Instant createdAt) {
        return new ImportJob(merchant, jobId, createdBy, createdAt, Optional.empty(), 0, 0, 0, 0, Optional.empty(), 0,
                0, 0, 0, 0);
    }

    public int chunkCount() {
        return file.map(FileSummary::chunkCount).orElse(0);
    }

    public Status status() {
        if (file.isEmpty()) {
            return Status.UPLOADING;
        }
        if (run.isPresent()) {
            return chunksRun == chunkCount() ? Status.COMPLETED : Status.RUNNING;
        }
        return chunksChecked == chunkCount() ? Status.CHECKED : Status.CHECKING;
    }

    /** Rows the dry run found unusable so far (unreadable, or their member unknown). */
    public long errorRows() {
        return invalidRows + unknownMembers;
    }

    public ImportJob withFile(FileSummary summary, long invalid) {
        return new ImportJob(merchant, jobId, createdBy, createdAt, Optional.of(summary), invalid, chunksChecked,
                validRows, unknownMembers, run, chunksRun, imported, alreadyImported, failed, skipped);
    }

    public ImportJob withRun(RunStart start) {
        return new ImportJob(merchant, jobId, createdBy, createdAt, file, invalidRows, chunksChecked, validRows,
                unknownMembers, Optional.of(start), chunksRun, imported, alreadyImported, failed, skipped);
    }

    /** This job with one more checked chunk. */
    public ImportJob plusChecked(long valid, long unknown) {
        return new ImportJob(merchant, jobId, createdBy, createdAt, file, invalidRows, chunksChecked + 1,
                validRows + valid, unknownMembers + unknown, run, chunksRun, imported, alreadyImported, failed, skipped);
    }

    /** This job with one more chunk run. */
    public ImportJob plusRun(RunTally t) {
        return new ImportJob(merchant, jobId, createdBy, createdAt, file, invalidRows, chunksChecked, validRows,
                unknownMembers, run, chunksRun + 1, imported + t.imported(), alreadyImported + t.alreadyImported(),
                failed + t.failed(), skipped + t.skipped());
    }

    /** Counts of one chunk's run. */
    public record RunTally(long imported, long alreadyImported, long failed, long skipped) {
        public static RunTally of(java.util.List<RowOutcome> outcomes) {
            long i = 0;
            long a = 0;
            long f = 0;
            long s = 0;
            for (RowOutcome o : outcomes) {
                switch (o.result()) {
                    case IMPORTED -> i++;
                    case ALREADY_IMPORTED -> a++;
                    case FAILED -> f++;
                    default -> s++;
                }
            }
            return new RunTally(i, a, f, s);
        }
    }
}
