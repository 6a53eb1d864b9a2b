package com.memberpoints.functions.admin.members;

import com.memberpoints.domain.ledger.Wallet;
import com.memberpoints.domain.membercenter.MemberCenter;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.PageRequest;
import com.memberpoints.functions.platform.AppConfig;
import com.memberpoints.functions.platform.ReadsEnvironment;
import com.memberpoints.functions.platform.Wiring;
import com.memberpoints.functions.platform.http.ApiException;
import com.memberpoints.functions.platform.http.ApiRequest;
import com.memberpoints.functions.platform.http.ApiResponse;
import com.memberpoints.functions.platform.http.Caller;
import com.memberpoints.functions.platform.http.PageCursor;
import com.memberpoints.functions.platform.http.Permission;
import com.memberpoints.functions.platform.http.QueryParams;
import com.memberpoints.functions.platform.http.StaffApiHandler;
import com.memberpoints.functions.platform.log.JsonLogger;
import java.util.Objects;

/**
 * {@code GET /v1/admin/members/{memberId}/credits?limit=&cursor=} (permission {@code customer_management}, who may
 * view members; issue 11.2): the member's store-credit balance spendable now and the credits history, newest first,
 * amounts as money strings, each line with who made it ({@code changedBy}: the staff id or {@code "system"}), its
 * reason and the expiry of the lots it touched. 404 for a member not in the caller's store.
 */
@ReadsEnvironment({AppConfig.TABLE_NAME})
public final class MemberCreditsHandler extends StaffApiHandler {
    private final MemberCenter center;

    public MemberCreditsHandler() {
        this(Wiring.memberCenter(), JsonLogger.stdout());
    }

    public MemberCreditsHandler(MemberCenter center, JsonLogger logger) {
        super(Permission.CUSTOMER_MANAGEMENT, logger);
        this.center = Objects.requireNonNull(center, "center");
    }

    @Override
    protected ApiResponse handle(ApiRequest request, Caller.Staff staff) {
        QueryParams query = request.query().allowOnly(QueryParams.LIMIT, QueryParams.CURSOR);
        PageRequest page = new PageRequest(query.string(QueryParams.CURSOR, PageCursor.MAX_LENGTH), query.pageSize());
        MemberId member = request.pathParameter("memberId", MemberId::of);
        if (!center.isMember(staff.merchantId(), member)) {
            throw ApiException.notFound("Member not found.");
        }
        Merchant store = center.merchant(staff.merchantId());
        var history = center.history(store.id(), member, Wallet.CREDITS, page);
        return ApiResponse.ok(CreditsJson.view(member, store, center.credits(store, member), history));
    }
}
