package com.memberpoints.functions.admin.bulk;

import com.memberpoints.functions.platform.http.IdempotencyKeys;
import com.memberpoints.functions.admin.AdminJson;

import com.memberpoints.functions.platform.ReadsEnvironment;
import com.memberpoints.functions.platform.AppConfig;
import com.memberpoints.domain.bulk.BulkAssignments;
import com.memberpoints.domain.bulk.BulkJob;
import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.ledger.NotifyChoice;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.functions.platform.Wiring;
import com.memberpoints.functions.platform.http.ApiException;
import com.memberpoints.functions.platform.http.ApiRequest;
import com.memberpoints.functions.platform.http.ApiResponse;
import com.memberpoints.functions.platform.http.Caller;
import com.memberpoints.functions.platform.http.Permission;
import com.memberpoints.functions.platform.http.StaffApiHandler;
import com.memberpoints.functions.platform.json.FieldReader;
import com.memberpoints.functions.platform.json.JsonObject;
import com.memberpoints.functions.platform.log.JsonLogger;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code POST /v1/admin/points/bulk-assignments} (permission {@code member_points}): the same positive
 * points for up to 100,000 member ids, with a reason and email / SMS choices.
 * <ul>
 *   <li>{@code "dryRun": true}: 200 with how many ids were sent, how many distinct members exist, and how many
 *       of them can get an email and an SMS (SMS only while the store has SMS on). Nothing is written.</li>
 *   <li>otherwise: 202 with the job (its progress at 0) and its {@code Location}; the worker function credits
 *       the members asynchronously. An {@code Idempotency-Key} (header or field) makes a retry find the same
 *       job instead of starting a second one.</li>
 * </ul>
 */
@ReadsEnvironment({AppConfig.TABLE_NAME, AppConfig.BULK_JOBS_QUEUE_URL})
public final class CreateBulkAssignmentHandler extends StaffApiHandler {
    /** 100,000 ids of up to 128 characters with JSON quoting fit; Lambda's synchronous payload limit is 6 MB. */
    public static final int MAX_BODY_BYTES = 6 * 1000 * 1000;

    private final BulkAssignments bulk;

    public CreateBulkAssignmentHandler() {
        this(Wiring.bulkAssignments(), JsonLogger.stdout());
    }

    public CreateBulkAssignmentHandler(BulkAssignments bulk, JsonLogger logger) {
        super(Permission.MEMBER_POINTS, logger);
        this.bulk = Objects.requireNonNull(bulk, "bulk");
    }

    @Override
    protected int maxBodyBytes() {
        return MAX_BODY_BYTES;
    }

    @Override
    protected ApiResponse handle(ApiRequest request, Caller.Staff staff) {
        request.query().allowOnly();
        BulkJson.Create body = request.body(BulkJson::create);
        BulkAssignments.Outcome outcome = body.dryRun()
                ? bulk.dryRun(staff.merchantId(), body.request())
                : bulk.start(staff.merchantId(), body.withKey(IdempotencyKeys.optional(request, body.request().idempotencyKey())), staff.actor());
        return switch (outcome) {
            case BulkAssignments.Outcome.DryRunDone d -> ApiResponse.ok(BulkJson.dryRun(d.result()));
            case BulkAssignments.Outcome.Started s -> {
                request.log().info("bulk job started", "jobId", s.job().jobId(), "members", s.job().totalMembers(),
                        "chunks", s.job().chunkCount(), "created", s.created());
                yield ApiResponse.accepted("/v1/admin/points/bulk-assignments/" + s.job().jobId(),
                        BulkJson.job(s.job()).build());
            }
            default -> throw BulkJson.refused(outcome);
        };
    }
}
