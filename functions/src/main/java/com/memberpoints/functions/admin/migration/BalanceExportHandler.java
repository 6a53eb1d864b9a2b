package com.memberpoints.functions.admin.migration;

import com.memberpoints.domain.migration.BalanceExport;
import com.memberpoints.domain.migration.WalletListing;
import com.memberpoints.functions.admin.AdminJson;
import com.memberpoints.functions.platform.AppConfig;
import com.memberpoints.functions.platform.ReadsEnvironment;
import com.memberpoints.functions.platform.Wiring;
import com.memberpoints.functions.platform.http.ApiRequest;
import com.memberpoints.functions.platform.http.ApiResponse;
import com.memberpoints.functions.platform.http.Caller;
import com.memberpoints.functions.platform.http.Permission;
import com.memberpoints.functions.platform.http.QueryParams;
import com.memberpoints.functions.platform.http.StaffApiHandler;
import com.memberpoints.functions.platform.log.JsonLogger;
import java.util.Objects;

/**
 * {@code GET /v1/admin/exports/balances.csv?limit=&cursor=} (permission {@code member_points}): one page of every
 * member's balance by wallet and expiry, {@code memberId,wallet,amount,expiresOn} (the import's columns), at most
 * {@code limit} wallets (1-1000, default 1000). While more follow, a {@code Link: <…>; rel="next"} header and
 * {@code X-Next-Cursor} name the next page; a page can be short (even empty) and still have a next one.
 */
@ReadsEnvironment({AppConfig.TABLE_NAME})
public final class BalanceExportHandler extends StaffApiHandler {
    private final BalanceExport export;

    public BalanceExportHandler() {
        this(Wiring.balanceExport(), JsonLogger.stdout());
    }

    public BalanceExportHandler(BalanceExport export, JsonLogger logger) {
        super(Permission.MEMBER_POINTS, logger);
        this.export = Objects.requireNonNull(export, "export");
    }

    @Override
    protected ApiResponse handle(ApiRequest request, Caller.Staff staff) {
        QueryParams query = request.query().allowOnly(QueryParams.LIMIT, QueryParams.CURSOR);
        int limit = query.integer(QueryParams.LIMIT, 1, WalletListing.MAX_LIMIT).orElse((long) WalletListing.MAX_LIMIT)
                .intValue();
        var page = export.page(staff.merchantId(), query.string(QueryParams.CURSOR, 2048), limit)
                .orElseThrow(AdminJson::storeNotConfigured);
        request.log().info("balances exported", "lines", page.lines().size(), "more", page.nextCursor().isPresent());
        return ImportsJson.exportCsv(page, limit);
    }
}
