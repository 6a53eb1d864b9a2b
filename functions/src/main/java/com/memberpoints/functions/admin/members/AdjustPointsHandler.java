package com.memberpoints.functions.admin.members;

import com.memberpoints.functions.platform.http.IdempotencyKeys;
import com.memberpoints.functions.admin.AdminJson;
import com.memberpoints.functions.admin.AdminServices;

import com.memberpoints.functions.platform.ReadsEnvironment;
import com.memberpoints.functions.platform.AppConfig;
import com.memberpoints.domain.staff.PointsAdjustments;
import com.memberpoints.domain.ledger.LedgerCommand;
import com.memberpoints.domain.ledger.NotifyChoice;
import com.memberpoints.domain.model.FieldError;
import com.memberpoints.domain.model.InvalidInputException;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.functions.platform.Wiring;
import com.memberpoints.functions.platform.http.ApiException;
import com.memberpoints.functions.platform.http.ApiRequest;
import com.memberpoints.functions.platform.http.ApiResponse;
import com.memberpoints.functions.platform.http.Caller;
import com.memberpoints.functions.platform.http.Permission;
import com.memberpoints.functions.platform.http.ProblemType;
import com.memberpoints.functions.platform.http.StaffApiHandler;
import com.memberpoints.functions.platform.json.FieldReader;
import com.memberpoints.functions.platform.log.JsonLogger;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code POST /v1/admin/members/{memberId}/points/adjustments} (permission {@code member_points}): adds
 * ({@code points > 0}) or deducts ({@code points < 0}) points with a required reason (1-200 characters,
 * shown to the member) and optional {@code sendEmail} / {@code sendSms} (adds only: a deduction is never
 * notified, so asking for it is a 400). The {@code Idempotency-Key} header (or the {@code idempotencyKey}
 * field) is required and becomes the ledger operation: a retry answers 200 with the first result instead of
 * 201; the same key for another adjustment is a 409. A deduction above the balance is a 422 naming the balance.
 */
@ReadsEnvironment({AppConfig.TABLE_NAME})
public final class AdjustPointsHandler extends StaffApiHandler {
    private final AdminServices services;

    public AdjustPointsHandler() {
        this(Wiring.admin(), JsonLogger.stdout());
    }

    public AdjustPointsHandler(AdminServices services, JsonLogger logger) {
        super(Permission.MEMBER_POINTS, logger);
        this.services = Objects.requireNonNull(services, "services");
    }

    private record Body(long points, String reason, boolean email, boolean sms, Optional<String> key) {}

    @Override
    protected ApiResponse handle(ApiRequest request, Caller.Staff staff) {
        request.query().allowOnly();
        MemberId member = request.pathParameter("memberId", MemberId::of);
        Body body = request.body(AdjustPointsHandler::read);
        String key = IdempotencyKeys.required(request, body.key());
        PointsAdjustments.Request command = new PointsAdjustments.Request(body.points(), body.reason(),
                new NotifyChoice(body.email(), body.sms()), key);
        return switch (services.adjustments().adjust(staff.merchantId(), member, command, staff.actor())) {
            case PointsAdjustments.Outcome.Done d -> {
                request.log().info("points adjusted", "memberId", member.value(), "points", body.points(),
                        "repeated", d.repeated());
                var json = AdminJson.entry(d.entry(), services.merchant(staff.merchantId()));
                String location = "/v1/admin/members/" + member.value() + "/points/history";
                yield d.repeated() ? ApiResponse.ok(json) : ApiResponse.created(location, json);
            }
            case PointsAdjustments.Outcome.InsufficientBalance i -> throw new ApiException(ProblemType.UNPROCESSABLE,
                    "The deduction of " + i.requested() + " points is larger than the member's balance of "
                            + i.balance() + " points.",
                    List.of(new FieldError("points", "exceeds the balance of " + i.balance() + " points")), Map.of());
            case PointsAdjustments.Outcome.UnknownMember u -> throw ApiException.notFound("Member not found.");
            case PointsAdjustments.Outcome.StoreNotConfigured n -> throw AdminServices.storeNotConfigured();
            case PointsAdjustments.Outcome.KeyReused k -> throw ApiException.conflict(
                    "This Idempotency-Key was already used for a different adjustment.");
        };
    }

    private static Body read(FieldReader r) {
        long points = r.integer("points", -PointsAdjustments.MAX_POINTS, PointsAdjustments.MAX_POINTS);
        if (points == 0 && r.memberNames().contains("points")) {
            r.reject("points", "must not be 0: positive to add, negative to deduct");
        }
        String reason = r.string("reason", 1, LedgerCommand.MAX_REASON_LENGTH);
        boolean email = r.optionalBool("sendEmail").orElse(false);
        boolean sms = r.optionalBool("sendSms").orElse(false);
        if (points < 0 && email) {
            r.reject("sendEmail", "a deduction is never notified");
        }
        if (points < 0 && sms) {
            r.reject("sendSms", "a deduction is never notified");
        }
        Optional<String> key = r.parsed("idempotencyKey", 100, IdempotencyKeys::check,
                IdempotencyKeys.RULE);
        return new Body(points, reason, email, sms, key);
    }
}
