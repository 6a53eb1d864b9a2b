package com.memberpoints.functions.events;

import com.memberpoints.functions.platform.ReadsEnvironment;
import com.memberpoints.functions.platform.AppConfig;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.memberpoints.domain.ledger.JournalEntry;
import com.memberpoints.domain.notify.ExpiryReminder;
import com.memberpoints.domain.notify.NotificationDispatcher;
import com.memberpoints.functions.platform.PrimedHandler;
import com.memberpoints.functions.platform.Wiring;
import com.memberpoints.functions.platform.log.JsonLogger;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Consumes the ledger table's DynamoDB stream (NEW_IMAGE; the event source mapping filters INSERTs of journal
 * items and of expiry-reminder markers, and this handler skips anything else) and hands the journal entries
 * ({@link NotificationDispatcher#dispatch}) and the markers ({@link NotificationDispatcher#remind}) to the
 * {@link NotificationDispatcher}, one record at a time. It runs after the ledger write has committed and never
 * writes to the ledger, so a failed or slow send cannot undo or repeat a ledger change.
 *
 * <p>A record whose dispatch throws (the delivery store or a profile read failed) is reported in
 * {@code batchItemFailures}: Lambda retries from that record (bounded by the mapping's MaximumRetryAttempts,
 * then the record goes to the on-failure destination). Retrying is safe — every message already claimed is
 * found claimed and not sent again. Provider failures do not fail the record: transient ones are left
 * RETRYING for the retry sweep ({@link NotificationRetryHandler}), permanent ones are recorded.
 */
@ReadsEnvironment({AppConfig.TABLE_NAME, AppConfig.SES_FROM_ADDRESS, AppConfig.SES_CONFIGURATION_SET,
        AppConfig.SES_MAX_SEND_RATE, AppConfig.SMS_SENDER_ID, AppConfig.SMS_MAX_SEND_RATE})
public final class NotificationDispatcherHandler extends PrimedHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    private final NotificationDispatcher dispatcher;
    private final JsonLogger log;

    /** Lambda entry point. */
    public NotificationDispatcherHandler() {
        this(Wiring.notificationDispatcher(), JsonLogger.stdout());
        primeBeforeSnapshot();
    }

    public NotificationDispatcherHandler(NotificationDispatcher dispatcher, JsonLogger log) {
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        this.log = Objects.requireNonNull(log, "log");
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        return log.call(context, () -> Batches.journalEntriesAndReminders(event, log, "notification dispatch",
                this::dispatch, this::remind));
    }

    private void dispatch(JournalEntry entry) {
        DispatchLog.write(log, "notifications dispatched", entry.operationId().value(),
                entry.wallet().member().value(), dispatcher.dispatch(List.of(entry)));
    }

    /** An expiry-reminder marker (issue 12 item 2): its messages, each channel claimed once. */
    private void remind(ExpiryReminder reminder) {
        DispatchLog.write(log, "expiry reminder dispatched", reminder.operationId().value(),
                reminder.wallet().member().value(), dispatcher.remind(reminder));
    }

    /** SnapStart: a made-up stream batch read, the request model loaded; no port, nothing logged. */
    @Override
    public void prime() {
        EventsWarmUp.streamRecord();
    }
}
