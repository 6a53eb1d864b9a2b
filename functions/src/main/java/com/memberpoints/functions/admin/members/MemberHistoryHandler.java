package com.memberpoints.functions.admin.members;

import com.memberpoints.functions.admin.AdminJson;
import com.memberpoints.functions.admin.AdminServices;

import com.memberpoints.functions.platform.ReadsEnvironment;
import com.memberpoints.functions.platform.AppConfig;
import com.memberpoints.domain.ledger.JournalEntry;
import com.memberpoints.domain.model.Page;
import com.memberpoints.domain.model.PageRequest;
import com.memberpoints.domain.ledger.Wallet;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.functions.platform.Wiring;
import com.memberpoints.functions.platform.http.ApiRequest;
import com.memberpoints.functions.platform.http.ApiResponse;
import com.memberpoints.functions.platform.http.Caller;
import com.memberpoints.functions.platform.http.PageCursor;
import com.memberpoints.functions.platform.http.Permission;
import com.memberpoints.functions.platform.http.QueryParams;
import com.memberpoints.functions.platform.http.StaffApiHandler;
import com.memberpoints.functions.platform.json.JsonArray;
import com.memberpoints.functions.platform.json.JsonObject;
import com.memberpoints.functions.platform.json.JsonValue;
import com.memberpoints.functions.platform.log.JsonLogger;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code GET /v1/admin/members/{memberId}/points/history?wallet=points|credits&limit=&cursor=} (permission
 * {@code customer_management}): the member's journal, newest first, each line with who made the change
 * ({@code changedBy}: the staff id or {@code "system"}).
 */
@ReadsEnvironment({AppConfig.TABLE_NAME})
public final class MemberHistoryHandler extends StaffApiHandler {
    private final AdminServices services;

    public MemberHistoryHandler() {
        this(Wiring.admin(), JsonLogger.stdout());
    }

    public MemberHistoryHandler(AdminServices services, JsonLogger logger) {
        super(Permission.CUSTOMER_MANAGEMENT, logger);
        this.services = Objects.requireNonNull(services, "services");
    }

    enum WalletParam { POINTS, CREDITS }

    @Override
    protected ApiResponse handle(ApiRequest request, Caller.Staff staff) {
        QueryParams query = request.query().allowOnly(QueryParams.LIMIT, QueryParams.CURSOR, "wallet");
        PageRequest page = new PageRequest(query.string(QueryParams.CURSOR, PageCursor.MAX_LENGTH), query.pageSize());
        Wallet wallet = query.string("wallet", 10).map(w -> switch (w) {
            case "points" -> Wallet.POINTS;
            case "credits" -> Wallet.CREDITS;
            default -> throw new com.memberpoints.domain.model.InvalidInputException("wallet", "must be points or credits");
        }).orElse(Wallet.POINTS);
        MemberId member = MemberPaths.requireMember(services, request, staff);
        Merchant merchant = services.merchant(staff.merchantId());
        Page<JournalEntry> entries = services.memberCenter().history(staff.merchantId(), member, wallet, page);
        List<JsonValue> items = new ArrayList<>(entries.items().size());
        for (JournalEntry e : entries.items()) {
            items.add(AdminJson.entry(e, merchant));
        }
        JsonObject.Builder body = JsonObject.builder()
                .put("memberId", member.value())
                .put("wallet", wallet.name().toLowerCase(java.util.Locale.ROOT))
                .put("items", new JsonArray(items));
        if (entries.nextCursor().isPresent()) {
            body.put("nextCursor", entries.nextCursor().get());
        } else {
            body.putNull("nextCursor");
        }
        return ApiResponse.ok(body.build());
    }
}
