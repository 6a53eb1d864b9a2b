package com.memberpoints.functions.admin.migration;

import com.memberpoints.domain.migration.BalanceImports;
import com.memberpoints.functions.platform.AppConfig;
import com.memberpoints.functions.platform.ReadsEnvironment;
import com.memberpoints.functions.platform.Wiring;
import com.memberpoints.functions.platform.http.ApiRequest;
import com.memberpoints.functions.platform.http.ApiResponse;
import com.memberpoints.functions.platform.http.Caller;
import com.memberpoints.functions.platform.http.Permission;
import com.memberpoints.functions.platform.http.StaffApiHandler;
import com.memberpoints.functions.platform.log.JsonLogger;
import java.util.Objects;

/**
 * {@code POST /v1/admin/imports/{importId}/dry-run} (permission {@code member_points}): joins the parts, reads
 * every row (each bad row keeps its row number and error), fixes the file and queues its chunks for the member
 * check; 202 with status CHECKING (follow {@code GET /v1/admin/imports/{importId}} until CHECKED). Nothing is
 * credited. A file that cannot be read at all is a 422 saying why; a repeat answers the job as it stands.
 */
@ReadsEnvironment({AppConfig.TABLE_NAME, AppConfig.BULK_JOBS_QUEUE_URL})
public final class ImportDryRunHandler extends StaffApiHandler {
    private final BalanceImports imports;

    public ImportDryRunHandler() {
        this(Wiring.balanceImports(), JsonLogger.stdout());
    }

    public ImportDryRunHandler(BalanceImports imports, JsonLogger logger) {
        super(Permission.MEMBER_POINTS, logger);
        this.imports = Objects.requireNonNull(imports, "imports");
    }

    @Override
    protected ApiResponse handle(ApiRequest request, Caller.Staff staff) {
        request.query().allowOnly();
        String importId = ImportsJson.importId(request);
        var job = ImportsJson.jobOrThrow(imports.dryRun(staff.merchantId(), importId));
        request.log().info("import dry run", "importId", importId, "rows", job.file().map(f -> f.rows()).orElse(0),
                "invalidRows", job.invalidRows());
        return ImportsJson.accepted(job);
    }
}
