package com.memberpoints.local;

import com.memberpoints.domain.ledger.WalletRef;
import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.notify.ExpiryReminder;
import com.memberpoints.domain.notify.ExpiryReminderStore;
import com.memberpoints.domain.notify.NotificationDispatcher;
import com.memberpoints.domain.notify.ReminderProgress;
import com.memberpoints.functions.platform.log.JsonLogger;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * LOCAL ONLY: the expiry-reminder markers the local sweep writes through. In AWS the table's stream hands each
 * inserted marker to the notification dispatcher function; locally this decorator hands a marker to
 * {@link NotificationDispatcher#remind} right after {@link ExpiryReminderStore#record} created it (a marker that
 * existed is not a new item, so it is not dispatched — as the stream sees no INSERT). A failing dispatch is logged
 * and never fails the sweep, as in AWS where the marker has committed before the stream is read.
 */
final class NotifyingExpiryReminderStore implements ExpiryReminderStore {
    private final ExpiryReminderStore store;
    private final NotificationDispatcher dispatcher;
    private final JsonLogger log;

    NotifyingExpiryReminderStore(ExpiryReminderStore store, NotificationDispatcher dispatcher, JsonLogger log) {
        this.store = Objects.requireNonNull(store, "store");
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        this.log = Objects.requireNonNull(log, "log");
    }

    @Override
    public Recorded record(ExpiryReminder reminder) {
        Recorded recorded = store.record(reminder);
        if (recorded.created()) {
            try {
                NotificationDispatcher.Report report = dispatcher.remind(recorded.reminder());
                log.info("local: expiry reminder dispatched (in place of the table stream)", Map.of(
                        "operationId", reminder.operationId().value(),
                        "member", reminder.wallet().member().value(),
                        "sent", report.count(NotificationDispatcher.Outcome.SENT)));
            } catch (RuntimeException e) {
                log.error("local: expiry reminder dispatch failed (the marker stands)",
                        Map.of("operationId", reminder.operationId().value()), e);
            }
        }
        return recorded;
    }

    @Override
    public Optional<ExpiryReminder> find(WalletRef wallet, Instant expiresAt) {
        return store.find(wallet, expiresAt);
    }

    @Override
    public Optional<ReminderProgress> progress(MerchantId merchant) {
        return store.progress(merchant);
    }

    @Override
    public void saveProgress(MerchantId merchant, ReminderProgress progress) {
        store.saveProgress(merchant, progress);
    }
}
