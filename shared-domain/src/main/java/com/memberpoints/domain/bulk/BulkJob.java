package com.memberpoints.domain.bulk;

import com.memberpoints.domain.ledger.NotifyChoice;
import com.memberpoints.domain.model.Actor;
import com.memberpoints.domain.model.MerchantId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A bulk assignment job: the same positive number of points to many members (SPEC §5), split into
 * chunks of at most {@link #CHUNK_SIZE} members processed independently by the worker. Everything a
 * member's credit depends on (points, reason, actor, expiry, time) is fixed when the job is created, so a
 * chunk processed twice produces byte-identical ledger commands and the ledger's operation id
 * (job id + member) makes the second run a no-op.
 *
 * @param jobId           also the ledger reference of every credit of the job
 * @param totalMembers    distinct member ids in the job
 * @param chunksDone      chunks whose outcomes are recorded (each counted once)
 * @param credited        members credited (now or by an earlier run)
 * @param unknownMembers  ids with no member profile in the store
 * @param failed          members whose credit was refused by the ledger
 * @param emailRecipients credited members who can receive the email (when chosen)
 * @param smsRecipients   credited members who can receive the SMS (when chosen and the store has SMS on)
 */
public record BulkJob(
        MerchantId merchant,
        String jobId,
        long points,
        String reason,
        NotifyChoice notification,
        Actor actor,
        Instant createdAt,
        Optional<Instant> expiresAt,
        int totalMembers,
        int chunkCount,
        int chunksDone,
        long credited,
        long unknownMembers,
        long failed,
        long emailRecipients,
        long smsRecipients) {

    /** Members per chunk: one worker invocation's unit of work (well under a minute of ledger writes). */
    public static final int CHUNK_SIZE = 1000;
    /** Most member ids one job may carry. */
    public static final int MAX_MEMBERS = 100_000;

    public BulkJob {
        Objects.requireNonNull(merchant, "merchant");
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(notification, "notification");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (points <= 0) {
            throw new IllegalArgumentException("points must be positive");
        }
        if (chunksDone < 0 || chunksDone > chunkCount) {
            throw new IllegalArgumentException("chunksDone " + chunksDone + " of " + chunkCount);
        }
    }

    public enum Status { RUNNING, COMPLETED }

    public Status status() {
        return chunksDone == chunkCount ? Status.COMPLETED : Status.RUNNING;
    }

    /** Members with an outcome so far. */
    public long processed() {
        return credited + unknownMembers + failed;
    }

    /** The same job before any chunk was processed. */
    public static BulkJob created(MerchantId merchant, String jobId, long points, String reason, NotifyChoice notification,
                                  Actor actor, Instant createdAt, Optional<Instant> expiresAt, int totalMembers) {
        int chunks = (totalMembers + CHUNK_SIZE - 1) / CHUNK_SIZE;
        return new BulkJob(merchant, jobId, points, reason, notification, actor, createdAt, expiresAt, totalMembers,
                chunks, 0, 0, 0, 0, 0, 0);
    }

    /** This job with one more chunk's counts added. */
    public BulkJob plus(ChunkTally t) {
        return new BulkJob(merchant, jobId, points, reason, notification, actor, createdAt, expiresAt, totalMembers,
                chunkCount, chunksDone + 1, credited + t.credited(), unknownMembers + t.unknownMembers(),
                failed + t.failed(), emailRecipients + t.emailRecipients(), smsRecipients + t.smsRecipients());
    }

    /** True when {@code other} is the same request (a retry with the same idempotency key). */
    public boolean sameRequestAs(BulkJob other) {
        return points == other.points && reason.equals(other.reason) && notification.equals(other.notification)
                && actor.equals(other.actor) && totalMembers == other.totalMembers;
    }
}
