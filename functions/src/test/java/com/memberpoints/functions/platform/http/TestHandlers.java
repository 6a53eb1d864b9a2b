package com.memberpoints.functions.platform.http;

import com.memberpoints.domain.model.MemberId;
import com.memberpoints.functions.platform.json.JsonObject;
import com.memberpoints.functions.platform.log.JsonLogger;

import java.math.BigDecimal;

/** Small handlers written the way real ones are, to drive the platform in tests. */
final class TestHandlers {
    private TestHandlers() {}

    record Adjustment(MemberId memberId, long points, String reason, boolean sendEmail) {}

    /** Like the future manual-adjustment route: staff with MEMBER_POINTS, strict body. */
    static final class AdjustPoints extends StaffApiHandler {
        Adjustment last;
        Caller.Staff lastCaller;

        AdjustPoints(JsonLogger logger) {
            super(Permission.MEMBER_POINTS, logger);
        }

        @Override
        protected ApiResponse handle(ApiRequest request, Caller.Staff staff) {
            MemberId member = request.pathParameter("memberId", MemberId::of);
            Adjustment a = request.body(r -> {
                r.readOnly("balance", "createdAt");
                return new Adjustment(member,
                        r.integer("points", -1_000_000, 1_000_000),
                        r.string("reason", 1, 200),
                        r.optionalBool("sendEmail").orElse(false));
            });
            last = a;
            lastCaller = staff;
            request.log().info("points adjusted", "memberId", member.value(), "points", a.points());
            return ApiResponse.created("/v1/admin/members/" + member.value() + "/points",
                    JsonObject.builder().put("points", a.points()).putDecimalString("cashValue", BigDecimal.valueOf(a.points(), 1)).build());
        }
    }

    /** Like the future member-center route. */
    static final class MyPoints extends MemberApiHandler {
        MyPoints(JsonLogger logger) {
            super(logger);
        }

        @Override
        protected ApiResponse handle(ApiRequest request, Caller.Member member) {
            return ApiResponse.ok(JsonObject.builder()
                    .put("memberId", member.memberId().value())
                    .put("merchantId", member.merchantId().value())
                    .build());
        }
    }

    /** A handler whose dependency blows up with an internal message that must never reach a caller. */
    static final class Exploding extends MemberApiHandler {
        Exploding(JsonLogger logger) {
            super(logger);
        }

        @Override
        protected ApiResponse handle(ApiRequest request, Caller.Member member) {
            throw new IllegalStateException("ConditionalCheckFailed on table mp-prod-ledger key MERCHANT#shop-1");
        }
    }
}
