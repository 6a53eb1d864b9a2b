package com.memberpoints.functions.admin.migration;

import com.memberpoints.domain.migration.BalanceImports;
import com.memberpoints.functions.platform.AppConfig;
import com.memberpoints.functions.platform.ReadsEnvironment;
import com.memberpoints.functions.platform.Wiring;
import com.memberpoints.functions.platform.http.ApiRequest;
import com.memberpoints.functions.platform.http.ApiResponse;
import com.memberpoints.functions.platform.http.Caller;
import com.memberpoints.functions.platform.http.IdempotencyKeys;
import com.memberpoints.functions.platform.http.Permission;
import com.memberpoints.functions.platform.http.StaffApiHandler;
import com.memberpoints.functions.platform.log.JsonLogger;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code POST /v1/admin/imports} (permission {@code member_points}): a new, empty balance import; 201 with its id
 * and {@code Location}. Then upload the file in parts ({@code PUT …/parts/{n}}), dry-run it, run it. An optional
 * {@code Idempotency-Key} makes a retry answer the same import (200).
 */
@ReadsEnvironment({AppConfig.TABLE_NAME})
public final class CreateImportHandler extends StaffApiHandler {
    private final BalanceImports imports;

    public CreateImportHandler() {
        this(Wiring.balanceImports(), JsonLogger.stdout());
    }

    public CreateImportHandler(BalanceImports imports, JsonLogger logger) {
        super(Permission.MEMBER_POINTS, logger);
        this.imports = Objects.requireNonNull(imports, "imports");
    }

    @Override
    protected ApiResponse handle(ApiRequest request, Caller.Staff staff) {
        request.query().allowOnly();
        Optional<String> key = IdempotencyKeys.optional(request, Optional.empty());
        var outcome = imports.create(staff.merchantId(), key, staff.actor());
        var job = ImportsJson.jobOrThrow(outcome);
        boolean created = outcome instanceof BalanceImports.Outcome.Job j && j.changed();
        return created ? ApiResponse.created(ImportsJson.BASE + job.jobId(), ImportsJson.job(job).build())
                : ApiResponse.ok(ImportsJson.job(job).build());
    }
}
