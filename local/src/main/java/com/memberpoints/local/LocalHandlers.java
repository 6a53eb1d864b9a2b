package com.memberpoints.local;

import com.memberpoints.domain.app.StorefrontService;
import com.memberpoints.domain.ledger.LedgerSweeps;
import com.memberpoints.domain.lifecycle.OrderLifecycle;
import com.memberpoints.functions.health.HealthHandler;
import com.memberpoints.functions.notify.DeliveriesHandler;
import com.memberpoints.functions.notify.NotificationPreviewHandler;
import com.memberpoints.functions.notify.SmsUsageHandler;
import com.memberpoints.functions.orders.DailySweepHandler;
import com.memberpoints.functions.orders.OrderEventsHandler;
import com.memberpoints.functions.orders.ScheduledAssignmentHandler;
import com.memberpoints.functions.orders.SweepSettings;
import com.memberpoints.functions.storefront.MyCreditsHandler;
import com.memberpoints.functions.storefront.MyPointsHandler;
import com.memberpoints.functions.storefront.MyPointsHistoryHandler;
import com.memberpoints.functions.storefront.QuoteHandler;
import com.memberpoints.functions.storefront.RedemptionHandler;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * THE local composition: every handler of the service, built through its port-taking constructor on
 * the {@link LocalAdapters}, registered in one line each. When a handler lands, add its line here
 * (HTTP handlers: {@code w.http(TheHandler.class, new TheHandler(...))}; the assignment, sweep and
 * order-event handlers: the target that invokes them — see local/README.md, "Adding a handler").
 *
 * <p>Notifications need no line: the notification dispatcher runs after every applied ledger write
 * ({@link NotifyingLedgerStore}, in place of the table stream). The retry sweep is not scheduled locally
 * (the outbox never fails transiently).
 */
final class LocalHandlers {
    private LocalHandlers() {}

    static void register(LocalAdapters a, LocalWiring w) {
        w.http(HealthHandler.class, new HealthHandler(a.logger()));

        // storefront
        StorefrontService storefront = new StorefrontService(a.ledger(), a.settings(), a.merchants(), a.members(), a.orders(),
                a.clock());
        w.http(QuoteHandler.class, new QuoteHandler(storefront, a.logger()));
        w.http(RedemptionHandler.class, new RedemptionHandler(storefront, a.logger()));
        w.http(MyPointsHandler.class, new MyPointsHandler(storefront, a.logger()));
        w.http(MyPointsHistoryHandler.class, new MyPointsHistoryHandler(storefront, a.logger()));
        w.http(MyCreditsHandler.class, new MyCreditsHandler(storefront, a.logger()));

        // notifications (admin)
        w.http(NotificationPreviewHandler.class, new NotificationPreviewHandler(a.merchants(), a.logger()));
        w.http(SmsUsageHandler.class, new SmsUsageHandler(a.merchants(), a.deliveries(), a.clock(), a.logger()));
        w.http(DeliveriesHandler.class, new DeliveriesHandler(a.merchants(), a.deliveries(), a.clock(), a.logger()));

        // order lifecycle: the EventBridge rule, the Scheduler's assignment schedules, the daily sweep
        OrderLifecycle lifecycle = new OrderLifecycle(a.orders(), a.ledger(), a.settings(), a.merchants(), a.members(),
                a.scheduler(), a.clock());
        OrderEventsHandler orderEvents = new OrderEventsHandler(lifecycle, a.logger());
        ScheduledAssignmentHandler assignment = new ScheduledAssignmentHandler(lifecycle, a.logger());
        DailySweepHandler sweep = new DailySweepHandler(a.merchants(), new LedgerSweeps(a.ledger()), lifecycle, a.clock(),
                SweepSettings.DEFAULTS, a.logger());
        w.orderEvents(json -> orderEvents.handleRequest(in(json), new ByteArrayOutputStream(), context("OrderEventsFunction")));
        w.assignments(s -> assignment.handleRequest(in(s.input()), new ByteArrayOutputStream(),
                context("ScheduledAssignmentFunction")));
        w.dailySweep(at -> sweep.handleRequest(in(scheduledEvent(at)), new ByteArrayOutputStream(),
                context("DailySweepFunction")));
    }

    /** What EventBridge Scheduler sends a target without input: an event whose time is the scheduled time. */
    static String scheduledEvent(Instant at) {
        return "{\"version\":\"0\",\"id\":\"" + UUID.randomUUID() + "\",\"detail-type\":\"Scheduled Event\","
                + "\"source\":\"aws.scheduler\",\"time\":\"" + at + "\",\"detail\":\"{}\"}";
    }

    private static InputStream in(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }

    private static LocalContext context(String function) {
        return new LocalContext(UUID.randomUUID().toString(), function);
    }
}
