package com.memberpoints.functions.events;

import com.memberpoints.functions.platform.ReadsEnvironment;
import com.memberpoints.functions.platform.AppConfig;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.notify.NotificationDispatcher;
import com.memberpoints.domain.merchant.MerchantStore;
import com.memberpoints.domain.model.TimeSource;
import com.memberpoints.functions.platform.PrimedHandler;
import com.memberpoints.functions.platform.Wiring;
import com.memberpoints.functions.platform.log.JsonLogger;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Scheduled (EventBridge Scheduler, every minute): sends again the deliveries left RETRYING after a transient
 * failure or a deferral for the send rate, once their delay has passed, for every merchant, in this month and the
 * last (of the ledger entries, store time zone). Bounded per merchant per run, and a merchant's run stops at the
 * first send deferred for the account's send rate; what is left is taken by the next run — a backlog drains at the
 * account's rate (issue 16, docs/scale.md change 5).
 */
@ReadsEnvironment({AppConfig.TABLE_NAME, AppConfig.SES_FROM_ADDRESS, AppConfig.SES_CONFIGURATION_SET,
        AppConfig.SES_MAX_SEND_RATE, AppConfig.SMS_SENDER_ID, AppConfig.SMS_MAX_SEND_RATE})
public final class NotificationRetryHandler extends PrimedHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    static final int LIMIT_PER_MONTH = 500;

    private final MerchantStore merchants;
    private final NotificationDispatcher dispatcher;
    private final TimeSource clock;
    private final JsonLogger log;

    /** Lambda entry point. */
    public NotificationRetryHandler() {
        this(Wiring.merchantStore(), Wiring.notificationDispatcher(), TimeSource.system(), JsonLogger.stdout());
        primeBeforeSnapshot();
    }

    public NotificationRetryHandler(MerchantStore merchants, NotificationDispatcher dispatcher, TimeSource clock,
                                    JsonLogger log) {
        this.merchants = Objects.requireNonNull(merchants, "merchants");
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.log = Objects.requireNonNull(log, "log");
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        return log.call(context, this::retryDue);
    }

    private Map<String, Object> retryDue() {
        List<NotificationDispatcher.Report> reports = new ArrayList<>();
        for (MerchantId id : merchants.all()) {
            merchants.find(id).ifPresent(store -> {
                YearMonth now = YearMonth.from(clock.now().atZone(store.zone()));
                reports.add(dispatcher.retryDue(id, List.of(now.minusMonths(1), now), LIMIT_PER_MONTH));
            });
        }
        return EventMetrics.retries(log, reports);
    }

    /** SnapStart: the request model and the metric writer loaded; no port, nothing logged. */
    @Override
    public void prime() {
        EventsWarmUp.retry();
    }
}
