package com.memberpoints.functions.platform;

import com.memberpoints.functions.admin.settings.ActivityLogHandler;
import com.memberpoints.functions.admin.members.AdjustPointsHandler;
import com.memberpoints.functions.admin.bulk.BulkAssignmentStatusHandler;
import com.memberpoints.functions.admin.bulk.CreateBulkAssignmentHandler;
import com.memberpoints.functions.admin.settings.GetSettingsHandler;
import com.memberpoints.functions.admin.settings.GetStoreProfileHandler;
import com.memberpoints.functions.admin.reports.LiabilityReportHandler;
import com.memberpoints.functions.admin.settings.PutStoreProfileHandler;
import com.memberpoints.functions.admin.members.StoreSpendHandler;
import com.memberpoints.functions.admin.members.MemberHistoryHandler;
import com.memberpoints.functions.admin.members.MemberPointsHandler;
import com.memberpoints.functions.admin.reports.OrdersReportHandler;
import com.memberpoints.functions.admin.settings.UpdateSettingsHandler;
import com.memberpoints.functions.admin.settings.GetSettingsSectionHandler;
import com.memberpoints.functions.admin.settings.UpdateSettingsSectionHandler;
import com.memberpoints.functions.platform.http.ApiHandler;
import com.memberpoints.functions.storefront.GuestCreditReminderHandler;
import com.memberpoints.functions.admin.orders.OrderPointsHandler;
import com.memberpoints.functions.storefront.MyCreditsHandler;
import com.memberpoints.functions.storefront.MyPointsHandler;
import com.memberpoints.functions.storefront.MyPointsHistoryHandler;
import com.memberpoints.functions.storefront.QuoteHandler;
import com.memberpoints.functions.storefront.RedemptionHandler;
import com.memberpoints.functions.admin.notifications.DeliveriesHandler;
import com.memberpoints.functions.admin.notifications.NotificationPreviewHandler;
import com.memberpoints.functions.admin.notifications.SmsUsageHandler;
import com.memberpoints.functions.admin.migration.BalanceExportHandler;
import com.memberpoints.functions.admin.migration.CreateImportHandler;
import com.memberpoints.functions.admin.migration.ImportDryRunHandler;
import com.memberpoints.functions.admin.migration.ImportStatusHandler;
import com.memberpoints.functions.admin.migration.PutImportPartHandler;
import com.memberpoints.functions.admin.migration.RunImportHandler;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * THE route table: every HTTP route and the handler class that serves it. The local server
 * dispatches from it, the authorization matrix test walks it, and the template test compares it with
 * template.yaml's HttpApi events. Add a route here when adding its handler.
 */
public final class ApiRoutes {
    private ApiRoutes() {}

    /** One route: {@code GET /v1/admin/members/{memberId}/points} served by {@code handler}. */
    public record Route(String method, String path, Class<? extends ApiHandler> handler) {
        private static final Pattern METHOD = Pattern.compile("GET|POST|PUT|PATCH|DELETE");
        private static final Pattern PATH = Pattern.compile("(/([a-z0-9.-]+|\\{[A-Za-z]+}))+");

        public Route {
            Objects.requireNonNull(handler, "handler");
            if (!METHOD.matcher(method).matches() || !PATH.matcher(path).matches()) {
                throw new IllegalArgumentException("bad route " + method + " " + path);
            }
        }

        /** API Gateway's route key, e.g. {@code "GET /v1/health"}. */
        public String routeKey() {
            return method + " " + path;
        }
    }

    private static final List<Route> ROUTES = List.of(
            new Route("GET", "/v1/health", HealthHandler.class),
            // ---- storefront (a logged-in member; their own data only) ----
            new Route("POST", "/v1/storefront/checkout/quote", QuoteHandler.class),
            new Route("POST", "/v1/storefront/checkout/redemptions", RedemptionHandler.class),
            new Route("GET", "/v1/storefront/me/points", MyPointsHandler.class),
            new Route("GET", "/v1/storefront/me/points/history", MyPointsHistoryHandler.class),
            new Route("GET", "/v1/storefront/me/credits", MyCreditsHandler.class),
            // ---- end storefront ----
            // ---- admin (staff of the token's merchant; permission per route) ----
            new Route("GET", "/v1/admin/settings", GetSettingsHandler.class),
            new Route("PUT", "/v1/admin/settings", UpdateSettingsHandler.class),
            new Route("GET", "/v1/admin/activity-log", ActivityLogHandler.class),
            new Route("GET", "/v1/admin/store", GetStoreProfileHandler.class),
            new Route("PUT", "/v1/admin/store", PutStoreProfileHandler.class),
            new Route("GET", "/v1/admin/members/{memberId}/points", MemberPointsHandler.class),
            new Route("GET", "/v1/admin/members/{memberId}/points/history", MemberHistoryHandler.class),
            new Route("POST", "/v1/admin/members/{memberId}/points/adjustments", AdjustPointsHandler.class),
            new Route("POST", "/v1/admin/members/{memberId}/store-spend", StoreSpendHandler.class),
            new Route("POST", "/v1/admin/members/{memberId}/pos-redemptions",
                    com.memberpoints.functions.admin.members.PosRedemptionHandler.class),
            new Route("POST", "/v1/admin/members/{memberId}/pos-redemptions/{receiptId}/cancellation",
                    com.memberpoints.functions.admin.members.PosRedemptionCancellationHandler.class),
            new Route("POST", "/v1/admin/points/bulk-assignments", CreateBulkAssignmentHandler.class),
            new Route("GET", "/v1/admin/points/bulk-assignments/{jobId}", BulkAssignmentStatusHandler.class),
            new Route("GET", "/v1/admin/reports/orders.csv", OrdersReportHandler.class),
            new Route("GET", "/v1/admin/reports/liability", LiabilityReportHandler.class),
            // ---- end admin ----
            // notifications
            new Route("POST", "/v1/admin/notifications/preview", NotificationPreviewHandler.class),
            new Route("GET", "/v1/admin/notifications/sms-usage", SmsUsageHandler.class),
            new Route("GET", "/v1/admin/notifications/deliveries", DeliveriesHandler.class),
            // settings sections (11.6): permission per section, admin/settings/SettingsSections
            new Route("GET", "/v1/admin/settings/{section}", GetSettingsSectionHandler.class),
            new Route("PUT", "/v1/admin/settings/{section}", UpdateSettingsSectionHandler.class),
            // balance import and export (issue 12 item 4)
            new Route("POST", "/v1/admin/imports", CreateImportHandler.class),
            new Route("PUT", "/v1/admin/imports/{importId}/parts/{part}", PutImportPartHandler.class),
            new Route("POST", "/v1/admin/imports/{importId}/dry-run", ImportDryRunHandler.class),
            new Route("POST", "/v1/admin/imports/{importId}/run", RunImportHandler.class),
            new Route("GET", "/v1/admin/imports/{importId}", ImportStatusHandler.class),
            new Route("GET", "/v1/admin/exports/balances.csv", BalanceExportHandler.class),
            // store credits by hand (issue 11.2)
            new Route("POST", "/v1/admin/members/{memberId}/credits/adjustments",
                    com.memberpoints.functions.admin.members.AdjustCreditsHandler.class),
            new Route("GET", "/v1/admin/members/{memberId}/credits",
                    com.memberpoints.functions.admin.members.MemberCreditsHandler.class),
            // issue 11.5: the guest cart reminder (no token) and the admin order view
            new Route("POST", "/v1/storefront/merchants/{merchantId}/credit-reminder", GuestCreditReminderHandler.class),
            new Route("GET", "/v1/admin/orders/{orderId}", OrderPointsHandler.class));

    public static List<Route> all() {
        return ROUTES;
    }
}
