package com.memberpoints.functions.storefront;

import com.memberpoints.functions.platform.ReadsEnvironment;
import com.memberpoints.functions.platform.AppConfig;
import com.memberpoints.domain.membercenter.MemberCenter;
import com.memberpoints.domain.model.PageRequest;
import com.memberpoints.domain.ledger.Wallet;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.functions.platform.Wiring;
import com.memberpoints.functions.platform.http.ApiRequest;
import com.memberpoints.functions.platform.http.ApiResponse;
import com.memberpoints.functions.platform.http.Caller;
import com.memberpoints.functions.platform.http.MemberApiHandler;
import com.memberpoints.functions.platform.log.JsonLogger;

import java.util.Objects;

/**
 * {@code GET /v1/storefront/me/points/history?limit=&cursor=}: the member's points journal, newest first
 * (date, change, reason, order, expiry). The cursor is the ledger's opaque position; the partition always
 * comes from the caller, so a forged cursor cannot leave the member's own journal.
 */
@ReadsEnvironment({AppConfig.TABLE_NAME})
public final class MyPointsHistoryHandler extends MemberApiHandler {
    private final MemberCenter center;

    /** Lambda entry point. */
    public MyPointsHistoryHandler() {
        this(Wiring.memberCenter(), JsonLogger.stdout());
    }

    public MyPointsHistoryHandler(MemberCenter center, JsonLogger logger) {
        super(logger);
        this.center = Objects.requireNonNull(center, "center");
    }

    @Override
    protected ApiResponse handle(ApiRequest request, Caller.Member member) {
        PageRequest page = StorefrontJson.page(request.query());
        Merchant merchant = center.merchant(member.merchantId());
        return ApiResponse.ok(StorefrontJson.history(
                center.history(merchant.id(), member.memberId(), Wallet.POINTS, page), merchant, false).build());
    }

    /** SnapStart: the platform pipeline, then the DynamoDB request model (nothing is sent). */
    @Override
    public void prime() {
        super.prime();
        StorefrontWarmUp.sdkModel();
    }
}
