package com.memberpoints.functions.platform.http;

import com.memberpoints.functions.platform.log.JsonLogger;

import java.util.Optional;

/**
 * A storefront route: only a logged-in member reaches {@link #handle}; staff tokens get 403, no or bad
 * token 401. The member's data is addressed only through {@code member} (routes say {@code /me}),
 * so a member cannot even name another member.
 */
public abstract class MemberApiHandler extends ApiHandler {

    protected MemberApiHandler(JsonLogger logger) {
        super(new Access.MemberOnly(), logger);
    }

    protected abstract ApiResponse handle(ApiRequest request, Caller.Member member);

    @Override
    final ApiResponse dispatch(ApiRequest request, Optional<Caller> caller) {
        return handle(request, (Caller.Member) caller.orElseThrow());
    }
}
