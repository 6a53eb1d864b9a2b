package com.memberpoints.functions.admin.members;

import com.memberpoints.functions.platform.http.IdempotencyKeys;
import com.memberpoints.functions.admin.AdminJson;
import com.memberpoints.domain.merchant.MerchantStore;

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
    private final PointsAdjustments adjustments;
    private final MerchantStore merchants;

    public AdjustPointsHandler() {
        this(Wiring.pointsAdjustments(), Wiring.merchantStore(), JsonLogger.stdout());
    }

    public AdjustPointsHandler(PointsAdjustments adjustments, MerchantStore merchants, JsonLogger logger) {
        super(Permission.MEMBER_POINTS, logger);
        this.adjustments = Objects.requireNonNull(adjustments, "adjustments");
        this.merchants = Objects.requireNonNull(merchants, "merchants");
    }

    @Override
    protected ApiResponse handle(ApiRequest request, Caller.Staff staff) {
        request.query().allowOnly();
        MemberId member = request.pathParameter("memberId", MemberId::of);
        MembersJson.Adjustment body = request.body(MembersJson::adjustment);
        PointsAdjustments.Request command = body.request(IdempotencyKeys.required(request, body.key()));
        PointsAdjustments.Outcome outcome = adjustments.adjust(staff.merchantId(), member, command, staff.actor());
        return switch (outcome) {
            case PointsAdjustments.Outcome.Done d -> {
                request.log().info("points adjusted", "memberId", member.value(), "points", body.points(),
                        "repeated", d.repeated());
                var json = AdminJson.entry(d.entry(), AdminJson.store(merchants, staff.merchantId()));
                String location = "/v1/admin/members/" + member.value() + "/points/history";
                yield d.repeated() ? ApiResponse.ok(json) : ApiResponse.created(location, json);
            }
            default -> throw MembersJson.refused(outcome);
        };
    }
}
