package com.memberpoints.functions.admin.bulk;

import com.memberpoints.domain.bulk.BulkAssignments;

import com.memberpoints.functions.platform.ReadsEnvironment;
import com.memberpoints.functions.platform.AppConfig;
import com.memberpoints.domain.bulk.BulkJob;
import com.memberpoints.domain.bulk.MemberOutcome;
import com.memberpoints.domain.model.Page;
import com.memberpoints.domain.model.PageRequest;
import com.memberpoints.functions.platform.Wiring;
import com.memberpoints.functions.platform.http.ApiException;
import com.memberpoints.functions.platform.http.ApiRequest;
import com.memberpoints.functions.platform.http.ApiResponse;
import com.memberpoints.functions.platform.http.Caller;
import com.memberpoints.functions.platform.http.PageCursor;
import com.memberpoints.functions.platform.http.Permission;
import com.memberpoints.functions.platform.http.QueryParams;
import com.memberpoints.functions.platform.http.StaffApiHandler;
import com.memberpoints.functions.platform.json.JsonObject;
import com.memberpoints.functions.platform.log.JsonLogger;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * {@code GET /v1/admin/points/bulk-assignments/{jobId}?limit=&cursor=} (permission {@code member_points}):
 * the job's progress and counters, and one page of per-member outcomes ({@code CREDITED},
 * {@code UNKNOWN_MEMBER}, {@code FAILED}) of the chunks processed so far, in the job's id order.
 */
@ReadsEnvironment({AppConfig.TABLE_NAME})
public final class BulkAssignmentStatusHandler extends StaffApiHandler {
    private static final Pattern JOB_ID = Pattern.compile("bulk-[A-Za-z0-9._:@+\\-]{1,100}");

    private final BulkAssignments bulk;

    public BulkAssignmentStatusHandler() {
        this(Wiring.bulkAssignments(), JsonLogger.stdout());
    }

    public BulkAssignmentStatusHandler(BulkAssignments bulk, JsonLogger logger) {
        super(Permission.MEMBER_POINTS, logger);
        this.bulk = Objects.requireNonNull(bulk, "bulk");
    }

    @Override
    protected ApiResponse handle(ApiRequest request, Caller.Staff staff) {
        QueryParams query = request.query().allowOnly(QueryParams.LIMIT, QueryParams.CURSOR);
        PageRequest page = new PageRequest(query.string(QueryParams.CURSOR, PageCursor.MAX_LENGTH), query.pageSize());
        String jobId = request.pathParameter("jobId", id -> {
            if (!JOB_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("not a job id");
            }
            return id;
        });
        BulkJob job = bulk.job(staff.merchantId(), jobId)
                .orElseThrow(() -> ApiException.notFound("Bulk assignment not found."));
        Page<MemberOutcome> outcomes = bulk.outcomes(staff.merchantId(), jobId, page);
        JsonObject.Builder b = BulkJson.job(job).put("outcomes", BulkJson.outcomes(outcomes.items()));
        if (outcomes.nextCursor().isPresent()) {
            b.put("nextCursor", outcomes.nextCursor().get());
        } else {
            b.putNull("nextCursor");
        }
        return ApiResponse.ok(b.build());
    }
}
