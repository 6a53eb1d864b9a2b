package com.memberpoints.local;

import com.memberpoints.domain.checkout.CheckoutService;
import com.memberpoints.domain.membercenter.MemberCenter;
import com.memberpoints.domain.sweep.LedgerSweeps;
import com.memberpoints.domain.sweep.SweepAgenda;
import com.memberpoints.domain.sweep.DailySweep;
import com.memberpoints.domain.notify.ExpiryReminderPass;
import com.memberpoints.infra.dynamodb.DynamoDbExpiryReminderStore;
import com.memberpoints.domain.order.OrderLifecycle;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.memberpoints.functions.admin.settings.ActivityLogHandler;
import com.memberpoints.functions.admin.members.AdjustPointsHandler;
import com.memberpoints.functions.admin.AdminServices;
import com.memberpoints.functions.admin.bulk.BulkAssignmentStatusHandler;
import com.memberpoints.functions.events.BulkAssignmentWorkerHandler;
import com.memberpoints.functions.admin.bulk.CreateBulkAssignmentHandler;
import com.memberpoints.functions.admin.settings.GetSettingsHandler;
import com.memberpoints.functions.admin.settings.GetStoreProfileHandler;
import com.memberpoints.functions.admin.reports.LiabilityReportHandler;
import com.memberpoints.functions.admin.members.MemberHistoryHandler;
import com.memberpoints.functions.admin.members.MemberPointsHandler;
import com.memberpoints.functions.admin.reports.OrdersReportHandler;
import com.memberpoints.functions.admin.settings.PutStoreProfileHandler;
import com.memberpoints.functions.admin.settings.GetSettingsSectionHandler;
import com.memberpoints.functions.admin.settings.UpdateSettingsSectionHandler;
import com.memberpoints.functions.admin.members.StoreSpendHandler;
import com.memberpoints.functions.admin.settings.UpdateSettingsHandler;
import com.memberpoints.functions.platform.HealthHandler;
import com.memberpoints.infra.dynamodb.DynamoDbBulkJobStore;
import com.memberpoints.functions.admin.notifications.DeliveriesHandler;
import com.memberpoints.functions.admin.notifications.NotificationPreviewHandler;
import com.memberpoints.functions.admin.notifications.SmsUsageHandler;
import com.memberpoints.functions.events.DailySweepHandler;
import com.memberpoints.functions.events.OrderEventsHandler;
import com.memberpoints.functions.events.ScheduledAssignmentHandler;
import com.memberpoints.functions.events.SweepSettings;
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
import java.util.List;
import java.util.UUID;

/**
 * THE local composition: every handler of the service, built through its port-taking constructor on
 * the {@link LocalAdapters}, registered in one line each. When a handler lands, add its line here
 * (HTTP handlers: {@code w.http(TheHandler.class, new TheHandler(...))}; the assignment, sweep and
 * order-event handlers: the target that invokes them — see local/README.md, "Adding a handler").
 *
 * <p>The stream consumers need no line: the liability counters and the notification dispatcher run after
 * every applied ledger write ({@link NotifyingLedgerStore}, in place of the table stream). Bulk jobs' chunks go
 * through {@link LocalBulkJobQueue} to the worker handler, in the background, as through SQS. The retry sweep is not scheduled locally
 * (the outbox never fails transiently). Nor is the liability replay ({@code LiabilityReplayHandler}): with no table
 * stream, nothing locally gives up on a stream batch.
 */
final class LocalHandlers {
    private LocalHandlers() {}

    static void register(LocalAdapters a, LocalWiring w) {
        w.http(HealthHandler.class, new HealthHandler(a.logger()));

        // storefront
        CheckoutService checkout = new CheckoutService(a.ledger(), a.settings(), a.merchants(), a.members(), a.clock());
        MemberCenter center = new MemberCenter(a.ledger(), a.settings(), a.merchants(), a.members(), a.orders(),
                a.clock());
        w.http(QuoteHandler.class, new QuoteHandler(checkout, a.logger()));
        w.http(RedemptionHandler.class, new RedemptionHandler(checkout, a.logger()));
        w.http(MyPointsHandler.class, new MyPointsHandler(center, a.logger()));
        w.http(com.memberpoints.functions.storefront.GuestCreditReminderHandler.class,
                new com.memberpoints.functions.storefront.GuestCreditReminderHandler(checkout, a.logger()));
        w.http(com.memberpoints.functions.admin.orders.OrderPointsHandler.class,
                new com.memberpoints.functions.admin.orders.OrderPointsHandler(new com.memberpoints.domain.order.OrderViews(
                        a.orders(), a.ledger(), a.settings(), a.merchants()), a.logger()));
        w.http(MyPointsHistoryHandler.class, new MyPointsHistoryHandler(center, a.logger()));
        w.http(MyCreditsHandler.class, new MyCreditsHandler(center, a.logger()));

        // notifications (admin)
        w.http(NotificationPreviewHandler.class, new NotificationPreviewHandler(a.merchants(), a.logger()));
        w.http(SmsUsageHandler.class, new SmsUsageHandler(a.merchants(), a.deliveries(), a.clock(), a.logger()));
        w.http(DeliveriesHandler.class, new DeliveriesHandler(a.merchants(), a.deliveries(), a.clock(), a.logger()));

        // admin (staff): settings, store profile, member views, adjustments, store spend, bulk jobs, reports
        LocalBulkJobQueue bulkQueue = new LocalBulkJobQueue(a.logger());
        AdminServices admin = new AdminServices(a.ledger(), a.members(), a.merchants(), a.settings(), a.orders(),
                new PublishingBulkJobStore(new DynamoDbBulkJobStore(a.dynamoDb(), a.tableName()), a.events(), a.clock()),
                bulkQueue, a.clock(), a.ids(),
                new com.memberpoints.infra.dynamodb.DynamoDbReceiptStore(a.dynamoDb(), a.tableName()));
        w.http(GetSettingsHandler.class, new GetSettingsHandler(admin.settings(), a.logger()));
        w.http(UpdateSettingsHandler.class, new UpdateSettingsHandler(admin.settings(), a.logger()));
        w.http(ActivityLogHandler.class, new ActivityLogHandler(admin.settingsStore(), a.logger()));
        w.http(GetStoreProfileHandler.class, new GetStoreProfileHandler(admin.merchants(), a.logger()));
        w.http(PutStoreProfileHandler.class, new PutStoreProfileHandler(admin.settings(), a.logger()));
        w.http(GetSettingsSectionHandler.class, new GetSettingsSectionHandler(admin.settings(), a.logger()));
        w.http(UpdateSettingsSectionHandler.class, new UpdateSettingsSectionHandler(admin.settings(), a.logger()));
        w.http(MemberPointsHandler.class, new MemberPointsHandler(admin, a.logger()));
        w.http(MemberHistoryHandler.class, new MemberHistoryHandler(admin, a.logger()));
        w.http(AdjustPointsHandler.class, new AdjustPointsHandler(admin.adjustments(), admin.merchants(), a.logger()));
        w.http(StoreSpendHandler.class, new StoreSpendHandler(admin.storeSpend(), admin.merchants(), a.logger()));
        // store credits by hand (issue 11.2)
        w.http(com.memberpoints.functions.admin.members.AdjustCreditsHandler.class,
                new com.memberpoints.functions.admin.members.AdjustCreditsHandler(admin.creditAdjustments(),
                        admin.merchants(), a.logger()));
        w.http(com.memberpoints.functions.admin.members.MemberCreditsHandler.class,
                new com.memberpoints.functions.admin.members.MemberCreditsHandler(admin.memberCenter(), a.logger()));
        w.http(com.memberpoints.functions.admin.members.PosRedemptionHandler.class,
                new com.memberpoints.functions.admin.members.PosRedemptionHandler(admin.posRedemptions(),
                        admin.merchants(), a.logger()));
        w.http(com.memberpoints.functions.admin.members.PosRedemptionCancellationHandler.class,
                new com.memberpoints.functions.admin.members.PosRedemptionCancellationHandler(admin.posRedemptions(),
                        admin.merchants(), a.logger()));
        w.http(CreateBulkAssignmentHandler.class, new CreateBulkAssignmentHandler(admin.bulk(), a.logger()));
        w.http(BulkAssignmentStatusHandler.class, new BulkAssignmentStatusHandler(admin.bulk(), a.logger()));
        w.http(OrdersReportHandler.class, new OrdersReportHandler(admin.orders(), admin.receipts(),
                admin.merchants(), a.logger()));
        w.http(LiabilityReportHandler.class, new LiabilityReportHandler(a.merchants(), a.settings(), a.liability(),
                a.clock(), a.logger()));
        // balance import and export (issue 12 item 4): import chunks share the bulk queue and worker
        var imports = new com.memberpoints.domain.migration.BalanceImports(a.ledger(), a.members(), a.merchants(),
                new com.memberpoints.infra.dynamodb.DynamoDbImportJobStore(a.dynamoDb(), a.tableName()), bulkQueue,
                a.clock(), a.ids());
        var export = new com.memberpoints.domain.migration.BalanceExport(
                new com.memberpoints.infra.dynamodb.DynamoDbWalletListing(a.dynamoDb(), a.tableName()), a.merchants(),
                a.clock());
        w.http(com.memberpoints.functions.admin.migration.CreateImportHandler.class,
                new com.memberpoints.functions.admin.migration.CreateImportHandler(imports, a.logger()));
        w.http(com.memberpoints.functions.admin.migration.PutImportPartHandler.class,
                new com.memberpoints.functions.admin.migration.PutImportPartHandler(imports, a.logger()));
        w.http(com.memberpoints.functions.admin.migration.ImportDryRunHandler.class,
                new com.memberpoints.functions.admin.migration.ImportDryRunHandler(imports, a.logger()));
        w.http(com.memberpoints.functions.admin.migration.RunImportHandler.class,
                new com.memberpoints.functions.admin.migration.RunImportHandler(imports, a.logger()));
        w.http(com.memberpoints.functions.admin.migration.ImportStatusHandler.class,
                new com.memberpoints.functions.admin.migration.ImportStatusHandler(imports, a.logger()));
        w.http(com.memberpoints.functions.admin.migration.BalanceExportHandler.class,
                new com.memberpoints.functions.admin.migration.BalanceExportHandler(export, a.logger()));
        BulkAssignmentWorkerHandler bulkWorker = new BulkAssignmentWorkerHandler(admin.bulk(), imports, a.logger());
        bulkQueue.worker(body -> bulkWorker.handleRequest(sqsEvent(body), context("BulkAssignmentWorkerFunction")));

        // order lifecycle: the EventBridge rule, the Scheduler's assignment schedules, the hourly sweep
        OrderLifecycle lifecycle = new OrderLifecycle(a.orders(), a.ledger(), a.settings(), a.merchants(), a.members(),
                a.scheduler(), a.clock());
        OrderEventsHandler orderEvents = new OrderEventsHandler(lifecycle, a.logger());
        ScheduledAssignmentHandler assignment = new ScheduledAssignmentHandler(lifecycle, a.logger());
        // expiry reminders (issue 12 item 2): the sweep writes markers; each new marker reaches the dispatcher as the
        // table stream would hand it over in AWS (NotifyingExpiryReminderStore)
        ExpiryReminderPass reminders = new ExpiryReminderPass(a.merchants(), a.settings(), a.ledger(),
                new NotifyingExpiryReminderStore(new DynamoDbExpiryReminderStore(a.dynamoDb(), a.tableName()),
                        a.notifications(), a.logger()));
        // the sweep's fan-out (issue 16 change 7): walks of the expiry index's parts, run by the real worker handler
        LocalExpiryWalkQueue walkQueue = new LocalExpiryWalkQueue(a.logger());
        var walkClaims = new com.memberpoints.infra.dynamodb.DynamoDbExpiryWalkClaims(a.dynamoDb(), a.tableName());
        var expiryWorker = new com.memberpoints.functions.events.ExpirySweepWorkerHandler(
                new com.memberpoints.domain.sweep.ExpiryWalker(a.ledger(), walkQueue, walkClaims, a.clock(), reminders),
                a.logger()); // expiry walks and reminder walks (issue 16 change 7b)
        walkQueue.worker(body -> expiryWorker.handleRequest(sqsEvent(body), context("ExpirySweepWorkerFunction")));
        DailySweepHandler sweep = new DailySweepHandler(new DailySweep(a.merchants(), new LedgerSweeps(a.ledger()),
                lifecycle, a.clock(), SweepSettings.DEFAULTS.limits(), reminders).withFanOut(
                new com.memberpoints.domain.sweep.ExpiryFanOut(a.ledger(), walkQueue, walkClaims,
                        java.time.Duration.ofHours(3))), a.logger()); // Wiring.EXPIRY_WALK_STALE_AFTER
        w.orderEvents(json -> orderEvents.handleRequest(in(json), new ByteArrayOutputStream(), context("OrderEventsFunction")));
        w.assignments(s -> assignment.handleRequest(in(s.input()), new ByteArrayOutputStream(),
                context("ScheduledAssignmentFunction")));
        w.hourlySweep(at -> sweep.handleRequest(in(scheduledEvent(at)), new ByteArrayOutputStream(),
                context("DailySweepFunction")));
        SweepAgenda agenda = new SweepAgenda(a.merchants(), a.ledger(), a.orders(), SweepSettings.DEFAULTS.limits(),
                reminders);
        w.sweepAgenda(agenda::nextDue);
    }

    /** What EventBridge Scheduler sends a target without input: an event whose time is the scheduled time. */
    static String scheduledEvent(Instant at) {
        return "{\"version\":\"0\",\"id\":\"" + UUID.randomUUID() + "\",\"detail-type\":\"Scheduled Event\","
                + "\"source\":\"aws.scheduler\",\"time\":\"" + at + "\",\"detail\":\"{}\"}";
    }

    /** One SQS message, as the worker's event source mapping delivers it (batch size 1). */
    static SQSEvent sqsEvent(String body) {
        SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
        m.setMessageId(UUID.randomUUID().toString());
        m.setBody(body);
        m.setEventSource("aws:sqs");
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(m));
        return event;
    }

    private static InputStream in(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }

    private static LocalContext context(String function) {
        return new LocalContext(UUID.randomUUID().toString(), function);
    }
}
