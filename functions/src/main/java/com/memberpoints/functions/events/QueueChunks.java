package com.memberpoints.functions.events;

import com.memberpoints.domain.bulk.BulkAssignments;
import com.memberpoints.domain.bulk.BulkJobQueue;
import com.memberpoints.domain.migration.BalanceImports;
import com.memberpoints.domain.model.InvalidInputException;
import com.memberpoints.functions.platform.log.JsonLogger;
import com.memberpoints.infra.sqs.BulkChunkCodec;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The jobs whose chunks travel on the bulk job queue: bulk assignments, and balance imports (job ids starting
 * {@code import-}, issue 12 item 4). Runs one chunk with the service its job id names and logs the outcome.
 */
final class QueueChunks {
    private final BulkAssignments bulk;
    private final Optional<BalanceImports> imports;

    QueueChunks(BulkAssignments bulk, Optional<BalanceImports> imports) {
        this.bulk = Objects.requireNonNull(bulk, "bulk");
        this.imports = Objects.requireNonNull(imports, "imports");
    }

    /**
     * One message of the queue: decoded (a malformed one is logged and dropped: retrying cannot fix it), run, and
     * logged; a failure is logged, counted and rethrown so SQS redelivers the chunk.
     */
    void deliver(JsonLogger logger, String messageId, String body) {
        Map<String, Object> line = EventOutcomes.messageLine(messageId);
        BulkJobQueue.ChunkMessage chunk;
        try {
            chunk = BulkChunkCodec.decode(body);
        } catch (InvalidInputException e) {
            line.put("problem", "malformed message");
            logger.error("bulk chunk message dropped", line, e);
            return;
        }
        EventOutcomes.describe(line, chunk);
        long started = System.nanoTime();
        try {
            run(logger, line, chunk, started);
        } catch (RuntimeException e) {
            throw EventOutcomes.chunkFailed(logger, line, e, started);
        }
    }

    /** Runs the chunk; a failure propagates (the queue redelivers the chunk). */
    private void run(JsonLogger logger, Map<String, Object> line, BulkJobQueue.ChunkMessage chunk, long started) {
        if (BalanceImports.isImportJob(chunk.jobId())) {
            BalanceImports runner = imports.orElseThrow(
                    () -> new IllegalStateException("this worker has no balance import service"));
            EventOutcomes.importChunkProcessed(logger, line, runner.runChunk(chunk.merchant(), chunk.jobId(),
                    chunk.chunk()), started);
            return;
        }
        EventOutcomes.chunkProcessed(logger, line, bulk.runChunk(chunk.merchant(), chunk.jobId(), chunk.chunk()), started);
    }
}
