package com.memberpoints.functions.admin.members;

import com.memberpoints.functions.admin.AdminServices;

import com.memberpoints.functions.platform.ReadsEnvironment;
import com.memberpoints.functions.platform.AppConfig;
import com.memberpoints.domain.membercenter.AdminMemberView;
import com.memberpoints.functions.platform.http.ApiException;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.functions.platform.Wiring;
import com.memberpoints.functions.platform.http.ApiRequest;
import com.memberpoints.functions.platform.http.ApiResponse;
import com.memberpoints.functions.platform.http.Caller;
import com.memberpoints.functions.platform.http.Permission;
import com.memberpoints.functions.platform.http.StaffApiHandler;
import com.memberpoints.functions.platform.log.JsonLogger;
import com.memberpoints.functions.platform.views.MemberPointsJson;

import java.util.Objects;

/**
 * {@code GET /v1/admin/members/{memberId}/points} (permission {@code customer_management}): a member's
 * points balance (what can be spent now), its cash value at the redemption rate in whole redemption units,
 * the balance by expiry date with never-expiring points apart, pending points with their expected date (as the
 * member center shows them), the store-credit balance, and whether the member can be sent an email and an SMS
 * ({@code reach}: an admin screen greys out "Send email" / "Send SMS", issue 11.5). The member
 * must exist in the caller's store (404 otherwise, exactly as for another store's member).
 */
@ReadsEnvironment({AppConfig.TABLE_NAME})
public final class MemberPointsHandler extends StaffApiHandler {
    private final AdminServices services;

    public MemberPointsHandler() {
        this(Wiring.admin(), JsonLogger.stdout());
    }

    public MemberPointsHandler(AdminServices services, JsonLogger logger) {
        super(Permission.CUSTOMER_MANAGEMENT, logger);
        this.services = Objects.requireNonNull(services, "services");
    }

    @Override
    protected ApiResponse handle(ApiRequest request, Caller.Staff staff) {
        request.query().allowOnly();
        MemberId member = MemberPaths.requireMember(services, request, staff);
        Merchant merchant = services.merchant(staff.merchantId());
        AdminMemberView view = services.memberCenter().adminView(merchant, member)
                .orElseThrow(() -> ApiException.notFound("Member not found."));
        return ApiResponse.ok(MemberPointsJson.admin(member, view, merchant));
    }
}
