package com.memberpoints.functions.events;

import com.memberpoints.functions.platform.ReadsEnvironment;
import com.memberpoints.functions.platform.AppConfig;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.memberpoints.domain.bulk.BulkAssignments;
import com.memberpoints.domain.model.InvalidInputException;
import com.memberpoints.infra.sqs.BulkChunkCodec;
import com.memberpoints.domain.bulk.BulkJobQueue;
import com.memberpoints.functions.platform.PrimedHandler;
import com.memberpoints.functions.platform.Wiring;
import com.memberpoints.functions.platform.log.JsonLogger;

import java.util.Map;
import java.util.Objects;

/**
 * The bulk assignment worker: its own function, fed by the bulk-jobs SQS queue (batch size 1..10, partial
 * batch responses). Each message names one chunk ({@link BulkChunkCodec}); the chunk (at most 1,000 members) is credited member by member — each credit's
 * operation id is job id + member, so a chunk redelivered after a crash or a timeout credits nobody twice —
 * and its outcomes are recorded once. A failed chunk is reported back as a batch item failure: SQS
 * redelivers it after the visibility timeout, and after the queue's maxReceiveCount it goes to the
 * dead-letter queue (the job then stays RUNNING with that chunk missing, visible in its progress).
 * A malformed message is logged and dropped (retrying cannot fix it).
 */
@ReadsEnvironment({AppConfig.TABLE_NAME})
public final class BulkAssignmentWorkerHandler extends PrimedHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final BulkAssignments service;
    private final JsonLogger logger;

    public BulkAssignmentWorkerHandler() {
        this(Wiring.bulkAssignments(), JsonLogger.stdout());
        primeBeforeSnapshot();
    }

    public BulkAssignmentWorkerHandler(BulkAssignments service, JsonLogger logger) {
        this.service = Objects.requireNonNull(service, "service");
        this.logger = Objects.requireNonNull(logger, "logger");
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return logger.call(context, () -> Batches.messages(event, this::process));
    }

    private void process(SQSEvent.SQSMessage m) {
        Map<String, Object> line = EventOutcomes.messageLine(m.getMessageId());
        BulkJobQueue.ChunkMessage chunk;
        try {
            chunk = BulkChunkCodec.decode(m.getBody());
        } catch (InvalidInputException e) {
            line.put("problem", "malformed message");
            logger.error("bulk chunk message dropped", line, e);
            return;
        }
        EventOutcomes.describe(line, chunk);
        long started = System.nanoTime();
        try {
            var report = service.runChunk(chunk.merchant(), chunk.jobId(), chunk.chunk());
            EventOutcomes.chunkProcessed(logger, line, report, started);
        } catch (RuntimeException e) {
            throw EventOutcomes.chunkFailed(logger, line, e, started);
        }
    }

    /** SnapStart: a made-up chunk message decoded (and a malformed one), the request model loaded; no port. */
    @Override
    public void prime() {
        EventsWarmUp.chunkMessage();
    }
}
