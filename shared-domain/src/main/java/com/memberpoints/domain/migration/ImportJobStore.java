package com.memberpoints.domain.migration;

import com.memberpoints.domain.model.MerchantId;
import java.util.List;
import java.util.Optional;

/**
 * Balance import jobs: the job, the uploaded parts of its file, and the chunks the dry run cut the file into. Every
 * counter change is conditional, so a chunk checked or run twice is counted once. Failures of the underlying store
 * are thrown as {@link ImportJobStoreException}.
 */
public interface ImportJobStore {

    /** Stores a new job, or answers the job already stored under its id (an idempotent retry). */
    ImportJob create(ImportJob job);

    Optional<ImportJob> find(MerchantId merchant, String jobId);

    /** Stores (or replaces) part {@code number} while the job has no file yet. */
    PartResult putPart(MerchantId merchant, String jobId, int number, String text);

    enum PartResult { STORED, NO_SUCH_JOB, FILE_FIXED }

    /** One uploaded part. */
    record Part(int number, String text) {}

    /** Every part of the job, by number. */
    List<Part> parts(MerchantId merchant, String jobId);

    /**
     * Writes the chunks (chunk i = {@code chunks.get(i)}) and fixes the file in the job, once: answers the stored
     * job, whose file is this one unless another dry run fixed it first.
     */
    ImportJob fixFile(ImportJob withFile, List<List<ImportLine>> chunks);

    Optional<ImportChunk> chunk(MerchantId merchant, String jobId, int index);

    /** Records a chunk's checks and adds their counts to the job, once: false (nothing changed) if already checked. */
    boolean completeCheck(MerchantId merchant, String jobId, int index, List<RowOutcome> checks, long valid,
                          long unknown);

    /** Sets the job's run start, once: answers the stored job (with the first start). */
    ImportJob startRun(MerchantId merchant, String jobId, ImportJob.RunStart start);

    /** Records a chunk's run outcomes and adds their counts to the job, once: false if already run. */
    boolean completeRun(MerchantId merchant, String jobId, int index, List<RowOutcome> results,
                        ImportJob.RunTally tally);

    final class ImportJobStoreException extends RuntimeException {
        public ImportJobStoreException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
