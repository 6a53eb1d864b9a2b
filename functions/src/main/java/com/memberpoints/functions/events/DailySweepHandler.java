package com.memberpoints.functions.events;

import com.memberpoints.functions.platform.ReadsEnvironment;
import com.memberpoints.functions.platform.AppConfig;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import org.crac.Core;
import org.crac.Resource;
import com.memberpoints.domain.sweep.LedgerSweeps;
import com.memberpoints.domain.order.OrderLifecycle;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.merchant.MerchantStore;
import com.memberpoints.domain.model.TimeSource;
import com.memberpoints.functions.platform.Wiring;
import com.memberpoints.functions.platform.json.JsonArray;
import com.memberpoints.functions.platform.json.JsonObject;
import com.memberpoints.functions.platform.log.JsonLogger;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * EventBridge schedule target, once a day. The input (the scheduled event) is read and ignored. For every
 * merchant ({@link MerchantStore#all()}): expires the lots due ({@link LedgerSweeps#expireDue}, through the
 * ledger's expiry index: only wallets with a due lot are read), releases redemption holds older than the hold
 * time limit ({@link LedgerSweeps#releaseStaleHolds}), and reconciles: delivered orders past their due date plus
 * the grace period with no assignment are assigned now ({@link OrderLifecycle#reconcileOverdue}). One
 * merchant's failure does not stop the others; the invocation fails at the end if any failed (alarm, retry).
 */
@ReadsEnvironment({AppConfig.TABLE_NAME, AppConfig.HOLD_TIME_LIMIT, AppConfig.RECONCILE_GRACE, AppConfig.SWEEP_MAX_ITEMS})
public final class DailySweepHandler implements RequestStreamHandler, Resource {
    private final MerchantStore merchants;
    private final LedgerSweeps sweeps;
    private final OrderLifecycle lifecycle;
    private final TimeSource clock;
    private final SweepSettings settings;
    private final JsonLogger log;

    public DailySweepHandler() {
        this(Wiring.merchantStore(), new LedgerSweeps(Wiring.ledgerStore()), Wiring.orderLifecycle(),
                TimeSource.system(), SweepSettings.from(Wiring.config()), JsonLogger.stdout());
        Core.getGlobalContext().register(this); // SnapStart: prime() before the snapshot
    }

    public DailySweepHandler(MerchantStore merchants, LedgerSweeps sweeps, OrderLifecycle lifecycle, TimeSource clock,
                             SweepSettings settings, JsonLogger log) {
        this.merchants = Objects.requireNonNull(merchants, "merchants");
        this.sweeps = Objects.requireNonNull(sweeps, "sweeps");
        this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.log = Objects.requireNonNull(log, "log");
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        EventInput.read(input);
        EventInput.write(output, sweep());
    }

    /** Runs the three jobs for every merchant; returns one report line per merchant. */
    public JsonObject sweep() {
        Instant now = clock.now();
        List<JsonObject> reports = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (MerchantId merchant : merchants.all()) {
            try {
                LedgerSweeps.SweepReport expired = sweeps.expireDue(merchant, now, settings.maxItems());
                LedgerSweeps.SweepReport released = sweeps.releaseStaleHolds(merchant, now, settings.holdTimeLimit(),
                        settings.maxItems());
                OrderLifecycle.ReconcileReport reconciled = lifecycle.reconcileOverdue(merchant,
                        settings.reconcileGrace(), settings.maxItems());
                Map<String, Object> fields = new LinkedHashMap<>();
                fields.put("merchantId", merchant.value());
                fields.put("lotsExpired", expired.applied());
                fields.put("expiryComplete", expired.complete());
                fields.put("holdsReleased", released.applied());
                fields.put("holdsComplete", released.complete());
                fields.put("ordersExamined", reconciled.examined());
                fields.put("ordersAssigned", reconciled.assigned());
                fields.put("reconcileComplete", reconciled.complete());
                log.info("daily sweep", fields);
                reports.add(JsonObject.builder().put("merchantId", merchant.value())
                        .put("lotsExpired", expired.applied()).put("holdsReleased", released.applied())
                        .put("ordersAssigned", reconciled.assigned())
                        .put("complete", expired.complete() && released.complete() && reconciled.complete()).build());
            } catch (RuntimeException e) {
                failed.add(merchant.value());
                log.error("daily sweep failed for a merchant; continuing with the others",
                        Map.of("merchantId", merchant.value()), e);
            }
        }
        if (!failed.isEmpty()) {
            throw new RetryLaterException("daily sweep failed for " + failed.size() + " merchant(s): " + failed, null);
        }
        return JsonObject.builder().put("result", "done").put("merchants", JsonArray.of(reports)).build();
    }

    /**
     * SnapStart priming: the input read and a report written, the DynamoDB request model loaded — no port is called, nothing is sent or
     * logged. The SDK clients themselves were built by the no-arg constructor (init phase).
     */
    public void prime() {
        OrdersWarmUp.sweep();
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        prime();
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // Nothing: the clients re-resolve credentials themselves.
    }
}
