package com.memberpoints.functions.admin.members;

import com.memberpoints.functions.platform.http.IdempotencyKeys;
import com.memberpoints.functions.admin.AdminJson;
import com.memberpoints.domain.merchant.MerchantStore;

import com.memberpoints.functions.platform.ReadsEnvironment;
import com.memberpoints.functions.platform.AppConfig;
import com.memberpoints.domain.staff.StoreSpend;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.Money;
import com.memberpoints.functions.platform.Wiring;
import com.memberpoints.functions.platform.http.ApiException;
import com.memberpoints.functions.platform.http.ApiRequest;
import com.memberpoints.functions.platform.http.ApiResponse;
import com.memberpoints.functions.platform.http.Caller;
import com.memberpoints.functions.platform.http.Permission;
import com.memberpoints.functions.platform.http.StaffApiHandler;
import com.memberpoints.functions.platform.json.JsonObject;
import com.memberpoints.functions.platform.log.JsonLogger;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * {@code POST /v1/admin/members/{memberId}/store-spend} (permission {@code member_points}): retail spend
 * entered in the store, {@code {"receiptId", "amount"}} (amount = the earn base: after discounts, in the
 * store currency). It earns like a POS order while the retail channel is on; the receipt id makes it
 * idempotent (201 first, 200 for a repeat, 409 for the same receipt with another amount). When nothing is
 * earned (program, channel or earn rule off, or below one step) the answer is 200 with {@code points: 0}
 * and the reason, and nothing is written.
 */
@ReadsEnvironment({AppConfig.TABLE_NAME})
public final class StoreSpendHandler extends StaffApiHandler {
    private final StoreSpend spend;
    private final MerchantStore merchants;

    public StoreSpendHandler() {
        this(Wiring.storeSpend(), Wiring.merchantStore(), JsonLogger.stdout());
    }

    public StoreSpendHandler(StoreSpend spend, MerchantStore merchants, JsonLogger logger) {
        super(Permission.MEMBER_POINTS, logger);
        this.spend = Objects.requireNonNull(spend, "spend");
        this.merchants = Objects.requireNonNull(merchants, "merchants");
    }

    @Override
    protected ApiResponse handle(ApiRequest request, Caller.Staff staff) {
        request.query().allowOnly();
        MemberId member = request.pathParameter("memberId", MemberId::of);
        Merchant merchant = AdminJson.store(merchants, staff.merchantId());
        MembersJson.Spend body = request.body(r -> MembersJson.spend(r, merchant));
        StoreSpend.Outcome outcome = spend.record(staff.merchantId(), member, body.receiptId(), body.amount(), staff.actor());
        return switch (outcome) {
            case StoreSpend.Outcome.Earned e -> e.repeated() ? ApiResponse.ok(MembersJson.earned(body, e, merchant))
                    : ApiResponse.created("/v1/admin/members/" + member.value() + "/points/history",
                    MembersJson.earned(body, e, merchant));
            case StoreSpend.Outcome.NothingEarned n -> ApiResponse.ok(MembersJson.nothingEarned(body, n));
            default -> throw MembersJson.refused(outcome);
        };
    }
}
