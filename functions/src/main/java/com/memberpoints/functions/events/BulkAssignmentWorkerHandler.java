package com.memberpoints.functions.events;

import com.memberpoints.functions.platform.ReadsEnvironment;
import com.memberpoints.functions.platform.AppConfig;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.memberpoints.domain.bulk.BulkAssignments;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.bulk.BulkJobQueue;
import com.memberpoints.functions.platform.Wiring;
import com.memberpoints.functions.platform.json.Json;
import com.memberpoints.functions.platform.json.JsonNumber;
import com.memberpoints.functions.platform.json.JsonObject;
import com.memberpoints.functions.platform.json.JsonString;
import com.memberpoints.functions.platform.json.JsonValue;
import com.memberpoints.functions.platform.log.JsonLogger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The bulk assignment worker: its own function, fed by the bulk-jobs SQS queue (batch size 1..10, partial
 * batch responses). Each message names one chunk ({@code {"merchantId","jobId","chunk"}}, see
 * {@link #message}); the chunk (at most 1,000 members) is credited member by member — each credit's
 * operation id is job id + member, so a chunk redelivered after a crash or a timeout credits nobody twice —
 * and its outcomes are recorded once. A failed chunk is reported back as a batch item failure: SQS
 * redelivers it after the visibility timeout, and after the queue's maxReceiveCount it goes to the
 * dead-letter queue (the job then stays RUNNING with that chunk missing, visible in its progress).
 * A malformed message is logged and dropped (retrying cannot fix it).
 */
@ReadsEnvironment({AppConfig.TABLE_NAME})
public final class BulkAssignmentWorkerHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final BulkAssignments service;
    private final JsonLogger logger;

    public BulkAssignmentWorkerHandler() {
        this(Wiring.admin().bulk(), JsonLogger.stdout());
    }

    public BulkAssignmentWorkerHandler(BulkAssignments service, JsonLogger logger) {
        this.service = Objects.requireNonNull(service, "service");
        this.logger = Objects.requireNonNull(logger, "logger");
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        List<SQSEvent.SQSMessage> records = event == null || event.getRecords() == null ? List.of() : event.getRecords();
        for (SQSEvent.SQSMessage m : records) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("messageId", m.getMessageId());
            BulkJobQueue.ChunkMessage chunk;
            try {
                chunk = parse(m.getBody());
            } catch (RuntimeException e) {
                line.put("problem", "malformed message");
                logger.error("bulk chunk message dropped", line, e);
                continue;
            }
            line.put("merchantId", chunk.merchant().value());
            line.put("jobId", chunk.jobId());
            line.put("chunk", chunk.chunk());
            long started = System.nanoTime();
            try {
                BulkAssignments.ChunkRun run = service.processChunk(chunk.merchant(), chunk.jobId(), chunk.chunk());
                line.put("run", run.name());
                line.put("durationMs", (System.nanoTime() - started) / 1_000_000L);
                logger.info("bulk chunk processed", line);
            } catch (RuntimeException e) {
                line.put("durationMs", (System.nanoTime() - started) / 1_000_000L);
                logger.error("bulk chunk failed; SQS will redeliver it", line, e);
                failures.add(SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(m.getMessageId()).build());
            }
        }
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }

    /** The message body for one chunk (what the queue adapter sends). */
    public static String message(BulkJobQueue.ChunkMessage chunk) {
        return Json.write(JsonObject.builder()
                .put("merchantId", chunk.merchant().value())
                .put("jobId", chunk.jobId())
                .put("chunk", chunk.chunk())
                .build());
    }

    static BulkJobQueue.ChunkMessage parse(String body) {
        if (!(Json.parse(body) instanceof JsonObject o)) {
            throw new IllegalArgumentException("not an object");
        }
        JsonValue merchant = o.get("merchantId").orElseThrow();
        JsonValue job = o.get("jobId").orElseThrow();
        JsonValue chunk = o.get("chunk").orElseThrow();
        if (!(merchant instanceof JsonString(String m)) || !(job instanceof JsonString(String j))
                || !(chunk instanceof JsonNumber n)) {
            throw new IllegalArgumentException("bad field types");
        }
        return new BulkJobQueue.ChunkMessage(MerchantId.of(m), j, n.value().intValueExact());
    }
}
