package com.memberpoints.functions.events;

import com.memberpoints.domain.sweep.DailySweep;
import com.memberpoints.functions.platform.json.JsonArray;
import com.memberpoints.functions.platform.json.JsonObject;
import com.memberpoints.functions.platform.log.JsonLogger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hourly sweep's log lines and answer. A merchant appears (one log line, one answer entry) only when its run did
 * something, stopped at a limit, left its expiry or reminders to live walks ({@code expiryLeftToWalks},
 * {@code remindersLeftToWalks}: the number of walks, so "skipped because walking" reads apart from "nothing due") or
 * failed: the sweep runs every hour for every merchant, and an idle merchant's line would be most of the log. One summary line per run counts the merchants swept. A failed merchant fails the run at
 * the end.
 */
final class SweepReports {
    private SweepReports() {}

    static JsonObject answer(DailySweep.Outcome outcome, JsonLogger log) {
        List<JsonObject> reports = new ArrayList<>();
        for (DailySweep.MerchantResult result : outcome.results()) {
            switch (result) {
                case DailySweep.MerchantResult.Swept s when idle(s) -> { }
                case DailySweep.MerchantResult.Swept s -> {
                    log.info("sweep", fields(s));
                    JsonObject.Builder report = JsonObject.builder().put("merchantId", s.merchant().value())
                            .put("lotsExpired", s.expired().applied()).put("holdsReleased", s.released().applied())
                            .put("ordersAssigned", s.reconciled().assigned());
                    if (s.reminded().enabled()) {
                        report.put("remindersDecided", s.reminded().reminded()); // expiry reminders on (issue 12.2)
                    }
                    if (s.walksStarted() > 0) {
                        report.put("expiryWalksStarted", s.walksStarted()); // fanned out (issue 16 change 7)
                    }
                    if (s.reminderWalksStarted() > 0) {
                        report.put("reminderWalksStarted", s.reminderWalksStarted()); // issue 16 change 7b
                    }
                    if (s.expiryLeftToWalks() > 0) {
                        report.put("expiryLeftToWalks", s.expiryLeftToWalks()); // yielded to live walks (S4)
                    }
                    if (s.remindersLeftToWalks() > 0) {
                        report.put("remindersLeftToWalks", s.remindersLeftToWalks());
                    }
                    reports.add(report.put("complete", s.complete()).build());
                }
                case DailySweep.MerchantResult.Failed f -> log.error(
                        "sweep failed for a merchant; continuing with the others",
                        Map.of("merchantId", f.merchant().value()), f.cause());
            }
        }
        long lots = 0;
        for (DailySweep.MerchantResult result : outcome.results()) {
            lots += result instanceof DailySweep.MerchantResult.Swept s ? s.expired().applied() : 0;
        }
        log.count("LotsExpired", lots);
        long walks = 0;
        for (DailySweep.MerchantResult result : outcome.results()) {
            walks += result instanceof DailySweep.MerchantResult.Swept s ? s.walksStarted() : 0;
        }
        log.count("ExpiryWalksStarted", walks);
        long reminderWalks = 0;
        long reminded = 0;
        for (DailySweep.MerchantResult result : outcome.results()) {
            reminderWalks += result instanceof DailySweep.MerchantResult.Swept s ? s.reminderWalksStarted() : 0;
            reminded += result instanceof DailySweep.MerchantResult.Swept s ? s.reminded().reminded() : 0;
        }
        log.count("ReminderWalksStarted", reminderWalks);
        log.count("RemindersDecided", reminded);
        long expiryLeft = 0;
        long remindersLeft = 0;
        for (DailySweep.MerchantResult result : outcome.results()) {
            expiryLeft += result instanceof DailySweep.MerchantResult.Swept s ? s.expiryLeftToWalks() : 0;
            remindersLeft += result instanceof DailySweep.MerchantResult.Swept s ? s.remindersLeftToWalks() : 0;
        }
        log.count("ExpiryLeftToWalks", expiryLeft);
        log.count("RemindersLeftToWalks", remindersLeft);
        List<String> failed = outcome.failed().stream().map(m -> m.value()).toList();
        log.info("sweep run", Map.of("merchantsSwept", outcome.results().size(), "merchantsWithWork", reports.size(),
                "merchantsFailed", failed.size()));
        log.count("SweepRunsCompleted", failed.isEmpty() ? 1 : 0);
        if (!failed.isEmpty()) {
            throw new RetryLaterException("sweep failed for " + failed.size() + " merchant(s): " + failed, null);
        }
        return JsonObject.builder().put("result", "done").put("merchantsSwept", outcome.results().size())
                .put("merchants", JsonArray.of(reports)).build();
    }

    /** Nothing was due and nothing was left: three empty index reads. */
    private static boolean idle(DailySweep.MerchantResult.Swept s) {
        return s.complete() && s.expired().applied() == 0 && s.released().applied() == 0 && s.reconciled().assigned() == 0
                && s.reminded().reminded() == 0;
    }

    private static Map<String, Object> fields(DailySweep.MerchantResult.Swept s) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("merchantId", s.merchant().value());
        fields.put("lotsExpired", s.expired().applied());
        fields.put("expiryComplete", s.expired().complete());
        fields.put("holdsReleased", s.released().applied());
        fields.put("holdsComplete", s.released().complete());
        fields.put("ordersExamined", s.reconciled().examined());
        fields.put("ordersAssigned", s.reconciled().assigned());
        fields.put("reconcileComplete", s.reconciled().complete());
        fields.put("remindersDecided", s.reminded().reminded());
        fields.put("remindersComplete", s.reminded().complete());
        fields.put("expiryWalksStarted", s.walksStarted());
        fields.put("reminderWalksStarted", s.reminderWalksStarted());
        fields.put("expiryLeftToWalks", s.expiryLeftToWalks());
        fields.put("remindersLeftToWalks", s.remindersLeftToWalks());
        return fields;
    }
}
