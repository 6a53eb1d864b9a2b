package com.memberpoints.functions.events;

/**
 * Thrown out of a handler on purpose so that the invocation fails and its source delivers the event again
 * (EventBridge's retry policy, then its dead-letter queue): the event is valid but cannot be applied yet, or a
 * store failed. The message names the order, never internals.
 */
public final class RetryLaterException extends RuntimeException {
    public RetryLaterException(String message, Throwable cause) {
        super(message, cause);
    }
}
