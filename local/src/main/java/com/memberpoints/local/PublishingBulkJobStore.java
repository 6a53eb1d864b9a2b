package com.memberpoints.local;

import com.memberpoints.domain.bulk.BulkChunk;
import com.memberpoints.domain.bulk.BulkJob;
import com.memberpoints.domain.bulk.BulkJobStore;
import com.memberpoints.domain.bulk.ChunkTally;
import com.memberpoints.domain.bulk.MemberOutcome;
import com.memberpoints.domain.integration.IntegrationFact;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.Page;
import com.memberpoints.domain.model.PageRequest;
import com.memberpoints.domain.model.TimeSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * LOCAL ONLY: when the write that completes a bulk job's last chunk succeeds, hands the completed job to the
 * {@link LocalEventBus} (in AWS the table stream's MODIFY of the job item reaches IntegrationEventsFunction).
 */
final class PublishingBulkJobStore implements BulkJobStore {
    private final BulkJobStore store;
    private final LocalEventBus bus;
    private final TimeSource clock;

    PublishingBulkJobStore(BulkJobStore store, LocalEventBus bus, TimeSource clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.bus = Objects.requireNonNull(bus, "bus");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public CreateResult create(BulkJob job, List<List<MemberId>> chunks) {
        return store.create(job, chunks);
    }

    @Override
    public Optional<BulkJob> find(MerchantId merchant, String jobId) {
        return store.find(merchant, jobId);
    }

    @Override
    public Optional<BulkChunk> chunk(MerchantId merchant, String jobId, int index) {
        return store.chunk(merchant, jobId, index);
    }

    @Override
    public boolean completeChunk(MerchantId merchant, String jobId, int index, List<MemberOutcome> outcomes, ChunkTally tally) {
        boolean completed = store.completeChunk(merchant, jobId, index, outcomes, tally);
        if (completed) {
            store.find(merchant, jobId).filter(j -> j.status() == BulkJob.Status.COMPLETED)
                    .ifPresent(j -> bus.publish(new IntegrationFact.BulkCompleted(j, clock.now())));
        }
        return completed;
    }

    @Override
    public Page<MemberOutcome> outcomes(MerchantId merchant, String jobId, PageRequest page) {
        return store.outcomes(merchant, jobId, page);
    }
}
