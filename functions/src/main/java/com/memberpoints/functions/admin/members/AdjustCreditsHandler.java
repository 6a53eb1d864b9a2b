package com.memberpoints.functions.admin.members;

import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.merchant.MerchantStore;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.staff.CreditAdjustments;
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
 * {@code POST /v1/admin/members/{memberId}/credits/adjustments} (permission {@code store_credits}; issue 11.2): adds
 * ({@code "amount": "10.00"}) or deducts ({@code "-10.00"}) store credits in the store currency with a required
 * reason (1-200 characters, shown to the member); additions take an optional validity ({@code validityDays},
 * {@code expiresOn} or {@code neverExpires}; none: the store's reward-credit validity) and {@code sendEmail} /
 * {@code sendSms}. {@code Idempotency-Key} is required: a retry answers 200 with the first entry instead of 201; the
 * same key for another adjustment is a 409. A deduction above the balance is a 422 naming the balance.
 */
@ReadsEnvironment({AppConfig.TABLE_NAME})
public final class AdjustCreditsHandler extends StaffApiHandler {
    private final CreditAdjustments adjustments;
    private final MerchantStore merchants;

    public AdjustCreditsHandler() {
        this(Wiring.creditAdjustments(), Wiring.merchantStore(), JsonLogger.stdout());
    }

    public AdjustCreditsHandler(CreditAdjustments adjustments, MerchantStore merchants, JsonLogger logger) {
        super(Permission.STORE_CREDITS, logger);
        this.adjustments = Objects.requireNonNull(adjustments, "adjustments");
        this.merchants = Objects.requireNonNull(merchants, "merchants");
    }

    @Override
    protected ApiResponse handle(ApiRequest request, Caller.Staff staff) {
        request.query().allowOnly();
        MemberId member = request.pathParameter("memberId", MemberId::of);
        Merchant store = AdminJson.store(merchants, staff.merchantId());
        CreditsJson.Adjustment body = request.body(r -> CreditsJson.adjustment(r, store));
        CreditAdjustments.Request command = body.request(IdempotencyKeys.required(request, body.key()));
        return switch (adjustments.adjust(staff.merchantId(), member, command, staff.actor())) {
            case CreditAdjustments.Outcome.Done d -> {
                request.log().info("credits adjusted", "memberId", member.value(), "amount",
                        body.amount().toPlainString(), "repeated", d.repeated());
                var json = CreditsJson.entry(d.entry(), store);
                yield d.repeated() ? ApiResponse.ok(json)
                        : ApiResponse.created("/v1/admin/members/" + member.value() + "/credits", json);
            }
            case CreditAdjustments.Outcome other -> throw CreditsJson.refused(other);
        };
    }
}
