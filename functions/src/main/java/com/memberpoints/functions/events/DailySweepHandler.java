package com.memberpoints.functions.events;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.memberpoints.domain.merchant.MerchantStore;
import com.memberpoints.domain.model.TimeSource;
import com.memberpoints.domain.order.OrderLifecycle;
import com.memberpoints.domain.sweep.DailySweep;
import com.memberpoints.domain.sweep.LedgerSweeps;
import com.memberpoints.functions.platform.AppConfig;
import com.memberpoints.functions.platform.Priming;
import com.memberpoints.functions.platform.ReadsEnvironment;
import com.memberpoints.functions.platform.Wiring;
import com.memberpoints.functions.platform.json.JsonObject;
import com.memberpoints.functions.platform.log.JsonLogger;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;
import org.crac.Resource;

/**
 * EventBridge Scheduler target, every hour on the hour in UTC (the class keeps its historical name). The input (the
 * scheduled event) is read and ignored; the {@link DailySweep} use case runs for every merchant at the clock's
 * instant — each merchant's lots are due at its own local end of day, so the first run after it expires them — and
 * the invocation fails at the end if any merchant failed (alarm, retry) — see {@link SweepReports}. For merchants with
 * expiry reminders on, the run also writes the reminder markers of the lots that entered the reminder window
 * ({@code ExpiryReminderPass}); the notification dispatcher sends them from the table's stream. A merchant whose expiry
 * stops at {@code SWEEP_MAX_ITEMS} is fanned out: one walk per part of its expiry index on the expiry walks queue, run
 * by {@link ExpirySweepWorkerHandler} (issue 16 change 7).
 */
@ReadsEnvironment({AppConfig.TABLE_NAME, AppConfig.HOLD_TIME_LIMIT, AppConfig.RECONCILE_GRACE, AppConfig.SWEEP_MAX_ITEMS,
        AppConfig.EXPIRY_WALKS_QUEUE_URL})
public final class DailySweepHandler implements RequestStreamHandler, Resource {
    private final DailySweep dailySweep;
    private final JsonLogger log;

    public DailySweepHandler() {
        this(new DailySweep(Wiring.merchantStore(), new LedgerSweeps(Wiring.ledgerStore()), Wiring.orderLifecycle(),
                TimeSource.system(), SweepSettings.from(Wiring.config()).limits(), Wiring.expiryReminderPass())
                .withFanOut(Wiring.expiryFanOut()), JsonLogger.stdout());
        Priming.beforeSnapshot(this); // SnapStart: prime() before the snapshot
    }

    public DailySweepHandler(MerchantStore merchants, LedgerSweeps sweeps, OrderLifecycle lifecycle, TimeSource clock,
                             SweepSettings settings, JsonLogger log) {
        this(new DailySweep(merchants, sweeps, lifecycle, clock, settings.limits()), log);
    }

    public DailySweepHandler(DailySweep dailySweep, JsonLogger log) {
        this.dailySweep = Objects.requireNonNull(dailySweep, "dailySweep");
        this.log = Objects.requireNonNull(log, "log");
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        log.run(context, () -> {
            EventInput.read(input);
            EventInput.write(output, sweep());
        });
    }

    /** Runs the sweep; returns one report line per merchant. @throws RetryLaterException when a merchant failed */
    public JsonObject sweep() {
        return SweepReports.answer(dailySweep.run(), log);
    }

    /**
     * SnapStart priming: the input read and a report written, the DynamoDB request model loaded — no port is called,
     * nothing is sent or logged. The SDK clients themselves were built by the no-arg constructor (init phase).
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
