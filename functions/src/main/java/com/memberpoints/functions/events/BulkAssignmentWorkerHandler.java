package com.memberpoints.functions.events;

import com.memberpoints.functions.platform.ReadsEnvironment;
import com.memberpoints.functions.platform.AppConfig;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.memberpoints.domain.bulk.BulkAssignments;
import com.memberpoints.domain.migration.BalanceImports;
import com.memberpoints.infra.sqs.BulkChunkCodec;
import com.memberpoints.functions.platform.PrimedHandler;
import com.memberpoints.functions.platform.Wiring;
import com.memberpoints.functions.platform.log.JsonLogger;

import java.util.Objects;

/**
 * The bulk assignment worker: its own function, fed by the bulk-jobs SQS queue (batch size 1..10, partial
 * batch responses). Each message names one chunk ({@link BulkChunkCodec}); the chunk (at most 1,000 members) is credited member by member — each credit's
 * operation id is job id + member, so a chunk redelivered after a crash or a timeout credits nobody twice —
 * and its outcomes are recorded once. A failed chunk is reported back as a batch item failure: SQS
 * redelivers it after the visibility timeout, and after the queue's maxReceiveCount it goes to the
 * dead-letter queue (the job then stays RUNNING with that chunk missing, visible in its progress).
 * A malformed message is logged and dropped (retrying cannot fix it). The same queue and worker also run the chunks
 * of balance imports (job ids starting {@code import-}: the dry run's member check, then the run's credits; issue 12
 * item 4), so an import has the bulk job's redelivery, visibility timeout and dead-letter queue.
 */
@ReadsEnvironment({AppConfig.TABLE_NAME})
public final class BulkAssignmentWorkerHandler extends PrimedHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final QueueChunks chunks;
    private final JsonLogger logger;

    public BulkAssignmentWorkerHandler() {
        this(Wiring.bulkAssignments(), Wiring.balanceImports(), JsonLogger.stdout());
        primeBeforeSnapshot();
    }

    /** A worker for bulk assignment chunks only (an import chunk fails: nothing here can run it). */
    public BulkAssignmentWorkerHandler(BulkAssignments service, JsonLogger logger) {
        this(new QueueChunks(service, java.util.Optional.empty()), logger);
    }

    /** The worker of both job kinds on the bulk job queue: bulk assignments and balance imports. */
    public BulkAssignmentWorkerHandler(BulkAssignments service, BalanceImports imports, JsonLogger logger) {
        this(new QueueChunks(service, java.util.Optional.of(imports)), logger);
    }

    private BulkAssignmentWorkerHandler(QueueChunks chunks, JsonLogger logger) {
        this.chunks = Objects.requireNonNull(chunks, "chunks");
        this.logger = Objects.requireNonNull(logger, "logger");
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return logger.call(context, () -> Batches.messages(event, this::process));
    }

    private void process(SQSEvent.SQSMessage m) {
        chunks.deliver(logger, m.getMessageId(), m.getBody());
    }

    /** SnapStart: a made-up chunk message decoded (and a malformed one), the request model loaded; no port. */
    @Override
    public void prime() {
        EventsWarmUp.chunkMessage();
    }
}
