package com.memberpoints.domain.notify;

import java.time.Instant;

/**
 * The account-wide send rate of a channel (SES emails per second, SNS SMS per second), shared by every concurrent
 * invocation — unlike {@link RateLimiter}, which paces one container. A send takes one unit from the budget of the
 * second it happens in; when that second's budget is spent the message is not sent now but deferred
 * ({@link NotificationDispatcher}), without spending one of its attempts (issue 16, docs/scale.md change 5).
 */
public interface SendBudget {

    /** True when one send of {@code channel} was taken from the budget of the second {@code now} falls in. */
    boolean tryTake(Channel channel, Instant now);

    /** No account-wide limit (tests, the local stack). */
    SendBudget UNLIMITED = (channel, now) -> true;
}
