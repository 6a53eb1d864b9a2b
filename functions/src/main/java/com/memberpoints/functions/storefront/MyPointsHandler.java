package com.memberpoints.functions.storefront;

import com.memberpoints.functions.platform.ReadsEnvironment;
import com.memberpoints.functions.platform.AppConfig;
import com.memberpoints.domain.membercenter.MemberCenter;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.functions.platform.views.MemberPointsJson;
import com.memberpoints.functions.platform.Wiring;
import com.memberpoints.functions.platform.http.ApiRequest;
import com.memberpoints.functions.platform.http.ApiResponse;
import com.memberpoints.functions.platform.http.Caller;
import com.memberpoints.functions.platform.http.MemberApiHandler;
import com.memberpoints.functions.platform.log.JsonLogger;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code GET /v1/storefront/me/points?locale=}: balance, cash value, balance by expiry date (merchant-local),
 * never-expiring points, pending points with their expected date, and the rules text in the requested locale
 * (falling back to the store's default locale).
 */
@ReadsEnvironment({AppConfig.TABLE_NAME})
public final class MyPointsHandler extends MemberApiHandler {
    private final MemberCenter center;

    /** Lambda entry point. */
    public MyPointsHandler() {
        this(Wiring.memberCenter(), JsonLogger.stdout());
    }

    public MyPointsHandler(MemberCenter center, JsonLogger logger) {
        super(logger);
        this.center = Objects.requireNonNull(center, "center");
    }

    @Override
    protected ApiResponse handle(ApiRequest request, Caller.Member member) {
        Optional<Locale> locale = request.query().allowOnly("locale").locale("locale");
        Merchant merchant = center.merchant(member.merchantId());
        return ApiResponse.ok(MemberPointsJson.storefront(center.points(merchant, member.memberId(), locale), merchant));
    }

    /** SnapStart: the platform pipeline, then the DynamoDB request model (nothing is sent). */
    @Override
    public void prime() {
        super.prime();
        StorefrontWarmUp.sdkModel();
    }
}
