package com.memberpoints.functions.platform.http;

import com.memberpoints.functions.platform.log.JsonLogger;

import java.util.Optional;

/**
 * A route anyone may call (no authorizer): health, and the guest cart reminder (issue 11.5), which reads only a
 * store's public rules. A public route must read no member data and stay read-only.
 */
public abstract class PublicApiHandler extends ApiHandler {

    protected PublicApiHandler(JsonLogger logger) {
        super(new Access.Public(), logger);
    }

    protected abstract ApiResponse handle(ApiRequest request);

    @Override
    final ApiResponse dispatch(ApiRequest request, Optional<Caller> caller) {
        return handle(request);
    }
}
