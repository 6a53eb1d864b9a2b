package com.memberpoints.functions.events;

import com.memberpoints.domain.bulk.BulkAssignments;
import com.memberpoints.domain.ledger.JournalEntry;
import com.memberpoints.domain.ledger.Wallet;
import com.memberpoints.domain.notify.NotificationDispatcher;
import com.memberpoints.functions.platform.log.JsonLogger;
import java.util.List;
import java.util.Map;

/**
 * The business metrics of the event-driven functions (docs/observability.md, "Business metrics"), read from the
 * domain's results: the domain knows no metrics (docs/decisions.md, "Business metrics").
 */
final class EventMetrics {
    private EventMetrics() {}

    /**
     * The ledger metrics of one journal entry, counted by the liability stream consumer exactly once per entry
     * (whichever function wrote it: order events, scheduled assignment, sweep, bulk, staff, checkout).
     */
    static void journalEntry(JsonLogger log, JournalEntry e) {
        long amount = Math.abs(e.delta());
        boolean points = e.wallet().wallet() == Wallet.POINTS;
        switch (e.kind()) {
            case EARN, BULK_CREDIT -> log.count("PointsEarned", amount);
            case REWARD_CREDIT -> log.count("CreditsIssued", amount);
            case REDEEM -> {
                if (points) {
                    log.count("PointsRedeemed", amount);
                }
            }
            case EXPIRE -> {
                if (points) {
                    log.count("PointsExpired", amount);
                }
            }
            // a balance import is an adjustment by staff (docs/decisions.md 12.4)
            case ADJUST_ADD, ADJUST_DEDUCT, IMPORT_CREDIT -> log.count(points ? "PointsAdjusted" : "CreditsAdjusted", amount);
            case REDEEM_REVERT, EARN_ADJUST_ADD, EARN_ADJUST_DEDUCT -> { } // corrections: no metric of their own
        }
    }

    /** Sent, failed for good, unconfirmed, and the SMS parts sent, of one dispatch or retry run. */
    static void notifications(JsonLogger log, NotificationDispatcher.Report report) {
        log.count("NotificationsSent", report.count(NotificationDispatcher.Outcome.SENT));
        log.count("NotificationsFailed", report.count(NotificationDispatcher.Outcome.FAILED_PERMANENT));
        log.count("NotificationsUnconfirmed", report.count(NotificationDispatcher.Outcome.UNCONFIRMED));
        log.count("NotificationsDeferred", report.count(NotificationDispatcher.Outcome.THROTTLED));
        log.count("SmsParts", report.smsParts());
    }

    /** The retry sweep's summary (logged and answered), its reports counted as metrics. */
    static Map<String, Object> retries(JsonLogger log, List<NotificationDispatcher.Report> reports) {
        for (NotificationDispatcher.Report r : reports) {
            notifications(log, r);
        }
        Map<String, Object> summary = Map.of("sent", total(reports, NotificationDispatcher.Outcome.SENT),
                "retrying", total(reports, NotificationDispatcher.Outcome.RETRYING),
                "failed", total(reports, NotificationDispatcher.Outcome.FAILED_PERMANENT),
                "unconfirmed", total(reports, NotificationDispatcher.Outcome.UNCONFIRMED),
                "deferred", total(reports, NotificationDispatcher.Outcome.THROTTLED));
        log.info("notification retries", summary);
        return summary;
    }

    private static long total(List<NotificationDispatcher.Report> reports, NotificationDispatcher.Outcome outcome) {
        long n = 0;
        for (NotificationDispatcher.Report r : reports) {
            n += r.count(outcome);
        }
        return n;
    }

    /**
     * Integration events published and not published (after the retries) of one stream batch, the PutEvents requests
     * made, and the outcome logged (the first failures' reasons included).
     */
    static void integrationEvents(JsonLogger log, int records, com.memberpoints.domain.integration.IntegrationEvents.Report r) {
        log.count("IntegrationEventsPublished", r.published());
        log.count("IntegrationEventsFailed", r.events() - r.published());
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        fields.put("records", records);
        fields.put("facts", r.facts());
        fields.put("events", r.events());
        fields.put("published", r.published());
        fields.put("putCalls", r.putCalls());
        fields.put("failed", r.failures().size());
        if (!r.failures().isEmpty()) {
            fields.put("firstFailure", r.failures().getFirst().reason());
            log.warn("integration events not published; the stream will retry from the first", fields);
        } else {
            log.info("integration events published", fields);
        }
    }

    /** Members credited and not credited by the run that completed a bulk chunk. */
    static void bulkChunk(JsonLogger log, BulkAssignments.ChunkReport report) {
        log.count("BulkMembersCredited", report.tally().credited());
        log.count("BulkMembersFailed", report.notCredited());
    }
}
