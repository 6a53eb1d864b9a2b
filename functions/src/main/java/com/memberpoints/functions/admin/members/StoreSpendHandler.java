package com.memberpoints.functions.admin.members;

import com.memberpoints.functions.platform.http.IdempotencyKeys;
import com.memberpoints.functions.admin.AdminJson;
import com.memberpoints.functions.admin.AdminServices;

import com.memberpoints.functions.platform.ReadsEnvironment;
import com.memberpoints.functions.platform.AppConfig;
import com.memberpoints.domain.staff.StoreSpend;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.Money;
import com.memberpoints.functions.platform.Wiring;
import com.memberpoints.functions.platform.http.ApiException;
import com.memberpoints.functions.platform.http.ApiRequest;
import com.memberpoints.functions.platform.http.ApiResponse;
import com.memberpoints.functions.platform.http.Caller;
import com.memberpoints.functions.platform.http.Permission;
import com.memberpoints.functions.platform.http.StaffApiHandler;
import com.memberpoints.functions.platform.json.JsonObject;
import com.memberpoints.functions.platform.log.JsonLogger;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * {@code POST /v1/admin/members/{memberId}/store-spend} (permission {@code member_points}): retail spend
 * entered in the store, {@code {"receiptId", "amount"}} (amount = the earn base: after discounts, in the
 * store currency). It earns like a POS order while the retail channel is on; the receipt id makes it
 * idempotent (201 first, 200 for a repeat, 409 for the same receipt with another amount). When nothing is
 * earned (program, channel or earn rule off, or below one step) the answer is 200 with {@code points: 0}
 * and the reason, and nothing is written.
 */
@ReadsEnvironment({AppConfig.TABLE_NAME})
public final class StoreSpendHandler extends StaffApiHandler {
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000");

    private final AdminServices services;

    public StoreSpendHandler() {
        this(Wiring.admin(), JsonLogger.stdout());
    }

    public StoreSpendHandler(AdminServices services, JsonLogger logger) {
        super(Permission.MEMBER_POINTS, logger);
        this.services = Objects.requireNonNull(services, "services");
    }

    private record Body(String receiptId, Money amount) {}

    @Override
    protected ApiResponse handle(ApiRequest request, Caller.Staff staff) {
        request.query().allowOnly();
        MemberId member = request.pathParameter("memberId", MemberId::of);
        Merchant merchant = services.merchant(staff.merchantId());
        Body body = request.body(r -> {
            String receipt = r.parsed("receiptId", 100, IdempotencyKeys::check,
                    "must be 1-100 characters of letters, digits and ._:@+-").orElse(null);
            if (receipt == null && !r.memberNames().contains("receiptId")) {
                r.reject("receiptId", "is required");
            }
            Money amount = r.money("amount", merchant.currency(), MAX_AMOUNT);
            if (amount != null && !amount.isPositive()) {
                r.reject("amount", "must be greater than 0");
            }
            return receipt == null || amount == null ? null : new Body(receipt, amount);
        });
        StoreSpend spend = new StoreSpend(services.ledger(), services.members(), services.merchants(),
                services.settingsStore(), services.clock());
        return switch (spend.record(staff.merchantId(), member, body.receiptId(), body.amount(), staff.actor())) {
            case StoreSpend.Outcome.Earned e -> {
                JsonObject json = JsonObject.builder()
                        .put("receiptId", body.receiptId())
                        .put("orderId", StoreSpend.orderIdOf(body.receiptId()).value())
                        .put("amount", body.amount())
                        .put("points", e.entry().delta())
                        .put("entry", AdminJson.entry(e.entry(), merchant))
                        .build();
                yield e.repeated() ? ApiResponse.ok(json)
                        : ApiResponse.created("/v1/admin/members/" + member.value() + "/points/history", json);
            }
            case StoreSpend.Outcome.NothingEarned n -> ApiResponse.ok(JsonObject.builder()
                    .put("receiptId", body.receiptId())
                    .put("amount", body.amount())
                    .put("points", 0)
                    .put("reason", n.reason().map(Enum::name).orElse("BELOW_ONE_STEP"))
                    .build());
            case StoreSpend.Outcome.UnknownMember u -> throw ApiException.notFound("Member not found.");
            case StoreSpend.Outcome.StoreNotConfigured s -> throw AdminServices.storeNotConfigured();
            case StoreSpend.Outcome.ReceiptReused r -> throw ApiException.conflict(
                    "This receipt was already recorded with another amount.");
        };
    }
}
