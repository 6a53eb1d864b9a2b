package com.memberpoints.functions.admin.members;

import com.memberpoints.functions.admin.AdminJson;
import com.memberpoints.functions.admin.AdminServices;

import com.memberpoints.functions.platform.ReadsEnvironment;
import com.memberpoints.functions.platform.AppConfig;
import com.memberpoints.domain.ledger.Lot;
import com.memberpoints.domain.ledger.Lots;
import com.memberpoints.domain.ledger.MemberWallets;
import com.memberpoints.domain.membercenter.MemberPointsView;
import com.memberpoints.domain.checkout.StorefrontService;
import com.memberpoints.domain.merchant.Merchant;
import com.memberpoints.domain.model.MemberId;
import com.memberpoints.domain.model.Money;
import com.memberpoints.domain.order.Order;
import com.memberpoints.domain.settings.MerchantSettings;
import com.memberpoints.functions.platform.Wiring;
import com.memberpoints.functions.platform.http.ApiException;
import com.memberpoints.functions.platform.http.ApiRequest;
import com.memberpoints.functions.platform.http.ApiResponse;
import com.memberpoints.functions.platform.http.Caller;
import com.memberpoints.functions.platform.http.Permission;
import com.memberpoints.functions.platform.http.StaffApiHandler;
import com.memberpoints.functions.platform.json.JsonArray;
import com.memberpoints.functions.platform.json.JsonObject;
import com.memberpoints.functions.platform.json.JsonValue;
import com.memberpoints.functions.platform.log.JsonLogger;
import com.memberpoints.functions.storefront.MyPointsHandler;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code GET /v1/admin/members/{memberId}/points} (permission {@code customer_management}): a member's
 * points balance (what can be spent now), its cash value at the redemption rate in whole redemption units,
 * the balance by expiry date with never-expiring points apart, pending points with their expected date (as the
 * member center shows them), and the store-credit balance. The member
 * must exist in the caller's store (404 otherwise, exactly as for another store's member).
 */
@ReadsEnvironment({AppConfig.TABLE_NAME})
public final class MemberPointsHandler extends StaffApiHandler {
    private final AdminServices services;

    public MemberPointsHandler() {
        this(Wiring.admin(), JsonLogger.stdout());
    }

    public MemberPointsHandler(AdminServices services, JsonLogger logger) {
        super(Permission.CUSTOMER_MANAGEMENT, logger);
        this.services = Objects.requireNonNull(services, "services");
    }

    @Override
    protected ApiResponse handle(ApiRequest request, Caller.Staff staff) {
        request.query().allowOnly();
        MemberId member = requireMember(services, request, staff);
        Merchant merchant = services.merchant(staff.merchantId());
        MerchantSettings settings = services.settings().current(staff.merchantId()).settings();
        Instant now = services.clock().now();
        MemberWallets wallets = services.ledger().wallets(staff.merchantId(), member);
        long balance = wallets.points().available(now);
        long perUnit = Math.max(1, settings.redeem().pointsPerUnit());
        Money cash = Money.of(BigDecimal.valueOf(balance / perUnit).toPlainString(), merchant.currency());
        List<JsonValue> byExpiry = new ArrayList<>();
        long never = 0;
        for (Lot lot : wallets.points().lots().asList()) {
            if (lot.expiresAt().isEmpty()) {
                never += lot.amount();
            } else if (Lots.isValidAt(lot.expiresAt(), now)) {
                byExpiry.add(AdminJson.lot(lot.expiresAt().get(), lot.amount(), merchant).build());
            }
        }
        long creditMinor = wallets.credits().available(now);
        List<Order> pendingOrders = services.orders().pendingForMember(staff.merchantId(), member,
                StorefrontService.MAX_PENDING_SHOWN + 1);
        boolean morePending = pendingOrders.size() > StorefrontService.MAX_PENDING_SHOWN;
        List<MemberPointsView.PendingPoints> pending = StorefrontService.pendingOf(morePending
                ? pendingOrders.subList(0, StorefrontService.MAX_PENDING_SHOWN) : pendingOrders, merchant.zone());
        return ApiResponse.ok(JsonObject.builder()
                .put("memberId", member.value())
                .put("points", balance)
                .put("cashValue", cash)
                .put("currency", merchant.currency().getCurrencyCode())
                .put("pointsPerUnit", settings.redeem().pointsPerUnit())
                .put("byExpiry", new JsonArray(byExpiry))
                .put("neverExpiring", never)
                .put("pending", MyPointsHandler.pendingJson(pending))
                .put("morePending", morePending)
                .put("storeCredits", Money.ofMinor(creditMinor, merchant.currency()))
                .build());
    }

    /** The path's member, which must exist in the caller's store. */
    static MemberId requireMember(AdminServices services, ApiRequest request, Caller.Staff staff) {
        MemberId member = request.pathParameter("memberId", MemberId::of);
        if (services.members().find(staff.merchantId(), member).isEmpty()) {
            throw ApiException.notFound("Member not found.");
        }
        return member;
    }
}
