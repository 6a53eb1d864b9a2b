package com.memberpoints.domain.bulk;

import com.memberpoints.domain.model.Page;
import com.memberpoints.domain.model.PageRequest;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import java.util.List;
import java.util.Optional;

/**
 * Bulk assignment jobs and their chunks (the job is the queue's payload store: the queue only carries
 * "job X, chunk i"). Failures of the underlying store are thrown as {@link BulkJobStoreException}.
 */
public interface BulkJobStore {

    /**
     * Stores a new job and its chunks (chunk i = {@code chunks.get(i)}). When the job id is taken nothing is
     * written and the stored job is returned instead.
     */
    CreateResult create(BulkJob job, List<List<MemberId>> chunks);

    Optional<BulkJob> find(MerchantId merchant, String jobId);

    Optional<BulkChunk> chunk(MerchantId merchant, String jobId, int index);

    /**
     * Records a chunk's outcomes and adds {@code tally} to the job's counters, atomically and once: answers
     * false (and changes nothing) when the chunk was already completed.
     */
    boolean completeChunk(MerchantId merchant, String jobId, int index, List<MemberOutcome> outcomes, ChunkTally tally);

    /** Outcomes of completed chunks in id order of the job (chunk by chunk); the cursor is opaque. */
    Page<MemberOutcome> outcomes(MerchantId merchant, String jobId, PageRequest page);

    sealed interface CreateResult {
        record Created(BulkJob job) implements CreateResult {}

        record Exists(BulkJob stored) implements CreateResult {}
    }

    final class BulkJobStoreException extends RuntimeException {
        public BulkJobStoreException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
