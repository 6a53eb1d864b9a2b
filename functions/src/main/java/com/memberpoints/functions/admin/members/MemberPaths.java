package com.memberpoints.functions.admin.members;

import com.memberpoints.domain.model.MemberId;
import com.memberpoints.functions.admin.AdminServices;
import com.memberpoints.functions.platform.http.ApiException;
import com.memberpoints.functions.platform.http.ApiRequest;
import com.memberpoints.functions.platform.http.Caller;

/** The {@code {memberId}} path parameter of the admin member views, shared so no handler imports another. */
final class MemberPaths {
    private MemberPaths() {}

    /** The path's member, which must exist in the caller's store (404 otherwise, as for another store's member). */
    static MemberId requireMember(AdminServices services, ApiRequest request, Caller.Staff staff) {
        MemberId member = request.pathParameter("memberId", MemberId::of);
        if (!services.memberCenter().isMember(staff.merchantId(), member)) {
            throw ApiException.notFound("Member not found.");
        }
        return member;
    }
}
