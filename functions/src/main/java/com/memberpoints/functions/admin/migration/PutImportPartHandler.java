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
 * {@code PUT /v1/admin/imports/{importId}/parts/{part}} (permission {@code member_points}): part {@code part}
 * (1-200) of the file, {@code text/csv}, at most 256 KiB; the parts joined in number order are the file (cut it
 * anywhere, even mid-row). Sending a part again replaces it; once the dry run started, 409.
 */
@ReadsEnvironment({AppConfig.TABLE_NAME})
public final class PutImportPartHandler extends StaffApiHandler {
    private final BalanceImports imports;

    public PutImportPartHandler() {
        this(Wiring.balanceImports(), JsonLogger.stdout());
    }

    public PutImportPartHandler(BalanceImports imports, JsonLogger logger) {
        super(Permission.MEMBER_POINTS, logger);
        this.imports = Objects.requireNonNull(imports, "imports");
    }

    @Override
    protected int maxBodyBytes() {
        return BalanceImports.MAX_PART_BYTES;
    }

    @Override
    protected ApiResponse handle(ApiRequest request, Caller.Staff staff) {
        request.query().allowOnly();
        String importId = ImportsJson.importId(request);
        int part = request.pathParameter("part", Integer::parseInt);
        String text = request.csvBody();
        var job = ImportsJson.jobOrThrow(imports.putPart(staff.merchantId(), importId, part, text));
        request.log().info("import part stored", "importId", importId, "part", part, "chars", text.length());
        return ApiResponse.ok(ImportsJson.job(job).put("part", part).build());
    }
}
