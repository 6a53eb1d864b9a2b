package com.memberpoints.domain.port;

/** What happened to one message handed to a sender. Adapters classify provider errors into these. */
public sealed interface DeliveryResult {

    /** Accepted by the provider, with its message id. */
    record Sent(String providerMessageId) implements DeliveryResult {}

    /** Throttling, timeouts, 5xx: worth retrying later. */
    record TransientFailure(String reason) implements DeliveryResult {}

    /** Invalid address, rejected content, unverified identity: retrying will not help. */
    record PermanentFailure(String reason) implements DeliveryResult {}
}
