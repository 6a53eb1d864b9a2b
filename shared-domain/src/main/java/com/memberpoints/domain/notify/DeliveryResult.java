package com.memberpoints.domain.notify;

/**
 * What happened to one message handed to a sender. Adapters classify provider errors into these; the line that
 * matters is whether the provider may have accepted the message, because only a message it certainly did not
 * accept can be sent again without risking a duplicate.
 */
public sealed interface DeliveryResult {

    /** Accepted by the provider, with its message id. */
    record Sent(String providerMessageId) implements DeliveryResult {}

    /**
     * Certainly NOT accepted, and worth retrying later: the provider answered that it throttled or failed the
     * request (429/throttling codes, 5xx), or nothing reached it (connection refused, unknown host, connect
     * timeout).
     */
    record TransientFailure(String reason) implements DeliveryResult {}

    /**
     * Certainly NOT accepted because of a send rate: the provider throttled it (429, throttling codes) or the
     * account-wide {@link SendBudget} of this second was spent. Sent later without spending an attempt.
     */
    record Throttled(String reason) implements DeliveryResult {}

    /** Invalid address, rejected content, unverified identity: retrying will not help. */
    record PermanentFailure(String reason) implements DeliveryResult {}

    /**
     * The request may have reached the provider and its answer was lost (a timeout after the request was written,
     * a connection reset or read error): the message may or may not have been sent. Never retried, so it is never
     * sent twice; recorded as not confirmed and visible to staff.
     */
    record Unknown(String reason) implements DeliveryResult {}
}
