package com.memberpoints.domain.order;

import com.memberpoints.domain.model.MerchantId;
import com.memberpoints.domain.model.OrderId;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Schedules the one-time assignment of an order's points on its due date
 * (EventBridge Scheduler in production, an in-process scheduler locally).
 *
 * <p>Both operations are idempotent: scheduling an order that already has a schedule is a no-op
 * that reports {@link ScheduleOutcome#ALREADY_SCHEDULED}; cancelling an order without a schedule
 * reports {@link CancelOutcome#NOT_FOUND}. Failures of the underlying service are thrown as
 * {@link SchedulerException}.
 */
public interface AssignmentScheduler {

    ScheduleOutcome schedule(MerchantId merchant, OrderId order, Instant dueAt, ZoneId merchantZone);

    CancelOutcome cancel(MerchantId merchant, OrderId order);

    enum ScheduleOutcome { CREATED, ALREADY_SCHEDULED }

    enum CancelOutcome { DELETED, NOT_FOUND }

    final class SchedulerException extends RuntimeException {
        public SchedulerException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
