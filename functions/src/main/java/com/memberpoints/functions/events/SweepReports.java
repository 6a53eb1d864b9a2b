package com.memberpoints.functions.events;

import com.memberpoints.domain.sweep.DailySweep;
import com.memberpoints.functions.platform.json.JsonArray;
import com.memberpoints.functions.platform.json.JsonObject;
import com.memberpoints.functions.platform.log.JsonLogger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The daily sweep's log lines and answer: one line per merchant; a failed merchant fails the run at the end. */
final class SweepReports {
    private SweepReports() {}

    static JsonObject answer(DailySweep.Outcome outcome, JsonLogger log) {
        List<JsonObject> reports = new ArrayList<>();
        for (DailySweep.MerchantResult result : outcome.results()) {
            switch (result) {
                case DailySweep.MerchantResult.Swept s -> {
                    log.info("daily sweep", fields(s));
                    reports.add(JsonObject.builder().put("merchantId", s.merchant().value())
                            .put("lotsExpired", s.expired().applied()).put("holdsReleased", s.released().applied())
                            .put("ordersAssigned", s.reconciled().assigned()).put("complete", s.complete()).build());
                }
                case DailySweep.MerchantResult.Failed f -> log.error(
                        "daily sweep failed for a merchant; continuing with the others",
                        Map.of("merchantId", f.merchant().value()), f.cause());
            }
        }
        long lots = 0;
        for (DailySweep.MerchantResult result : outcome.results()) {
            lots += result instanceof DailySweep.MerchantResult.Swept s ? s.expired().applied() : 0;
        }
        log.count("LotsExpired", lots);
        List<String> failed = outcome.failed().stream().map(m -> m.value()).toList();
        log.count("SweepRunsCompleted", failed.isEmpty() ? 1 : 0);
        if (!failed.isEmpty()) {
            throw new RetryLaterException("daily sweep failed for " + failed.size() + " merchant(s): " + failed, null);
        }
        return JsonObject.builder().put("result", "done").put("merchants", JsonArray.of(reports)).build();
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
        return fields;
    }
}
