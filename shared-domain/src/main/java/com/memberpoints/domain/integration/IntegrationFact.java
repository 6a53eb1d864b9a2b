package com.memberpoints.domain.integration;

import com.memberpoints.domain.bulk.BulkJob;
import com.memberpoints.domain.ledger.JournalEntry;
import java.time.Instant;
import java.util.Objects;

/** What the table stream tells the integration publisher: a journal entry, a completed bulk job, a reminder sent. */
public sealed interface IntegrationFact {

    record Journal(JournalEntry entry) implements IntegrationFact {
        public Journal {
            Objects.requireNonNull(entry, "entry");
        }
    }

    /** @param completedAt when the last chunk's outcome was recorded (the stream record's creation time) */
    record BulkCompleted(BulkJob job, Instant completedAt) implements IntegrationFact {
        public BulkCompleted {
            Objects.requireNonNull(job, "job");
            Objects.requireNonNull(completedAt, "completedAt");
            if (job.status() != BulkJob.Status.COMPLETED) {
                throw new IllegalArgumentException("bulk job " + job.jobId() + " is not completed");
            }
        }
    }

    record ReminderSent(ExpiryReminderSent reminder) implements IntegrationFact {
        public ReminderSent {
            Objects.requireNonNull(reminder, "reminder");
        }
    }
}
