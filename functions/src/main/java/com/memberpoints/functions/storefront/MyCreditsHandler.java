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
 * {@code GET /v1/storefront/me/credits?limit=&cursor=}: the member's store-credit balance (spendable now) and
 * a page of its history, newest first, amounts as money strings.
 */
@ReadsEnvironment({AppConfig.TABLE_NAME})
public final class MyCreditsHandler extends MemberApiHandler {
    private final MemberCenter center;

    /** Lambda entry point. */
    public MyCreditsHandler() {
        this(Wiring.memberCenter(), JsonLogger.stdout());
    }

    public MyCreditsHandler(MemberCenter center, JsonLogger logger) {
        super(logger);
        this.center = Objects.requireNonNull(center, "center");
    }

    @Override
    protected ApiResponse handle(ApiRequest request, Caller.Member member) {
        PageRequest page = StorefrontJson.page(request.query());
        Merchant merchant = center.merchant(member.merchantId());
        var history = StorefrontJson.history(center.history(merchant.id(), member.memberId(), Wallet.CREDITS, page),
                merchant, true);
        return ApiResponse.ok(com.memberpoints.functions.platform.json.JsonObject.builder()
                .put("balance", center.credits(merchant, member.memberId()))
                .put("currency", merchant.currency().getCurrencyCode())
                .put("history", history.build())
                .build());
    }

    /** SnapStart: the platform pipeline, then the DynamoDB request model (nothing is sent). */
    @Override
    public void prime() {
        super.prime();
        StorefrontWarmUp.sdkModel();
    }
}
