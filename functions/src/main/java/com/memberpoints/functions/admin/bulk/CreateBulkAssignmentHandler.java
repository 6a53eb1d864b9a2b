package com.memberpoints.functions.admin.bulk;

import com.memberpoints.functions.platform.http.IdempotencyKeys;
import com.memberpoints.functions.admin.AdminServices;

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

    private final AdminServices services;

    public CreateBulkAssignmentHandler() {
        this(Wiring.admin(), JsonLogger.stdout());
    }

    public CreateBulkAssignmentHandler(AdminServices services, JsonLogger logger) {
        super(Permission.MEMBER_POINTS, logger);
        this.services = Objects.requireNonNull(services, "services");
    }

    @Override
    protected int maxBodyBytes() {
        return MAX_BODY_BYTES;
    }

    private record Body(BulkAssignments.Request request, boolean dryRun) {}

    @Override
    protected ApiResponse handle(ApiRequest request, Caller.Staff staff) {
        request.query().allowOnly();
        Body body = request.body(CreateBulkAssignmentHandler::read);
        BulkAssignments.Request command = body.request();
        if (!body.dryRun()) {
            Optional<String> key = IdempotencyKeys.optional(request, command.idempotencyKey());
            command = new BulkAssignments.Request(command.memberIds(), command.points(), command.reason(),
                    command.notification(), key);
        }
        BulkAssignments service = services.bulk();
        BulkAssignments.Outcome outcome = body.dryRun()
                ? service.dryRun(staff.merchantId(), command)
                : service.start(staff.merchantId(), command, staff.actor());
        return switch (outcome) {
            case BulkAssignments.Outcome.DryRunDone d -> ApiResponse.ok(JsonObject.builder()
                    .put("dryRun", true)
                    .put("requested", d.result().requested())
                    .put("distinct", d.result().distinct())
                    .put("existingMembers", d.result().existing())
                    .put("unknownMembers", d.result().unknown())
                    .put("emailRecipients", d.result().emailRecipients())
                    .put("smsRecipients", d.result().smsRecipients())
                    .put("smsEnabled", d.result().smsEnabled())
                    .build());
            case BulkAssignments.Outcome.Started s -> {
                request.log().info("bulk job started", "jobId", s.job().jobId(), "members", s.job().totalMembers(),
                        "chunks", s.job().chunkCount(), "created", s.created());
                yield ApiResponse.accepted("/v1/admin/points/bulk-assignments/" + s.job().jobId(),
                        BulkJson.job(s.job()).build());
            }
            case BulkAssignments.Outcome.StoreNotConfigured n -> throw AdminServices.storeNotConfigured();
            case BulkAssignments.Outcome.KeyReused k -> throw ApiException.conflict(
                    "This Idempotency-Key was already used for a different bulk assignment.");
        };
    }

    private static Body read(FieldReader r) {
        List<MemberId> ids = r.strings("memberIds", 1, BulkJob.MAX_MEMBERS, MemberId::of,
                "must be a member id (1-128 characters of A-Z a-z 0-9 . _ : @ + -)");
        long points = r.integer("points", 1, BulkAssignments.MAX_POINTS);
        String reason = r.string("reason", 1, LedgerCommand.MAX_REASON_LENGTH);
        boolean email = r.optionalBool("sendEmail").orElse(false);
        boolean sms = r.optionalBool("sendSms").orElse(false);
        boolean dryRun = r.optionalBool("dryRun").orElse(false);
        Optional<String> key = r.parsed("idempotencyKey", 100, IdempotencyKeys::check,
                "must be 1-100 characters of letters, digits and ._:@+-");
        if (ids.isEmpty() || ids.contains(null) || points < 1 || reason == null) {
            return null; // errors recorded
        }
        return new Body(new BulkAssignments.Request(ids, points, reason, new NotifyChoice(email, sms), key), dryRun);
    }
}
