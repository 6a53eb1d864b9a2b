package com.memberpoints.local;

import com.memberpoints.functions.platform.http.ApiRequest;
import com.memberpoints.functions.platform.http.ApiResponse;
import com.memberpoints.functions.platform.http.Caller;
import com.memberpoints.functions.platform.http.Permission;
import com.memberpoints.functions.platform.http.StaffApiHandler;
import com.memberpoints.functions.platform.json.JsonObject;
import com.memberpoints.functions.platform.log.JsonLogger;

/** Test route: echoes what the local server put in the event, so the translation can be checked over HTTP. */
public final class EchoHandler extends StaffApiHandler {
    public EchoHandler() {
        super(Permission.CUSTOMER_MANAGEMENT, JsonLogger.discarding());
    }

    @Override
    protected ApiResponse handle(ApiRequest request, Caller.Staff staff) {
        String memberId = request.pathParameter("memberId", String::valueOf);
        String note = request.body(r -> r.string("note", 1, 50));
        return ApiResponse.ok(JsonObject.builder()
                .put("route", request.routeKey())
                .put("memberId", memberId)
                .put("q", request.query().string("q", 50).orElse(""))
                .put("merchantId", staff.merchantId().value())
                .put("staffId", staff.staffId().value())
                .put("note", note)
                .build());
    }
}
