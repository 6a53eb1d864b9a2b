package com.memberpoints.domain.notify;

/**
 * Where one message stands. A delivery is claimed before the provider is called; a claim that never moves on
 * (the process died between claim and answer) stays {@link #CLAIMED}: "unknown", never sent again.
 */
public enum DeliveryStatus {
    /** Claimed, the send is in progress or its outcome was lost: never re-sent automatically. */
    CLAIMED,
    /** Accepted by the provider. */
    SENT,
    /** A transient failure: the retry sweep sends it again after {@code nextAttemptAt}. */
    RETRYING,
    /** Refused for good (bad address, opted out...) or out of attempts. */
    FAILED_PERMANENT
}
