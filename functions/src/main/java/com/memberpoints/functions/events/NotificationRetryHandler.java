package com.memberpoints.functions.events;

import com.memberpoints.functions.platform.ReadsEnvironment;
import com.memberpoints.functions.platform.AppConfig;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.notify.NotificationDispatcher;
import com.memberpoints.domain.merchant.MerchantStore;
import com.memberpoints.domain.model.TimeSource;
import com.memberpoints.functions.platform.Wiring;
import com.memberpoints.functions.platform.log.JsonLogger;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Scheduled (EventBridge rule, e.g. every 5 minutes): sends again the deliveries left RETRYING after a transient
 * failure, once their backoff has passed, for every merchant, in this month and the last (of the ledger entries,
 * store time zone). Bounded per merchant per run; what is left is taken by the next run.
 */
@ReadsEnvironment({AppConfig.TABLE_NAME, AppConfig.SES_FROM_ADDRESS, AppConfig.SES_CONFIGURATION_SET,
        AppConfig.SES_MAX_SEND_RATE, AppConfig.SMS_SENDER_ID, AppConfig.SMS_MAX_SEND_RATE})
public final class NotificationRetryHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    static final int LIMIT_PER_MONTH = 500;

    private final MerchantStore merchants;
    private final NotificationDispatcher dispatcher;
    private final TimeSource clock;
    private final JsonLogger log;

    /** Lambda entry point. */
    public NotificationRetryHandler() {
        this(Wiring.merchantStore(), Wiring.notificationDispatcher(), TimeSource.system(), JsonLogger.stdout());
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
        long sent = 0;
        long retrying = 0;
        long failed = 0;
        long unconfirmed = 0;
        for (MerchantId id : merchants.all()) {
            Optional<Merchant> store = merchants.find(id);
            if (store.isEmpty()) {
                continue;
            }
            YearMonth now = YearMonth.from(clock.now().atZone(store.get().zone()));
            NotificationDispatcher.Report r = dispatcher.retryDue(id, List.of(now.minusMonths(1), now), LIMIT_PER_MONTH);
            sent += r.count(NotificationDispatcher.Outcome.SENT);
            retrying += r.count(NotificationDispatcher.Outcome.RETRYING);
            failed += r.count(NotificationDispatcher.Outcome.FAILED_PERMANENT);
            unconfirmed += r.count(NotificationDispatcher.Outcome.UNCONFIRMED);
        }
        Map<String, Object> summary = Map.of("sent", sent, "retrying", retrying, "failed", failed,
                "unconfirmed", unconfirmed);
        log.info("notification retries", summary);
        return summary;
    }
}
