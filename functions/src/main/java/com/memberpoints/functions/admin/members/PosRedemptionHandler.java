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
import com.memberpoints.functions.platform.http.Permission;
import com.memberpoints.functions.platform.http.StaffApiHandler;
import com.memberpoints.functions.platform.log.JsonLogger;
import java.util.Objects;

/**
 * {@code POST /v1/admin/members/{memberId}/pos-redemptions} (permission {@code member_points}): points applied to
 * an in-store sale, {@code {"receiptId", "saleAmount", "points": <integer> | "maximum"}}. Only the balance, the
 * redemption unit and the sale bound it (no online minimum order or cap). 201 first, 200 for a repeat of the same
 * receipt; 409 for the same receipt with another body or after its cancellation; 422 naming {@code points}.
 */
@ReadsEnvironment({AppConfig.TABLE_NAME})
public final class PosRedemptionHandler extends StaffApiHandler {
    private final PosRedemptions pos;
    private final MerchantStore merchants;

    public PosRedemptionHandler() {
        this(Wiring.posRedemptions(), Wiring.merchantStore(), JsonLogger.stdout());
    }

    public PosRedemptionHandler(PosRedemptions pos, MerchantStore merchants, JsonLogger logger) {
        super(Permission.MEMBER_POINTS, logger);
        this.pos = Objects.requireNonNull(pos, "pos");
        this.merchants = Objects.requireNonNull(merchants, "merchants");
    }

    @Override
    protected ApiResponse handle(ApiRequest request, Caller.Staff staff) {
        request.query().allowOnly();
        MemberId member = request.pathParameter("memberId", MemberId::of);
        Merchant merchant = AdminJson.store(merchants, staff.merchantId());
        PosRedemptions.Request body = request.body(r -> PosJson.request(r, merchant));
        PosRedemptions.Outcome outcome = pos.redeem(staff.merchantId(), member, body, staff.actor());
        if (!(outcome instanceof PosRedemptions.Outcome.Redeemed r)) {
            throw PosJson.refused(outcome);
        }
        return r.repeated() ? ApiResponse.ok(PosJson.redeemed(r, merchant))
                : ApiResponse.created("/v1/admin/members/" + member.value() + "/points/history",
                        PosJson.redeemed(r, merchant));
    }
}
