package com.memberpoints.functions.admin.members;

import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.merchant.MerchantStore;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.staff.PosRedemptions;
import com.memberpoints.functions.admin.AdminJson;
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

/**
 * {@code POST /v1/admin/members/{memberId}/pos-redemptions/{receiptId}/cancellation} (permission
 * {@code member_points}): the in-store sale was cancelled; its points go back to the lots they came from, with
 * their original expiry, once (200 each time, {@code repeat} after the first). 404 when this member redeemed
 * nothing on the receipt. No body.
 */
@ReadsEnvironment({AppConfig.TABLE_NAME})
public final class PosRedemptionCancellationHandler extends StaffApiHandler {
    private final PosRedemptions pos;
    private final MerchantStore merchants;

    public PosRedemptionCancellationHandler() {
        this(Wiring.posRedemptions(), Wiring.merchantStore(), JsonLogger.stdout());
    }

    public PosRedemptionCancellationHandler(PosRedemptions pos, MerchantStore merchants, JsonLogger logger) {
        super(Permission.MEMBER_POINTS, logger);
        this.pos = Objects.requireNonNull(pos, "pos");
        this.merchants = Objects.requireNonNull(merchants, "merchants");
    }

    @Override
    protected ApiResponse handle(ApiRequest request, Caller.Staff staff) {
        request.query().allowOnly();
        MemberId member = request.pathParameter("memberId", MemberId::of);
        String receipt = request.pathParameter("receiptId", IdempotencyKeys::check);
        Merchant merchant = AdminJson.store(merchants, staff.merchantId());
        PosRedemptions.CancelOutcome outcome = pos.cancel(staff.merchantId(), member, receipt, staff.actor());
        if (!(outcome instanceof PosRedemptions.CancelOutcome.Cancelled c)) {
            throw PosJson.notCancelled(outcome);
        }
        return ApiResponse.ok(PosJson.cancelled(receipt, c, merchant));
    }
}
