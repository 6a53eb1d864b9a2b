package com.memberpoints.functions.admin.migration;

import com.memberpoints.domain.migration.BalanceImports;
import com.memberpoints.domain.model.PageRequest;
import com.memberpoints.functions.platform.AppConfig;
import com.memberpoints.functions.platform.ReadsEnvironment;
import com.memberpoints.functions.platform.Wiring;
import com.memberpoints.functions.platform.http.ApiException;
import com.memberpoints.functions.platform.http.ApiRequest;
import com.memberpoints.functions.platform.http.ApiResponse;
import com.memberpoints.functions.platform.http.Caller;
import com.memberpoints.functions.platform.http.PageCursor;
import com.memberpoints.functions.platform.http.Permission;
import com.memberpoints.functions.platform.http.QueryParams;
import com.memberpoints.functions.platform.http.StaffApiHandler;
import com.memberpoints.functions.platform.log.JsonLogger;
import java.util.Objects;

/**
 * {@code GET /v1/admin/imports/{importId}?limit=&cursor=&errorsOnly=} (permission {@code member_points}): the
 * import's status, dry-run and run counters, and one page of row outcomes in file order (the run's outcome once a
 * chunk ran, else the dry run's: VALID, INVALID, UNKNOWN_MEMBER, IMPORTED, ALREADY_IMPORTED, FAILED, SKIPPED),
 * each with its row number and, for a problem, the detail; {@code errorsOnly=true} lists only the problems.
 */
@ReadsEnvironment({AppConfig.TABLE_NAME})
public final class ImportStatusHandler extends StaffApiHandler {
    private final BalanceImports imports;

    public ImportStatusHandler() {
        this(Wiring.balanceImports(), JsonLogger.stdout());
    }

    public ImportStatusHandler(BalanceImports imports, JsonLogger logger) {
        super(Permission.MEMBER_POINTS, logger);
        this.imports = Objects.requireNonNull(imports, "imports");
    }

    @Override
    protected ApiResponse handle(ApiRequest request, Caller.Staff staff) {
        QueryParams query = request.query().allowOnly(QueryParams.LIMIT, QueryParams.CURSOR, "errorsOnly");
        PageRequest page = new PageRequest(query.string(QueryParams.CURSOR, PageCursor.MAX_LENGTH), query.pageSize());
        boolean errorsOnly = ImportsJson.errorsOnly(query);
        String importId = ImportsJson.importId(request);
        var job = imports.job(staff.merchantId(), importId).orElseThrow(() -> ApiException.notFound("Import not found."));
        return ApiResponse.ok(ImportsJson.status(job, imports.outcomes(staff.merchantId(), importId, page, errorsOnly)));
    }
}
