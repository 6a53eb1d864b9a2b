package com.memberpoints.functions.events;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.memberpoints.domain.ledger.JournalEntry;
import com.memberpoints.infra.dynamodb.DynamoDbExpiryReminderStore;
import com.memberpoints.infra.dynamodb.DynamoDbLedgerStore;
import com.memberpoints.domain.notify.ExpiryReminder;
import java.util.Optional;

/**
 * The one reading of a ledger-stream record: an INSERT whose new image is a journal item is that
 * {@link JournalEntry} (the image converted by {@link StreamImages}, then read by the ledger adapter exactly as a
 * query result); anything else — MODIFY, REMOVE, another item type, no image — is empty. Used by every consumer of
 * the ledger stream.
 */
public final class LedgerStreamCodec {
    private LedgerStreamCodec() {}

    public static Optional<JournalEntry> journalEntry(DynamodbEvent.DynamodbStreamRecord record) {
        if (!"INSERT".equals(record.getEventName()) || record.getDynamodb() == null
                || record.getDynamodb().getNewImage() == null) {
            return Optional.empty();
        }
        return DynamoDbLedgerStore.journalEntryOf(StreamImages.toSdk(record.getDynamodb().getNewImage()));
    }

    /**
     * An INSERT whose new image is an expiry-reminder marker (issue 12 item 2) is that {@link ExpiryReminder}, read by
     * the marker store's adapter; anything else is empty.
     */
    public static Optional<ExpiryReminder> expiryReminder(DynamodbEvent.DynamodbStreamRecord record) {
        if (!"INSERT".equals(record.getEventName()) || record.getDynamodb() == null
                || record.getDynamodb().getNewImage() == null) {
            return Optional.empty();
        }
        return DynamoDbExpiryReminderStore.reminderOf(StreamImages.toSdk(record.getDynamodb().getNewImage()));
    }
}
