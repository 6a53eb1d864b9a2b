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
 * {@code POST /v1/admin/imports/{importId}/run} (permission {@code member_points}), optional body
 * {@code {"acceptErrors": true}}: credits every valid row of the checked file once (the worker, chunk by chunk);
 * 202 with status RUNNING. 409 before the dry run finished; 422 while rows are in error unless accepted. A repeat
 * answers the running job (and resumes chunks still queued): nobody is credited twice.
 */
@ReadsEnvironment({AppConfig.TABLE_NAME, AppConfig.BULK_JOBS_QUEUE_URL})
public final class RunImportHandler extends StaffApiHandler {
    private final BalanceImports imports;

    public RunImportHandler() {
        this(Wiring.balanceImports(), JsonLogger.stdout());
    }

    public RunImportHandler(BalanceImports imports, JsonLogger logger) {
        super(Permission.MEMBER_POINTS, logger);
        this.imports = Objects.requireNonNull(imports, "imports");
    }

    @Override
    protected ApiResponse handle(ApiRequest request, Caller.Staff staff) {
        request.query().allowOnly();
        String importId = ImportsJson.importId(request);
        String body = request.event().getBody();
        boolean accept = body != null && !body.isBlank()
                && request.body(r -> r.optionalBool("acceptErrors").orElse(false));
        var job = ImportsJson.jobOrThrow(imports.run(staff.merchantId(), importId, accept, staff.actor()));
        request.log().info("import run", "importId", importId, "acceptErrors", accept);
        return ImportsJson.accepted(job);
    }
}
