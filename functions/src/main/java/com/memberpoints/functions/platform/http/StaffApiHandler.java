package com.memberpoints.functions.platform.http;

import com.memberpoints.functions.platform.log.JsonLogger;

import java.util.Optional;

/**
 * An admin route: only staff holding {@code required} reach {@link #handle}; members and staff
 * without it get 403, no or bad token 401. Everything is read and written in
 * {@code staff.merchantId()}: another merchant's member is simply not found (404).
 */
public abstract class StaffApiHandler extends ApiHandler {

    protected StaffApiHandler(Permission required, JsonLogger logger) {
        super(new Access.StaffWith(required), logger);
    }

    /** A route whose permission depends on a path parameter (see {@link Access.StaffPerPath}). */
    protected StaffApiHandler(Access.StaffPerPath access, JsonLogger logger) {
        super(access, logger);
    }

    protected abstract ApiResponse handle(ApiRequest request, Caller.Staff staff);

    @Override
    final ApiResponse dispatch(ApiRequest request, Optional<Caller> caller) {
        return handle(request, (Caller.Staff) caller.orElseThrow());
    }
}
