package com.memberpoints.functions.events;

import com.memberpoints.domain.notify.NotificationDispatcher;
import com.memberpoints.functions.platform.log.JsonLogger;
import java.util.Map;

/** The dispatcher's metrics and one log line per dispatched outbox entry (a journal entry or a reminder marker). */
final class DispatchLog {
    private DispatchLog() {}

    static void write(JsonLogger log, String message, String operationId, String member,
                      NotificationDispatcher.Report report) {
        EventMetrics.notifications(log, report);
        log.info(message, Map.of(
                "operationId", operationId,
                "member", member,
                "sent", report.count(NotificationDispatcher.Outcome.SENT),
                "alreadyClaimed", report.count(NotificationDispatcher.Outcome.ALREADY_CLAIMED),
                "retrying", report.count(NotificationDispatcher.Outcome.RETRYING),
                "failed", report.count(NotificationDispatcher.Outcome.FAILED_PERMANENT),
                "unconfirmed", report.count(NotificationDispatcher.Outcome.UNCONFIRMED),
                "deferred", report.count(NotificationDispatcher.Outcome.THROTTLED),
                "skipped", String.join("; ", report.skipped())));
    }
}
