package com.memberpoints.functions.platform;

import com.memberpoints.functions.platform.http.ApiRequest;
import com.memberpoints.functions.platform.http.ApiResponse;
import com.memberpoints.functions.platform.http.PublicApiHandler;
import com.memberpoints.functions.platform.json.JsonObject;
import com.memberpoints.functions.platform.log.JsonLogger;

/**
 * {@code GET /v1/health}: {@code {"status":"ok"}}. No token, no data access: it proves the function
 * runs and the platform answers (and is the start-up benchmark's realistic target until the quote
 * handler lands).
 */
@ReadsEnvironment({})
public final class HealthHandler extends PublicApiHandler {

    /** Lambda entry point. */
    public HealthHandler() {
        this(JsonLogger.stdout());
    }

    /** Tests: the logger is the only collaborator. */
    public HealthHandler(JsonLogger logger) {
        super(logger);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        request.query().allowOnly();
        return ApiResponse.ok(JsonObject.builder().put("status", "ok").build());
    }
}
