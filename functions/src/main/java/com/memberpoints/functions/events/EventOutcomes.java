package com.memberpoints.functions.events;

import com.memberpoints.domain.member.MemberStore;
import com.memberpoints.domain.model.InvalidInputException;
import com.memberpoints.domain.order.FinalStatusRule;
import com.memberpoints.domain.order.LifecycleOutcome;
import com.memberpoints.domain.order.OrderNotKnownException;
import com.memberpoints.functions.platform.log.JsonLogger;
import com.memberpoints.functions.platform.json.JsonObject;
import com.memberpoints.infra.scheduler.AssignmentPayloadCodec;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the order-event and scheduled-assignment functions log and answer for each outcome (their one mapper). */
final class EventOutcomes {
    private EventOutcomes() {}

    static JsonObject rejected(JsonLogger log, String detailType, InvalidInputException e) {
        log.warn("order event rejected", Map.of("detailType", detailType, "errors", EventInput.errors(e)));
        return JsonObject.builder().put("result", "rejected").put("detailType", detailType)
                .put("errors", EventInput.errors(e)).build();
    }

    static JsonObject memberUpserted(JsonLogger log, OrderEventParser.MemberUpserted m, MemberStore.UpsertResult r) {
        log.info("member upserted", Map.of("merchantId", m.profile().merchant().value(),
                "memberId", m.profile().member().value(), "result", r.name()));
        return JsonObject.builder().put("result", "applied").put("detailType", m.detailType())
                .put("transition", r.name()).build();
    }

    static JsonObject orderApplied(JsonLogger log, OrderEventParser.OrderEventParsed o, LifecycleOutcome out) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("detailType", o.detailType());
        fields.put("merchantId", o.event().merchant().value());
        fields.put("orderId", o.event().order().value());
        fields.put("transition", out.transition());
        fields.put("ledgerApplied", out.appliedCount());
        fields.put("ledgerResults", out.ledger().stream().map(r -> r.getClass().getSimpleName()).toList().toString());
        out.finalStatusRule().ifPresent(rule -> finalStatusRule(log, fields, rule));
        log.info("order event applied", fields);
        return JsonObject.builder().put("result", "applied").put("detailType", o.detailType())
                .put("orderId", o.event().order().value()).put("transition", out.transition())
                .put("ledgerApplied", out.appliedCount()).build();
    }

    /**
     * SPEC §4a: how the final delivery status was decided goes into the log line; an option the merchant has not
     * mapped is also logged at WARN and counted ({@code DeliveryOptionUnmapped}) so the merchant can map it, and
     * an order whose events name no option is counted ({@code DeliveryOptionMissing}).
     */
    private static void finalStatusRule(JsonLogger log, Map<String, Object> fields, FinalStatusRule rule) {
        fields.put("finalStatusRule", rule.source());
        switch (rule) {
            case FinalStatusRule.Mapped m -> {
                fields.put("deliveryOption", m.option().value());
                fields.put("finalStatus", m.finalStatus().name());
            }
            case FinalStatusRule.Unmapped u -> {
                fields.put("deliveryOption", u.option().value());
                log.warn("delivery option not mapped: Arrived or Collected starts the countdown, Returned before "
                        + "the assignment removes it; map it in the settings (deliveryOptions)",
                        Map.of("merchantId", fields.get("merchantId"), "deliveryOption", u.option().value()));
                log.count("DeliveryOptionUnmapped", 1);
            }
            case FinalStatusRule.NoOption n -> log.count("DeliveryOptionMissing", 1);
        }
    }

    static JsonObject assignmentRejected(JsonLogger log, InvalidInputException e) {
        log.warn("scheduled assignment rejected", Map.of("errors", EventInput.errors(e)));
        return JsonObject.builder().put("result", "rejected").put("errors", EventInput.errors(e)).build();
    }

    static JsonObject assigned(JsonLogger log, AssignmentPayloadCodec.Payload t, LifecycleOutcome out) {
        log.info("scheduled assignment", Map.of("merchantId", t.merchant().value(), "orderId", t.order().value(),
                "transition", out.transition(), "ledgerApplied", out.appliedCount()));
        return JsonObject.builder().put("result", "applied").put("orderId", t.order().value())
                .put("transition", out.transition()).put("ledgerApplied", out.appliedCount()).build();
    }

    static JsonObject assignmentIgnored(JsonLogger log, AssignmentPayloadCodec.Payload t) {
        log.error("scheduled assignment for an unknown order", Map.of("merchantId", t.merchant().value(),
                "orderId", t.order().value()), null);
        return JsonObject.builder().put("result", "ignored").put("orderId", t.order().value()).build();
    }

    static Map<String, Object> ids(AssignmentPayloadCodec.Payload t) {
        return Map.of("merchantId", t.merchant().value(), "orderId", t.order().value());
    }

    /** A failure EventBridge should retry: an event ahead of its order, or a store failure. */
    static RetryLaterException retryLater(JsonLogger log, String detailType, RuntimeException e) {
        if (e instanceof OrderNotKnownException) {
            log.warn("order event ahead of its order; failing the invocation so that EventBridge retries",
                    Map.of("detailType", detailType, "reason", e.getMessage()));
            return new RetryLaterException(e.getMessage(), e);
        }
        log.error("order event failed; failing the invocation so that EventBridge retries",
                Map.of("detailType", detailType), e);
        return new RetryLaterException(detailType + " could not be applied now", e);
    }

    /** The log line of one queue message, to which the chunk's fields are added. */
    static Map<String, Object> messageLine(String messageId) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("messageId", messageId);
        return line;
    }

    /** A chunk run: logged with its duration, its members counted (BulkMembersCredited, BulkMembersFailed). */
    static void chunkProcessed(JsonLogger log, Map<String, Object> line,
                               com.memberpoints.domain.bulk.BulkAssignments.ChunkReport report, long started) {
        line.put("run", report.run().name());
        line.put("credited", report.tally().credited());
        line.put("notCredited", report.notCredited());
        line.put("durationMs", (System.nanoTime() - started) / 1_000_000L);
        log.info("bulk chunk processed", line);
        EventMetrics.bulkChunk(log, report);
    }

    /** A balance import chunk the bulk worker checked or ran (issue 12 item 4), logged like a bulk chunk. */
    static void importChunkProcessed(JsonLogger log, Map<String, Object> line,
                                     com.memberpoints.domain.migration.BalanceImports.ChunkReport report, long started) {
        line.put("run", report.run().name());
        line.put("imported", report.imported());
        line.put("notImported", report.notImported());
        line.put("durationMs", (System.nanoTime() - started) / 1_000_000L);
        log.info("import chunk processed", line);
    }

    /** A chunk that failed: logged, counted (BulkChunksFailed); returned to be rethrown so SQS redelivers it. */
    static RuntimeException chunkFailed(JsonLogger log, Map<String, Object> line, RuntimeException e, long started) {
        line.put("durationMs", (System.nanoTime() - started) / 1_000_000L);
        log.error("bulk chunk failed; SQS will redeliver it", line, e);
        log.count("BulkChunksFailed", 1);
        return e;
    }

    /** The log fields naming a bulk chunk, in the order the worker always wrote them. */
    static void describe(Map<String, Object> line, com.memberpoints.domain.bulk.BulkJobQueue.ChunkMessage chunk) {
        line.put("merchantId", chunk.merchant().value());
        line.put("jobId", chunk.jobId());
        line.put("chunk", chunk.chunk());
    }
}
